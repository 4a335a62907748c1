package org.sheetnet.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.sheetnet.SheetnetException;

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
     * Reads a block from a sheet.
     *
     * @param sheet the sheet holding the block
     * @param area  the cells to read, or {@code null} for the sheet's used area from A1
     * @param file  the file's name, for messages
     * @throws SheetnetException (MODEL) naming the first cell that is not a number
     */
    public static LabelledBlock read(Sheet sheet, CellRange area, String file) {
        CellRange used = usedArea(sheet);
        if (used == null) {
            throw SheetnetException.model(file + ": sheet \"" + sheet.getSheetName() + "\" is empty; fill in the"
                    + " weights (n_in rows × n_out columns) or bias (n_out numbers) it should hold");
        }
        CellRange r = area != null ? area : used;
        // Checked before reading: a range such as A1:XFD1048576 would otherwise be read cell by cell.
        if (r.last().row() > used.last().row() || r.last().col() > used.last().col()) {
            throw SheetnetException.model(file + ": " + r + " reaches past the last filled cell of its sheet ("
                    + used.last() + "); a block holds numbers only");
        }
        Object[][] cells = new Object[r.rows()][r.cols()];
        for (int i = 0; i < r.rows(); i++) {
            Row row = sheet.getRow(r.first().row() + i);
            for (int j = 0; j < r.cols() && row != null; j++) {
                cells[i][j] = CellValues.of(row.getCell(r.first().col() + j));
            }
        }
        boolean header = isLabelLine(cells, true);
        boolean names = isLabelLine(cells, false);
        int r0 = header ? 1 : 0;
        int c0 = names ? 1 : 0;
        if (r0 >= r.rows() || c0 >= r.cols()) {
            throw SheetnetException.model(file + ": " + r + " holds no numbers");
        }
        CellRange numbers = r.sub(r0, r.rows(), c0, r.cols());
        double[] values = new double[numbers.rows() * numbers.cols()];
        for (int i = 0; i < numbers.rows(); i++) {
            for (int j = 0; j < numbers.cols(); j++) {
                Object v = cells[r0 + i][c0 + j];
                if (!(v instanceof Double d)) {
                    throw SheetnetException.model(file + ": " + SheetName.cell(numbers.sheet(), numbers.cell(i, j))
                            + ": expected a number, found " + CellValues.describe(v));
                }
                values[i * numbers.cols() + j] = d;
            }
        }
        List<String> colNames = header ? labels(cells, 0, c0, r.cols(), true) : List.of();
        List<String> rowNames = names ? labels(cells, 0, r0, r.rows(), false) : List.of();
        return new LabelledBlock(numbers, values, colNames, rowNames);
    }

    /** The rectangle from A1 to the last non-blank row and column, or null if the sheet is blank. */
    static CellRange usedArea(Sheet sheet) {
        int lastRow = -1;
        int lastCol = -1;
        for (Row row : sheet) {
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                if (CellValues.of(cell) != null) {
                    lastRow = Math.max(lastRow, row.getRowNum());
                    lastCol = Math.max(lastCol, cell.getColumnIndex());
                }
            }
        }
        if (lastRow < 0) {
            return null;
        }
        return new CellRange(sheet.getSheetName(), new CellRef(0, 0), new CellRef(lastRow, lastCol));
    }

    // A header row (or name column) has some text and no numbers, ignoring the corner cell.
    private static boolean isLabelLine(Object[][] cells, boolean row) {
        int length = row ? cells[0].length : cells.length;
        boolean text = false;
        for (int k = 1; k < length; k++) {
            Object v = row ? cells[0][k] : cells[k][0];
            if (v instanceof Double) {
                return false;
            }
            text |= v instanceof String;
        }
        Object corner = cells[0][0];
        if (length == 1) {
            return corner instanceof String;
        }
        return text && !(corner instanceof Double);
    }

    private static List<String> labels(Object[][] cells, int fixed, int from, int to, boolean row) {
        List<String> out = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            Object v = row ? cells[fixed][k] : cells[k][fixed];
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
