package org.sheetnet.input;

import java.util.Arrays;
import org.sheetnet.sheet.CellValues;

/**
 * One case read from an input sheet or CSV file: its line in the source and one cell value per
 * header column.
 *
 * <p>Numbers are kept unboxed in a {@code double[]}, text, logical and error values (rare in an input
 * row) beside them, so that reading a row of numbers makes no object per number: a wide CSV file
 * used to make one boxed {@link Double} per field, only for the scorer to unbox it again. Hot
 * readers ask {@link #isNumber(int)} and {@link #number(int)}; {@link #value(int)} gives the cell as
 * {@link CellValues} reads it, a number boxed on demand.
 *
 * <p>A row is filled by its reader and may have numbers stored as text replaced by their numbers
 * ({@link InputBinding#storeTextNumbers}); it is used by one thread at a time, handed on with the
 * batch it belongs to.
 */
public final class InputRow {

    private final int line;
    private final double[] numbers;
    /** Which cells hold a number, one bit per column. */
    private final long[] numeric;
    /** Text, logical and error values by column, null elsewhere; made when the first one is stored. */
    private Object[] others;

    /**
     * An empty row (every cell blank), for a reader to fill.
     *
     * @param line where it stands in its source: the sheet row or CSV line, from 1
     * @param size number of cells: one per header column
     */
    public InputRow(int line, int size) {
        this.line = line;
        this.numbers = new double[size];
        this.numeric = new long[(size + 63) >>> 6];
    }

    /**
     * A row of the given values.
     *
     * @param line   where it stands in its source: the sheet row or CSV line, from 1
     * @param values cell values as read by {@link CellValues}: Double (kept unboxed), String, Boolean,
     *               ErrorValue or null; one per header column. Not modified, not kept.
     */
    public static InputRow of(int line, Object... values) {
        InputRow row = new InputRow(line, values.length);
        for (int c = 0; c < values.length; c++) {
            row.set(c, values[c]);
        }
        return row;
    }

    /** Where the row stands in its source: the sheet row or CSV line, from 1. */
    public int line() {
        return line;
    }

    /** Number of cells: one per header column. */
    public int size() {
        return numbers.length;
    }

    /**
     * Whether a cell holds a number.
     *
     * @param c the column, 0-based
     */
    public boolean isNumber(int c) {
        return (numeric[c >>> 6] & (1L << c)) != 0;
    }

    /**
     * The number in a cell, as stored, bit for bit.
     *
     * @param c the column, 0-based
     * @throws IllegalStateException if the cell does not hold a number ({@link #isNumber(int)} is false)
     */
    public double number(int c) {
        if (!isNumber(c)) {
            throw new IllegalStateException("column " + c + " of line " + line + " holds no number");
        }
        return numbers[c];
    }

    /**
     * A cell's value as {@link CellValues} reads it: Double (boxed here, for paths that are not hot),
     * String, Boolean, ErrorValue, or null when blank.
     *
     * @param c the column, 0-based
     */
    public Object value(int c) {
        if (isNumber(c)) {
            return numbers[c];
        }
        return others == null ? null : others[c];
    }

    /** Whether the cell is blank. */
    public boolean isBlank(int c) {
        return !isNumber(c) && (others == null || others[c] == null);
    }

    /** Whether every cell is blank. */
    public boolean isBlank() {
        for (long bits : numeric) {
            if (bits != 0) {
                return false;
            }
        }
        if (others != null) {
            for (Object v : others) {
                if (v != null) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Stores a number in a cell, replacing what it held.
     *
     * @param c     the column, 0-based
     * @param value the number, kept bit for bit
     */
    public void setNumber(int c, double value) {
        numbers[c] = value;
        numeric[c >>> 6] |= 1L << c;
        if (others != null) {
            others[c] = null;
        }
    }

    /**
     * Stores a cell value, replacing what the cell held.
     *
     * @param c     the column, 0-based
     * @param value Double (kept unboxed), String, Boolean, ErrorValue or null for blank
     */
    public void set(int c, Object value) {
        if (value instanceof Double d) {
            setNumber(c, d);
            return;
        }
        numbers[c] = 0;
        numeric[c >>> 6] &= ~(1L << c);
        if (value != null && others == null) {
            others = new Object[numbers.length];
        }
        if (others != null) {
            others[c] = value;
        }
    }

    /** A copy of the cells as {@link #value(int)} gives them, for paths that are not hot (and tests). */
    public Object[] toArray() {
        Object[] out = new Object[size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = value(c);
        }
        return out;
    }

    /** The line and the cells, for test messages and debugging. */
    @Override
    public String toString() {
        return "InputRow[line=" + line + ", values=" + Arrays.toString(toArray()) + "]";
    }
}
