package org.sheetnet.input;

import java.util.List;
import org.sheetnet.SheetnetException;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.SheetName;

/** Input rows from a sheet read into memory (the model's Checks sheet): the first row is the header. */
public final class SheetRowSource implements RowSource {

    private final SparseSheet sheet;
    private final String file;
    private final List<String> header;
    private final int lastRow;
    private int nextRow;
    private int skipped;

    /**
     * @param sheet the sheet holding the rows
     * @param file  the file's name, for messages
     * @throws SheetnetException (INPUT) if the sheet has no header row
     */
    public SheetRowSource(SparseSheet sheet, String file) {
        this.sheet = sheet;
        this.file = file;
        if (sheet.size() == 0) {
            throw SheetnetException.input(file + ": sheet " + SheetName.quote(sheet.name())
                    + " is empty; it needs a header row, then one row per case");
        }
        int headerRow = sheet.firstRow();
        this.header = InputHeader.names(rowValues(headerRow, lastColOf(headerRow) + 1));
        this.lastRow = sheet.lastRow();
        this.nextRow = headerRow + 1;
    }

    private int lastColOf(int row) {
        int end = sheet.indexFrom(row + 1, 0);
        return sheet.cellAt(end - 1).col();
    }

    private Object[] rowValues(int row, int width) {
        Object[] values = new Object[width];
        int end = sheet.indexFrom(row + 1, 0);
        for (int k = sheet.indexFrom(row, 0); k < end && sheet.cellAt(k).col() < width; k++) {
            values[sheet.cellAt(k).col()] = sheet.valueAt(k);
        }
        return values;
    }

    // The cells of a sheet row under the header's columns, numbers unboxed.
    private InputRow inputRow(int row, int width) {
        InputRow in = new InputRow(row + 1, width);
        int end = sheet.indexFrom(row + 1, 0);
        for (int k = sheet.indexFrom(row, 0); k < end && sheet.cellAt(k).col() < width; k++) {
            if (sheet.isNumberAt(k)) {
                in.setNumber(sheet.cellAt(k).col(), sheet.numberAt(k));
            } else {
                in.set(sheet.cellAt(k).col(), sheet.valueAt(k));
            }
        }
        return in;
    }

    @Override
    public String describe() {
        return file + "!" + SheetName.quote(sheet.name());
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public InputRow next() {
        while (nextRow <= lastRow) {
            int index = nextRow++;
            InputRow row = inputRow(index, header.size());
            if (!row.isBlank()) {
                return row;
            }
            skipped++;
        }
        return null;
    }

    @Override
    public String locate(int line, int col) {
        return file + ": " + SheetName.cell(sheet.name(), new CellRef(line - 1, col));
    }

    @Override
    public String locateRow(int line) {
        return file + ": " + SheetName.quote(sheet.name()) + " row " + line;
    }

    @Override
    public double fractionRead() {
        return lastRow <= 0 ? 1 : Math.min(1, (double) nextRow / (lastRow + 1));
    }

    @Override
    public int skippedBlankRows() {
        return skipped;
    }

    @Override
    public void close() {
        // The sheet is in memory; nothing to release.
    }
}
