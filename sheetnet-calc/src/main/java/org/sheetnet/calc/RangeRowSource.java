package org.sheetnet.calc;

import java.util.List;
import org.sheetnet.input.InputRow;
import org.sheetnet.input.RowSource;
import org.sheetnet.input.SheetRowSource;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.SheetName;
import org.sheetnet.xlsx.SparseSheet;

/**
 * Input rows from a selected range with a header row: the rows of a sheet read from the range's first
 * cell, by the library's rules for an input sheet, with messages naming the cells where they are.
 */
final class RangeRowSource implements RowSource {

    private final SheetRowSource rows;
    private final String document;
    private final String sheet;
    private final CellRef first;
    private final CellRef last;

    /**
     * @param cells    the range's cells, its first cell at A1
     * @param document the document's name, for messages
     * @param first    where the range's first cell is in its sheet
     * @param last     where its last cell is
     */
    RangeRowSource(SparseSheet cells, String document, CellRef first, CellRef last) {
        this.rows = new SheetRowSource(cells, document);
        this.document = document;
        this.sheet = cells.name();
        this.first = first;
        this.last = last;
    }

    /** The range in A1 notation with its sheet: {@code Data!B2:D40}. */
    String range() {
        return SheetName.quote(sheet) + "!" + first + ":" + last;
    }

    @Override
    public String describe() {
        return document + ": " + range();
    }

    @Override
    public List<String> header() {
        return rows.header();
    }

    @Override
    public InputRow next() {
        return rows.next();
    }

    @Override
    public String locate(int line, int col) {
        return document + ": " + SheetName.cell(sheet, new CellRef(line - 1 + first.row(), col + first.col()));
    }

    @Override
    public String locateRow(int line) {
        return document + ": " + SheetName.quote(sheet) + " row " + (line + first.row());
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
