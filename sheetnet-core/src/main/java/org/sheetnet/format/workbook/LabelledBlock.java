package org.sheetnet.format.workbook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.sheetnet.SheetnetException;
import org.sheetnet.input.TextNumbers;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.sheet.CellRange;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.CellValues;
import org.sheetnet.sheet.SheetName;

/**
 * A block of numbers read from a sheet, with an optional header row of column names and an
 * optional first column of row names, both detected from the cells: a first row with text and no
 * numbers is a header; a first column with text and no numbers holds names.
 *
 * @param range      where the numbers are (without header and names)
 * @param values     the numbers, {@code range.rows() × range.cols()}, row-major
 * @param colNames   names from the header row, one per column, or empty
 * @param rowNames   names from the first column, one per row, or empty
 */
public record LabelledBlock(CellRange range, double[] values, List<String> colNames, List<String> rowNames) {

    /**
     * Reads a block from a sheet; numbers stored as text are refused.
     *
     * @see #read(SparseSheet, CellRange, String, TextNumbers)
     */
    public static LabelledBlock read(SparseSheet sheet, CellRange area, String file) {
        return read(sheet, area, file, null);
    }

    /**
     * Reads a block from a sheet.
     *
     * @param sheet       the sheet holding the block, as read from the file
     * @param area        the cells to read, or {@code null} for the sheet's used area from A1
     * @param file        the file's name, for messages
     * @param textNumbers counts the numbers stored as text read as numbers; null to refuse them
     * @throws SheetnetException (MODEL) naming the first cell that is not a number, or the first empty
     *                           cell of a block stretched by a stray cell far away
     */
    public static LabelledBlock read(SparseSheet sheet, CellRange area, String file, TextNumbers textNumbers) {
        if (sheet.size() == 0) {
            throw SheetnetException.model(file + ": sheet \"" + sheet.name() + "\" is empty; fill in the"
                    + " weights (n_in rows × n_out columns) or bias (n_out numbers) it should hold");
        }
        CellRange used = new CellRange(sheet.name(), new CellRef(0, 0), new CellRef(sheet.lastRow(), sheet.lastCol()));
        CellRange r = area != null ? area : used;
        // Checked before reading: a range such as A1:XFD1048576 would otherwise be read cell by cell.
        if (r.last().row() > used.last().row() || r.last().col() > used.last().col()) {
            throw SheetnetException.model(file + ": " + r + " reaches past the last filled cell of its sheet ("
                    + used.last() + "); a block holds numbers only");
        }
        requireFilled(sheet, r, file);
        return fromCells(new Cells(sheet, r), file, textNumbers);
    }

    /**
     * The cells of a block, (0, 0) its top left corner, looked up in the sheet as asked for: a block is
     * never copied into objects (a 784×500 one would be 392,000 boxed numbers).
     */
    private record Cells(SparseSheet sheet, CellRange r) {

        int rows() {
            return r.rows();
        }

        int cols() {
            return r.cols();
        }

        /** The value at (i, j), null when blank. */
        Object at(int i, int j) {
            return sheet.value(r.first().row() + i, r.first().col() + j);
        }

        /**
         * Reads row i's numbers from column c0 to the block's end into out at offset, walking the
         * sheet's cells in order; stops at the first cell that is blank or not a number and returns
         * its column (cols() when every cell was a number).
         */
        int numbers(int i, int c0, double[] out, int offset) {
            int row = r.first().row() + i;
            int col = r.first().col() + c0;
            int k = sheet.indexFrom(row, col);
            int j = c0;
            for (; j < cols() && k < sheet.size() && sheet.isAt(k, row, col) && sheet.isNumberAt(k); j++, k++, col++) {
                out[offset + j - c0] = sheet.numberAt(k);
            }
            return j;
        }
    }

    /**
     * Refuses a block with more empty cells than its header row and name column can account for,
     * before anything of its size is allocated: one stray number at XFD1048576 makes a sheet's used
     * area 17 billion cells, of which only the few the file holds are counted here.
     */
    private static void requireFilled(SparseSheet sheet, CellRange r, String file) {
        long filled = 0;
        int end = sheet.indexFrom(r.last().row() + 1, 0);
        for (int k = sheet.indexFrom(r.first().row(), 0); k < end; k++) {
            int col = sheet.cellAt(k).col();
            filled += col >= r.first().col() && col <= r.last().col() ? 1 : 0;
        }
        long area = (long) r.rows() * r.cols();
        long labels = r.rows() == 1 || r.cols() == 1 ? 1 : r.rows() + r.cols() - 1L;
        if (area - filled <= labels) {
            return;
        }
        CellRef empty = firstEmpty(sheet, r);
        throw SheetnetException.model(file + ": " + r + " reaches to " + r.last() + ", but " + SheetName.cell(r.sheet(), empty)
                + " inside it is empty; a block holds numbers only (delete any stray cell near " + r.last()
                + ", or name the block's range in the Model sheet)");
    }

    // Row-major from the corner; every cell passed over is one the file holds, so this ends quickly.
    private static CellRef firstEmpty(SparseSheet sheet, CellRange r) {
        for (int i = 0; i < r.rows(); i++) {
            for (int j = i == 0 ? 1 : 0; j < r.cols(); j++) {
                if (sheet.value(r.first().row() + i, r.first().col() + j) == null) {
                    return r.cell(i, j);
                }
            }
        }
        return r.first();
    }

    private static LabelledBlock fromCells(Cells cells, String file, TextNumbers textNumbers) {
        CellRange r = cells.r();
        Predicate<Object> isNumber = numberTest(cells, textNumbers != null);
        boolean header = isLabelLine(cells, true, isNumber);
        boolean names = isLabelLine(cells, false, isNumber);
        int r0 = header ? 1 : 0;
        int c0 = names ? 1 : 0;
        if (r0 >= r.rows() || c0 >= r.cols()) {
            throw SheetnetException.model(file + ": " + r + " holds no numbers");
        }
        CellRange numbers = r.sub(r0, r.rows(), c0, r.cols());
        TextNumbers counted = textNumbers != null ? textNumbers : new TextNumbers();
        double[] values = new double[numbers.rows() * numbers.cols()];
        for (int i = 0; i < numbers.rows(); i++) {
            int offset = i * numbers.cols();
            // Number cells are copied as they come; any other cell is read (or refused) one by one.
            for (int j = cells.numbers(r0 + i, c0, values, offset) - c0; j < numbers.cols();
                    j = cells.numbers(r0 + i, c0 + j + 1, values, offset + j + 1) - c0) {
                Object v = cells.at(r0 + i, c0 + j);
                CellRef at = numbers.cell(i, j);
                Double d = v instanceof Double || textNumbers != null
                        ? counted.number(v, () -> file + ": " + SheetName.cell(numbers.sheet(), at)) : null;
                if (d == null) {
                    throw SheetnetException.model(file + ": " + SheetName.cell(numbers.sheet(), at)
                            + ": expected a number, found " + CellValues.describe(v));
                }
                values[offset + j] = d;
            }
        }
        List<String> colNames = header ? labels(cells, c0, r.cols(), true) : List.of();
        List<String> rowNames = names ? labels(cells, r0, r.rows(), false) : List.of();
        return new LabelledBlock(numbers, values, colNames, rowNames);
    }

    /**
     * What counts as a number when telling labels from numbers. A number stored as text does, unless
     * numbers stored as text are refused, or the block's numbers (beyond its first row and column) are
     * real numbers: then text in the first row or column is the writer's labels, even {@code 1, 2, 3}.
     */
    private static Predicate<Object> numberTest(Cells cells, boolean textNumbers) {
        Predicate<Object> real = v -> v instanceof Double;
        if (!textNumbers) {
            return real;
        }
        boolean line = cells.rows() == 1 || cells.cols() == 1;
        for (int i = line ? 0 : 1; i < cells.rows(); i++) {
            for (int j = line ? 0 : 1; j < cells.cols(); j++) {
                if ((i > 0 || j > 0) && cells.at(i, j) instanceof Double) {
                    return real;
                }
            }
        }
        return v -> v instanceof Double || v instanceof String s && TextNumbers.parse(s) != null;
    }

    // A header row (or name column) has some text and no numbers, ignoring the corner cell.
    private static boolean isLabelLine(Cells cells, boolean row, Predicate<Object> isNumber) {
        int length = row ? cells.cols() : cells.rows();
        boolean text = false;
        for (int k = 1; k < length; k++) {
            Object v = row ? cells.at(0, k) : cells.at(k, 0);
            if (isNumber.test(v)) {
                return false;
            }
            text |= v instanceof String;
        }
        Object corner = cells.at(0, 0);
        if (length == 1) {
            return corner instanceof String && !isNumber.test(corner);
        }
        return text && !isNumber.test(corner);
    }

    private static List<String> labels(Cells cells, int from, int to, boolean row) {
        List<String> out = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            Object v = row ? cells.at(0, k) : cells.at(k, 0);
            out.add(v == null ? "" : String.valueOf(v));
        }
        return Collections.unmodifiableList(out);
    }

    /** Number of rows of numbers. */
    public int rows() {
        return range.rows();
    }

    /** Number of columns of numbers. */
    public int cols() {
        return range.cols();
    }
}
