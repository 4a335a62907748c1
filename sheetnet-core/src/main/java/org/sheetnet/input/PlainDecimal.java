package org.sheetnet.input;

import java.util.regex.Pattern;

/**
 * What sheetnet reads as a number in a CSV field: a plain decimal such as {@code -1.5e3} or
 * {@code .25}; never hexadecimal, {@code NaN}, {@code Infinity} or Java suffixes like {@code 1d},
 * which {@link Double#parseDouble} would also accept.
 */
public final class PlainDecimal {

    // Possessive quantifiers: a run of digits is never given back, so a long field that is not a number
    // fails in linear time (the backtracking form took minutes on a field of 900,000 digits).
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d++(?:\\.\\d*+)?|\\.\\d++)(?:[eE][+-]?\\d++)?");

    private PlainDecimal() {
    }

    /** Whether the (trimmed) text is a plain decimal. */
    public static boolean matches(String text) {
        return DECIMAL.matcher(text).matches();
    }
}
