package org.sheetnet.sink;

import java.util.Arrays;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Column widths that fit what a sheet shows: the longest text seen in each column (ids, headers,
 * Audit values), plus a margin, from Excel's default width up to a cap; a text longer than the cap
 * runs on into the empty cells to its right, as Excel shows it. Widths are in characters of the
 * default font, Excel's unit.
 */
public final class ColumnFit {

    /** Excel's default column width, in characters (8.43, shown as 64 pixels). */
    static final double DEFAULT_WIDTH = 8.43;

    /** The widest a fitted column gets: a SHA-256 (64 hex digits) fits. */
    public static final int MAX_WIDTH = 70;

    // Two characters of margin: Excel's cell padding, and proportional digits a little wider than '0'.
    private static final int MARGIN = 2;

    private int[] longest = new int[16];

    /** Notes a cell of {@code chars} characters in column {@code col} (from 0). */
    public void see(int col, int chars) {
        if (col >= longest.length) {
            longest = Arrays.copyOf(longest, Math.max(col + 1, 2 * longest.length));
        }
        longest[col] = Math.max(longest[col], chars);
    }

    /** The width column {@code col} needs, in characters; 0 when the default width does. */
    double width(int col) {
        if (col >= longest.length || longest[col] + MARGIN <= DEFAULT_WIDTH) {
            return 0;
        }
        return Math.min(MAX_WIDTH, longest[col] + MARGIN);
    }

    /** Sets the widths of the columns that need more than the default on a POI sheet. */
    public void applyTo(Sheet sheet) {
        for (int c = 0; c < longest.length; c++) {
            double w = width(c);
            if (w > 0) {
                sheet.setColumnWidth(c, (int) Math.round(w * 256));
            }
        }
    }

    /** The {@code <cols>} element of a worksheet for the columns that need more than the default; empty when none do. */
    String colsElement() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < longest.length; c++) {
            double w = width(c);
            if (w > 0) {
                sb.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1).append("\" width=\"")
                        .append((int) w).append("\" customWidth=\"1\"/>");
            }
        }
        return sb.length() == 0 ? "" : "<cols>" + sb + "</cols>";
    }
}
