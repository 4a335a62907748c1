package org.sheetnet.format.workbook;

import org.sheetnet.sheet.CellValues;
import org.sheetnet.sink.SheetSink;
import org.sheetnet.xlsx.SparseSheet;

/**
 * A sheet written in memory, as the reader would read it back from a file: numbers unboxed, text
 * (headers too) as String, an error cell as its ErrorValue, a formula as its cached result. For the Source sheet of an import that is
 * scored without being written to a file.
 */
final class SparseSheetSink implements SheetSink {

    private final SparseSheet.Builder sheet;
    private int row = -1;

    SparseSheetSink(String name) {
        this.sheet = new SparseSheet.Builder(name);
    }

    @Override
    public void startRow() {
        row++;
    }

    @Override
    public int row() {
        return row;
    }

    @Override
    public void number(int col, double value) {
        sheet.addNumber(row, col, value);
    }

    @Override
    public void text(int col, String value) {
        sheet.add(row, col, value);
    }

    @Override
    public void header(int col, String value) {
        sheet.add(row, col, value);
    }

    @Override
    public void error(int col, String code) {
        sheet.add(row, col, new CellValues.ErrorValue(code));
    }

    @Override
    public void bool(int col, boolean value) {
        sheet.add(row, col, value);
    }

    @Override
    public void formula(int col, String formula, double cached) {
        sheet.addNumber(row, col, cached);
    }

    @Override
    public void formulaText(int col, String formula, String cached) {
        sheet.add(row, col, cached);
    }

    @Override
    public void endRow() {
        // Rows are numbered on start; nothing to close.
    }

    /** The sheet written. */
    SparseSheet build() {
        return sheet.build();
    }
}
