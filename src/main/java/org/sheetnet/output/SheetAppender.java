package org.sheetnet.output;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.sheetnet.io.CellValues;

/**
 * Appends rows to one streamed sheet. Text is always written as text, so a value such as
 * {@code =HYPERLINK(...)} or {@code +cmd|...} read from an input can never become a formula.
 */
final class SheetAppender {

    private final Sheet sheet;
    private int next;

    SheetAppender(Sheet sheet) {
        this.sheet = sheet;
    }

    /** The next row, created. */
    Row newRow() {
        return sheet.createRow(next++);
    }

    /** Number of rows written. */
    int rowCount() {
        return next;
    }

    Sheet sheet() {
        return sheet;
    }

    /** Writes a header row of names in the given style. */
    void header(List<String> names, CellStyle style) {
        Row row = newRow();
        for (int c = 0; c < names.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(style);
        }
    }

    /** Writes one value as a cell of the matching type; nothing for null. */
    static void put(Row row, int col, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(col);
        if (value instanceof Double d) {
            cell.setCellValue(d);
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else if (value instanceof CellValues.ErrorValue e) {
            cell.setCellValue(e.code());
        } else {
            cell.setCellValue(value.toString());
        }
    }
}
