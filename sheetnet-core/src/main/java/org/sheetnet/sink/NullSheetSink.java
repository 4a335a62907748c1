package org.sheetnet.sink;

/** A sheet nobody asked for: its rows are dropped (the single-file CSV output keeps Predictions only). */
final class NullSheetSink implements SheetSink {

    private int next;

    @Override
    public void startRow() {
        next++;
    }

    @Override
    public int row() {
        return next - 1;
    }

    @Override
    public boolean discards() {
        return true;
    }

    @Override
    public void number(int col, double value) {
    }

    @Override
    public void text(int col, String value) {
    }

    @Override
    public void header(int col, String value) {
    }

    @Override
    public void bool(int col, boolean value) {
    }

    @Override
    public void formula(int col, String formula, double cached) {
    }

    @Override
    public void formulaText(int col, String formula, String cached) {
    }

    @Override
    public void endRow() {
    }
}
