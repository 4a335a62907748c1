package org.sheetnet.xlsx;

import org.sheetnet.sheet.CellRef;

/**
 * The two texts read for every cell, parsed by hand: a cell reference and a number. Regular
 * expressions (as in {@link CellRef#parse} and {@link org.sheetnet.input.PlainDecimal}) cost more per
 * cell than the XML around them.
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
        int i = 0;
        int col = 0;
        while (i < r.length() && i < 3 && r.charAt(i) >= 'A' && r.charAt(i) <= 'Z') {
            col = col * 26 + (r.charAt(i++) - 'A' + 1);
        }
        int letters = i;
        long row = 0;
        while (i < r.length() && i - letters < 7 && r.charAt(i) >= '0' && r.charAt(i) <= '9') {
            row = row * 10 + (r.charAt(i++) - '0');
        }
        if (letters == 0 || i == letters || i != r.length() || row == 0) {
            return null;
        }
        return new CellRef((int) row - 1, col - 1);
    }

    /**
     * The double nearest a plain decimal (see {@link #isPlainDecimal}), the same bits as
     * {@link Double#parseDouble}: with the FastDoubleParser inside jackson-core (already a dependency),
     * which rounds correctly as the JDK does, but does not fall back to big-integer arithmetic for the
     * 17-digit decimals a weights sheet is full of (several times faster on such a sheet).
     */
    static double parsePlainDecimal(String t) {
        return com.fasterxml.jackson.core.io.NumberInput.parseDouble(t, true);
    }

    /** Whether the text is a plain decimal, the grammar of PlainDecimal: [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)? */
    static boolean isPlainDecimal(String t) {
        int n = t.length();
        int i = n > 0 && (t.charAt(0) == '+' || t.charAt(0) == '-') ? 1 : 0;
        int intDigits = digits(t, i);
        i += intDigits;
        int fracDigits = 0;
        if (i < n && t.charAt(i) == '.') {
            fracDigits = digits(t, i + 1);
            i += 1 + fracDigits;
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
                i++;
            }
            int expDigits = digits(t, i);
            if (expDigits == 0) {
                return false;
            }
            i += expDigits;
        }
        return i == n;
    }

    private static int digits(String t, int from) {
        int i = from;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
