package org.sheetnet.calc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sheetnet.sink.SheetSink;

/**
 * An output sheet held in memory until the whole run has succeeded, so that a failing run leaves the
 * document as it was. A formula is kept as its value, and, where the run asked for formulas, as the
 * formula too (added after the values, see {@link OutputSheets}).
 */
final class BufferedSheet implements SheetSink {

    private final String name;
    private final List<Object[]> rows = new ArrayList<>();
    private final List<Integer> headerRows = new ArrayList<>();
    private final List<Formula> formulas = new ArrayList<>();
    private Object[] current;
    private int width;

    BufferedSheet(String name) {
        this.name = name;
    }

    /** The sheet's name. */
    String name() {
        return name;
    }

    @Override
    public void startRow() {
        current = new Object[8];
        rows.add(current);
    }

    @Override
    public int row() {
        return rows.size() - 1;
    }

    private void put(int col, Object value) {
        if (col >= current.length) {
            current = Arrays.copyOf(current, Math.max(col + 1, current.length * 2));
            rows.set(rows.size() - 1, current);
        }
        current[col] = value;
        width = Math.max(width, col + 1);
    }

    @Override
    public void number(int col, double value) {
        put(col, value);
    }

    @Override
    public void text(int col, String value) {
        put(col, value);
    }

    @Override
    public void header(int col, String value) {
        put(col, value);
        if (headerRows.isEmpty() || headerRows.get(headerRows.size() - 1) != row()) {
            headerRows.add(row());
        }
    }

    @Override
    public void bool(int col, boolean value) {
        // Calc's logical values are the numbers 1 and 0.
        put(col, value ? 1.0 : 0.0);
    }

    @Override
    public void formula(int col, String formula, double cached) {
        put(col, cached);
        formulas.add(new Formula(row(), col, formula));
    }

    @Override
    public void formulaText(int col, String formula, String cached) {
        put(col, cached);
        formulas.add(new Formula(row(), col, formula));
    }

    /** The formula cells, in the order written: formulas in sheetnet's (Excel's) grammar, without '='. */
    List<Formula> formulas() {
        return List.copyOf(formulas);
    }

    /**
     * A formula cell.
     *
     * @param row   0-based row
     * @param col   0-based column
     * @param excel the formula as {@code sheetnet score --formulas} writes it, without its '='
     */
    record Formula(int row, int col, String excel) {
    }

    @Override
    public void endRow() {
        current = null;
    }

    /** The rows as a rectangle for {@code setDataArray}: Double or String, "" for a blank cell. */
    Object[][] data() {
        Object[][] data = new Object[rows.size()][Math.max(width, 1)];
        for (int r = 0; r < data.length; r++) {
            Object[] row = rows.get(r);
            for (int c = 0; c < data[r].length; c++) {
                Object v = c < row.length ? row[c] : null;
                data[r][c] = v == null ? "" : v;
            }
        }
        return data;
    }

    /** The rows written by {@link #header} (made bold). */
    List<Integer> headerRows() {
        return List.copyOf(headerRows);
    }

    /** The value at a cell, or null when blank. */
    Object value(int row, int col) {
        if (row >= rows.size()) {
            return null;
        }
        Object[] r = rows.get(row);
        return col < r.length ? r[col] : null;
    }

    /** Number of rows. */
    int rowCount() {
        return rows.size();
    }

    /** Number of columns of the widest row. */
    int width() {
        return width;
    }
}
