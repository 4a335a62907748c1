package org.sheetnet.xlsx;

import java.util.Arrays;
import org.sheetnet.SheetnetException;
import java.util.function.UnaryOperator;
import org.sheetnet.sheet.CellRange;
import org.sheetnet.sheet.CellRef;

/**
 * A sheet's non-blank cells as they are in the file, in row-major order, in compact parallel
 * arrays: a key (row and column) and a number per cell, and an object only for cells that are not
 * numbers. Memory follows the cells the file holds, never the rectangle they span.
 */
public final class SparseSheet {

    private final String name;
    private final long[] keys;
    private final double[] numbers;
    private final Object[] others;
    private final int size;

    private SparseSheet(String name, long[] keys, double[] numbers, Object[] others, int size) {
        this.name = name;
        this.keys = keys;
        this.numbers = numbers;
        this.others = others;
        this.size = size;
    }

    /**
     * Reads a whole sheet.
     *
     * @param stream the sheet, read to its end (its checksum verified) and left open
     * @param budget the cells the heap can still hold; drawn from
     * @throws SheetnetException naming the sheet when it holds more cells than the budget allows
     */
    public static SparseSheet read(SheetStream stream, CellBudget budget) {
        Builder b = new Builder(stream.sheetName());
        for (SheetRow row = stream.next(); row != null; row = stream.next()) {
            for (int k = 0; k < row.size(); k++) {
                budget.take(stream.sheetName());
                if (row.isNumber(k)) {
                    b.addNumber(row.index(), row.col(k), row.number(k));
                } else {
                    b.add(row.index(), row.col(k), row.value(k));
                }
            }
        }
        return b.build();
    }

    /** Builds a sheet from cells given in row-major order (for tests and converters). */
    public static final class Builder {
        private final String name;
        private long[] keys = new long[64];
        private double[] numbers = new double[64];
        private Object[] others;
        private int size;

        /** @param name the sheet's name */
        public Builder(String name) {
            this.name = name;
        }

        /**
         * Adds a cell after the previous one.
         *
         * @param value a Double, String, Boolean or error value; null is skipped
         */
        public Builder add(int row, int col, Object value) {
            if (value == null) {
                return this;
            }
            if (value instanceof Double d) {
                return addNumber(row, col, d);
            }
            int k = slot(row, col);
            if (others == null) {
                others = new Object[keys.length];
            }
            others[k] = value;
            return this;
        }

        /** Adds a number cell after the previous one, without boxing it. */
        public Builder addNumber(int row, int col, double value) {
            // Not numbers[slot(...)]: Java takes the array before slot may replace it with a larger one.
            int k = slot(row, col);
            numbers[k] = value;
            return this;
        }

        // The index of a new cell after the previous one, its key stored.
        private int slot(int row, int col) {
            long key = key(row, col);
            if (size > 0 && key <= keys[size - 1]) {
                throw new IllegalArgumentException("cells must come in row-major order: " + new CellRef(row, col));
            }
            if (size == keys.length) {
                int grown = size + (size >> 1) + 1;
                keys = Arrays.copyOf(keys, grown);
                numbers = Arrays.copyOf(numbers, grown);
                others = others == null ? null : Arrays.copyOf(others, grown);
            }
            keys[size] = key;
            return size++;
        }

        /** The sheet. */
        public SparseSheet build() {
            return new SparseSheet(name, keys, numbers, others, size);
        }
    }

    private static long key(int row, int col) {
        return ((long) row << 16) | col;
    }

    /**
     * This sheet with the values of the cells inside a range changed, for a copy that holds what was
     * read (a number stored as text held as its number); this sheet is left as it is.
     *
     * @param area   the cells to change; cells outside it, and blank ones, are kept
     * @param change a cell's new value from its old one: a Double, String, Boolean or error value
     */
    public SparseSheet withValues(CellRange area, UnaryOperator<Object> change) {
        double[] n = numbers.clone();
        Object[] o = others == null ? null : others.clone();
        int end = indexFrom(area.last().row() + 1, 0);
        for (int k = indexFrom(area.first().row(), 0); k < end; k++) {
            int col = (int) (keys[k] & 0xffff);
            if (col < area.first().col() || col > area.last().col()) {
                continue;
            }
            Object value = change.apply(valueAt(k));
            if (value instanceof Double d) {
                n[k] = d;
                if (o != null) {
                    o[k] = null;
                }
            } else {
                o = o == null ? new Object[keys.length] : o;
                o[k] = value;
            }
        }
        return new SparseSheet(name, keys, n, o, size);
    }

    /** The sheet's name. */
    public String name() {
        return name;
    }

    /** Number of non-blank cells. */
    public int size() {
        return size;
    }

    /** The position of the k-th cell, row-major. */
    public CellRef cellAt(int k) {
        return new CellRef((int) (keys[k] >>> 16), (int) (keys[k] & 0xffff));
    }

    /** Whether the k-th cell stands at (row, col). */
    public boolean isAt(int k, int row, int col) {
        return keys[k] == key(row, col);
    }

    /** The value of the k-th cell. */
    public Object valueAt(int k) {
        return others != null && others[k] != null ? others[k] : (Object) numbers[k];
    }

    /** Whether the k-th cell holds a number. */
    public boolean isNumberAt(int k) {
        return others == null || others[k] == null;
    }

    /**
     * The number in the k-th cell, unboxed.
     *
     * @throws IllegalStateException if it holds no number
     */
    public double numberAt(int k) {
        if (!isNumberAt(k)) {
            throw new IllegalStateException("cell " + cellAt(k) + " of " + name + " holds no number");
        }
        return numbers[k];
    }

    /** The value at a cell, or null when it is blank. */
    public Object value(int row, int col) {
        int k = Arrays.binarySearch(keys, 0, size, key(row, col));
        return k < 0 ? null : valueAt(k);
    }

    /** Index of the first cell at or after (row, col) in row-major order; {@link #size()} if none. */
    public int indexFrom(int row, int col) {
        int k = Arrays.binarySearch(keys, 0, size, key(row, col));
        return k >= 0 ? k : -k - 1;
    }

    /** The last row holding a cell, or −1 for an empty sheet. */
    public int lastRow() {
        return size == 0 ? -1 : (int) (keys[size - 1] >>> 16);
    }

    /** The last column holding a cell in any row, or −1 for an empty sheet. */
    public int lastCol() {
        int last = -1;
        for (int k = 0; k < size; k++) {
            last = Math.max(last, (int) (keys[k] & 0xffff));
        }
        return last;
    }

    /** The first row holding a cell, or −1 for an empty sheet. */
    public int firstRow() {
        return size == 0 ? -1 : (int) (keys[0] >>> 16);
    }
}
