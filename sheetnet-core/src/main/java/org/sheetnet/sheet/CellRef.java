package org.sheetnet.sheet;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell position that prints in A1 notation; row and column count from 0.
 *
 * @param row row index, 0 for spreadsheet row 1
 * @param col column index, 0 for column A
 */
public record CellRef(int row, int col) {

    private static final Pattern A1 = Pattern.compile("\\$?([A-Za-z]{1,3})\\$?([0-9]{1,7})");

    public CellRef {
        if (row < 0 || col < 0) {
            throw new IllegalArgumentException("negative cell position " + row + "," + col);
        }
    }

    /** Parses {@code C7} or {@code $C$7}. */
    public static Optional<CellRef> parse(String text) {
        Matcher m = A1.matcher(text.trim());
        if (!m.matches() || Integer.parseInt(m.group(2)) == 0) {
            return Optional.empty();
        }
        return Optional.of(new CellRef(Integer.parseInt(m.group(2)) - 1, columnIndex(m.group(1))));
    }

    /** Column letters for a column index: 0 → A, 25 → Z, 26 → AA. */
    public static String columnName(int col) {
        StringBuilder sb = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            sb.append((char) ('A' + (c - 1) % 26));
        }
        return sb.reverse().toString();
    }

    private static int columnIndex(String letters) {
        int col = 0;
        for (char ch : letters.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            col = col * 26 + (ch - 'A' + 1);
        }
        return col - 1;
    }

    /** This cell moved by the given offsets. */
    public CellRef offset(int rows, int cols) {
        return new CellRef(row + rows, col + cols);
    }

    /** Absolute form, {@code $C$7}. */
    public String absolute() {
        return "$" + columnName(col) + "$" + (row + 1);
    }

    @Override
    public String toString() {
        return columnName(col) + (row + 1);
    }
}
