package org.sheetnet.sink;

/**
 * Where the rows of one output sheet go, one row at a time, cells in increasing column order.
 * Text is always written as text: nothing written through {@link #text} becomes a formula.
 */
public interface SheetSink {

    /** Starts the next row; rows are numbered from 0 (the header). */
    void startRow();

    /** The 0-based index of the current row. */
    int row();

    /** A number cell. */
    void number(int col, double value);

    /** A text cell. */
    void text(int col, String value);

    /** A bold text cell, for headers. */
    void header(int col, String value);

    /** A logical cell. */
    void bool(int col, boolean value);

    /** A formula cell with a numeric cached result; the formula without its leading '='. */
    void formula(int col, String formula, double cached);

    /** A formula cell with a text cached result. */
    void formulaText(int col, String formula, String cached);

    /** Ends the current row. */
    void endRow();

    /** Writes a cell value read by {@link org.sheetnet.sheet.CellValues}: Double, String, Boolean, ErrorValue or null. */
    default void value(int col, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof Double d) {
            number(col, d);
        } else if (value instanceof Boolean b) {
            bool(col, b);
        } else if (value instanceof org.sheetnet.sheet.CellValues.ErrorValue e && e.standard()) {
            error(col, e.code());
        } else {
            // Text never becomes a formula; an error code no workbook knows is copied as its text.
            text(col, value instanceof org.sheetnet.sheet.CellValues.ErrorValue e ? e.code() : value.toString());
        }
    }

    /**
     * An error cell, such as {@code #N/A}, for a standard code ({@link
     * org.sheetnet.sheet.CellValues.ErrorValue#standard()}); a sheet that has no error cells (CSV)
     * writes its text.
     */
    default void error(int col, String code) {
        text(col, code);
    }

    /** Whether everything written here is dropped (a sheet the output does not keep), so a writer may skip it. */
    default boolean discards() {
        return false;
    }
}
