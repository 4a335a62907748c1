package org.sheetnet.report;

import org.sheetnet.input.InputRow;
import org.sheetnet.sink.SheetSink;

/** Copies input cells to an output sheet, a number without boxing it. */
final class InputCells {

    private InputCells() {
    }

    /**
     * Writes one input cell as it was read: a number as a number, text, logical and error values as
     * {@link SheetSink#value} writes them, nothing for a blank.
     *
     * @param sink   the output sheet, its row started; modified
     * @param col    the output column, 0-based
     * @param row    the input row
     * @param column the input column, 0-based
     */
    static void copy(SheetSink sink, int col, InputRow row, int column) {
        if (row.isNumber(column)) {
            sink.number(col, row.number(column));
        } else {
            sink.value(col, row.value(column));
        }
    }
}
