package org.sheetnet.xlsx;

import java.util.Arrays;

/**
 * One row of a sheet as stored: its 0-based index and its non-blank cells, columns ascending.
 * Values are {@link Double} (finite), {@link String} (trimmed, never empty), {@link Boolean} or
 * {@link org.sheetnet.sheet.CellValues.ErrorValue}.
 */
public final class SheetRow {

    private final int index;
    private int[] cols = new int[8];
    private Object[] values = new Object[8];
    private int size;

    SheetRow(int index) {
        this.index = index;
    }

    void add(int col, Object value) {
        if (size == cols.length) {
            cols = Arrays.copyOf(cols, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        cols[size] = col;
        values[size++] = value;
    }

    /** The row's 0-based index in the sheet. */
    public int index() {
        return index;
    }

    /** Number of non-blank cells. */
    public int size() {
        return size;
    }

    /** The column of the k-th non-blank cell. */
    public int col(int k) {
        return cols[k];
    }

    /** The value of the k-th non-blank cell. */
    public Object value(int k) {
        return values[k];
    }

    /** Index of the last column with a value, or −1 for a blank row. */
    public int lastCol() {
        return size == 0 ? -1 : cols[size - 1];
    }

    /**
     * The values of columns 0 to {@code width − 1}, null where blank.
     *
     * @param width number of columns wanted; cells beyond it are left out
     */
    public Object[] dense(int width) {
        return dense(0, width);
    }

    /**
     * The values of columns {@code from} to {@code from + width − 1}, null where blank.
     *
     * @param from  the first column wanted, 0-based
     * @param width number of columns wanted; cells beyond them are left out
     */
    public Object[] dense(int from, int width) {
        Object[] out = new Object[width];
        for (int k = 0; k < size && cols[k] < from + width; k++) {
            if (cols[k] >= from) {
                out[cols[k] - from] = values[k];
            }
        }
        return out;
    }
}
