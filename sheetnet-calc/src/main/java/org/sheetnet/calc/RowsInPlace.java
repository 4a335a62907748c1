package org.sheetnet.calc;

import java.util.List;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.input.InputRow;
import org.sheetnet.input.RowSource;

/**
 * The Inputs sheet's rows for a run with live formulas, which refer to the document's Inputs sheet
 * row for row ({@code L0_inputs!B5 = Inputs!B5}): stops the run, naming the row, where a case is not
 * in the row its output rows take (a blank row between cases, or the header not in row 1).
 */
final class RowsInPlace implements RowSource {

    private final RowSource rows;
    private int nextLine = 2;

    /**
     * @param rows the Inputs sheet's rows
     */
    RowsInPlace(RowSource rows) {
        this.rows = rows;
    }

    @Override
    public InputRow next() {
        InputRow row = rows.next();
        if (row != null && row.line() != nextLine) {
            throw SheetnetException.input(rows.locateRow(row.line()) + ": Score with formulas needs the Inputs"
                    + " sheet's header in row 1 and one case in each row below it, without blank rows (the formulas"
                    + " refer to the Inputs sheet row by row), but this case is in row " + row.line() + " where row "
                    + nextLine + " was expected; remove the blank rows, or use Score");
        }
        nextLine++;
        return row;
    }

    @Override
    public String describe() {
        return rows.describe();
    }

    @Override
    public List<String> header() {
        return rows.header();
    }

    @Override
    public String locate(int line, int col) {
        return rows.locate(line, col);
    }

    @Override
    public String locateRow(int line) {
        return rows.locateRow(line);
    }

    @Override
    public double fractionRead() {
        return rows.fractionRead();
    }

    @Override
    public Optional<String> reading() {
        return rows.reading();
    }

    @Override
    public int skippedBlankRows() {
        return rows.skippedBlankRows();
    }

    @Override
    public void close() {
        rows.close();
    }
}
