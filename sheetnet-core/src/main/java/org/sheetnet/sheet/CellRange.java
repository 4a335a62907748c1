package org.sheetnet.sheet;

import java.util.Optional;

/**
 * A rectangle of cells on a named sheet, {@code Params!B2:K5}.
 *
 * @param sheet the sheet's name, unquoted
 * @param first top-left cell
 * @param last  bottom-right cell
 */
public record CellRange(String sheet, CellRef first, CellRef last) {

    public CellRange {
        if (last.row() < first.row() || last.col() < first.col()) {
            throw new IllegalArgumentException("range ends before it starts: " + first + ":" + last);
        }
    }

    /**
     * Parses a reference to a block of parameters: {@code Params!B2:K5}, {@code 'My sheet'!B2:K5},
     * or a single cell {@code Params!B2}. A bare sheet name is not a range (see {@link ParamRef}).
     */
    public static Optional<CellRange> parse(String text) {
        String t = text.trim();
        int bang = t.lastIndexOf('!');
        if (bang <= 0) {
            return Optional.empty();
        }
        String sheet = unquote(t.substring(0, bang));
        String[] corners = t.substring(bang + 1).split(":", -1);
        if (sheet.isEmpty() || corners.length > 2) {
            return Optional.empty();
        }
        Optional<CellRef> first = CellRef.parse(corners[0]);
        Optional<CellRef> last = corners.length == 2 ? CellRef.parse(corners[1]) : first;
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        CellRef a = first.get();
        CellRef b = last.get();
        // Accept corners in any order, as Excel does.
        return Optional.of(new CellRange(sheet,
                new CellRef(Math.min(a.row(), b.row()), Math.min(a.col(), b.col())),
                new CellRef(Math.max(a.row(), b.row()), Math.max(a.col(), b.col()))));
    }

    public static String unquote(String name) {
        String n = name.trim();
        if (n.length() >= 2 && n.startsWith("'") && n.endsWith("'")) {
            return n.substring(1, n.length() - 1).replace("''", "'");
        }
        return n;
    }

    /** Number of rows. */
    public int rows() {
        return last.row() - first.row() + 1;
    }

    /** Number of columns. */
    public int cols() {
        return last.col() - first.col() + 1;
    }

    /** The cell at (i, j) within the range, counting from its top-left corner. */
    public CellRef cell(int i, int j) {
        return first.offset(i, j);
    }

    /** Sub-range of rows [r0, r1) and columns [c0, c1), relative to this range. */
    public CellRange sub(int r0, int r1, int c0, int c1) {
        return new CellRange(sheet, first.offset(r0, c0), first.offset(r1 - 1, c1 - 1));
    }

    @Override
    public String toString() {
        String corner = first.equals(last) ? first.toString() : first + ":" + last;
        return SheetName.quote(sheet) + "!" + corner;
    }
}
