package org.sheetnet.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.sheetnet.SheetnetException;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.input.InputRow;
import org.sheetnet.input.RowSource;
import org.sheetnet.sink.AuditLog;

/**
 * Refuses input text that an output workbook cannot hold: an Excel cell holds at most 32,767
 * characters, and Excel "repairs" a longer one by cutting it. A CSV input can hold longer fields;
 * they are refused for workbook outputs, naming the cell, rather than written to be cut.
 */
final class CellLimit {

    private CellLimit() {
    }

    /**
     * @param header the input's column names, each copied to the output
     * @param source the input, for messages
     * @param out    the output workbook, for the message
     * @throws SheetnetException (INPUT) naming the first column whose name is too long
     */
    static void requireHeader(List<String> header, RowSource source, Path out) {
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).length() > AuditLog.MAX_CELL_CHARS) {
                throw tooLong(source.describe() + ": the name of column " + CellRef.columnName(c), header.get(c), out);
            }
        }
    }

    /**
     * @param batch  rows about to be written; every cell of them is copied to the output
     * @param source the input, for messages
     * @param out    the output workbook, for the message
     * @throws SheetnetException (INPUT) naming the first cell too long
     */
    static void requireRows(List<InputRow> batch, RowSource source, Path out) {
        for (InputRow row : batch) {
            for (int c = 0; c < row.size(); c++) {
                if (!row.isNumber(c) && row.value(c) instanceof String s && s.length() > AuditLog.MAX_CELL_CHARS) {
                    throw tooLong(source.locate(row.line(), c), s, out);
                }
            }
        }
    }

    private static SheetnetException tooLong(String where, String text, Path out) {
        return SheetnetException.input(String.format(Locale.ROOT, "%s: a text of %,d characters; an Excel cell holds at"
                + " most %,d, so %s cannot hold it; write CSV outputs instead (--out NAME.csv, or a folder)", where,
                text.length(), AuditLog.MAX_CELL_CHARS, out.getFileName()));
    }
}
