package org.sheetnet.input;

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
        // The scanner ignores surrounding spaces; this method never did, and its callers pass trimmed text.
        return !text.isEmpty() && text.charAt(0) > ' ' && text.charAt(text.length() - 1) > ' '
                && !Double.isNaN(new DecimalScanner(DecimalStyle.PLAIN).read(text));
    }
}
