package org.sheetnet.input;

import org.sheetnet.sheet.DecimalStyle;
import org.sheetnet.sheet.DecimalScanner;

/**
 * What sheetnet reads as a number in a CSV field: a plain decimal such as {@code -1.5e3} or
 * {@code .25}; never hexadecimal, {@code NaN}, {@code Infinity} or Java suffixes like {@code 1d},
 * which {@link Double#parseDouble} would also accept. The grammar is
 * {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?}, checked by {@link DecimalScanner} in one pass.
 */
public final class PlainDecimal {

    private PlainDecimal() {
    }

    /** Whether the (trimmed) text is a plain decimal. */
    public static boolean matches(String text) {
        return !Double.isNaN(value(text));
    }

    /**
     * The number a (trimmed) plain decimal holds, the same bits as {@link Double#parseDouble} (±infinity
     * beyond a double's range), read in the same pass that checks it; NaN when the text is not one.
     */
    public static double value(String text) {
        // The scanner ignores surrounding spaces; this class never did, and its callers pass trimmed text.
        return !text.isEmpty() && text.charAt(0) > ' ' && text.charAt(text.length() - 1) > ' '
                ? new DecimalScanner(DecimalStyle.PLAIN).read(text) : Double.NaN;
    }
}
