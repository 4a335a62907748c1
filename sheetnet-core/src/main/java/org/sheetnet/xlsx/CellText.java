package org.sheetnet.xlsx;

import org.sheetnet.sheet.CellRef;

/**
 * A cell's reference, parsed by hand: a regular expression (as in {@link CellRef#parse}) costs more
 * per cell than the XML around it. (Numbers are read by {@link org.sheetnet.sheet.DecimalScanner}.)
 */
final class CellText {

    private CellText() {
    }

    /**
     * An A1 reference: one to three capital letters, then a row number from 1.
     *
     * @return the cell, or null if the text is not such a reference
     */
    static CellRef ref(String r) {
        return ref(r.toCharArray(), r.length());
    }

    /** As {@link #ref(String)}, of the first {@code length} characters of r. */
    static CellRef ref(char[] r, int length) {
        int i = 0;
        int col = 0;
        while (i < length && i < 3 && r[i] >= 'A' && r[i] <= 'Z') {
            col = col * 26 + (r[i++] - 'A' + 1);
        }
        int letters = i;
        long row = 0;
        while (i < length && i - letters < 7 && r[i] >= '0' && r[i] <= '9') {
            row = row * 10 + (r[i++] - '0');
        }
        if (letters == 0 || i == letters || i != length || row == 0) {
            return null;
        }
        return new CellRef((int) row - 1, col - 1);
    }
}
