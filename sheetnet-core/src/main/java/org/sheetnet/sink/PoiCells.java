package org.sheetnet.sink;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.sheetnet.sheet.CellValues;

/** Writes plain values into POI rows; text stays text, never a formula. */
public final class PoiCells {

    private PoiCells() {
    }

    /** Writes a value read by {@link CellValues} (Double, String, Boolean, ErrorValue) as a cell; nothing for null. */
    public static void put(Row row, int col, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(col);
        if (value instanceof Double d) {
            cell.setCellValue(d);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            cell.setCellValue(value instanceof CellValues.ErrorValue e ? e.code() : OoxmlText.encode(value.toString()));
        }
    }
}
