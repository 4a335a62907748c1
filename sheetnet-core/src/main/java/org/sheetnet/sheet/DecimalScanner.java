package org.sheetnet.sheet;

import com.fasterxml.jackson.core.io.NumberInput;

/**
 * Reads a decimal number written in a {@link DecimalStyle}, by hand: a sign, digits (grouped in
 * thousands or not), a decimal mark and digits, an exponent; never hexadecimal, {@code NaN},
 * {@code Infinity} or Java suffixes such as {@code 1d}. In {@link DecimalStyle#PLAIN} the grammar is
 * {@code [+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?}, that of {@link org.sheetnet.input.PlainDecimal}.
 *
 * <p>The value is exactly {@link Double#parseDouble}'s for the same number written plainly: at most
 * 15 significant digits and a power of ten up to 22 are one correctly rounded IEEE operation
 * (Clinger's fast path, as in every correct parser), the rest go to a correctly rounding parser.
 * The text is scanned once, in linear time whatever its length.
 *
 * <p>An instance is not thread-safe: it keeps whether the last number read had thousands separators.
 */
public final class DecimalScanner {

    /** Exact powers of ten: 10^22 is the largest a double holds exactly. */
    private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    /** Significant digits held in a long; more go to the full parser. */
    private static final int MAX_DIGITS = 18;
    /** Significant digits of the fast path: below 2^53, so exact as a double. */
    private static final int FAST_DIGITS = 15;
    /** An exponent beyond this gives 0 or infinity whatever the digits; it is clamped to stay in range. */
    private static final int EXPONENT_CLAMP = 1_000_000;
    /** Texts longer than this go to Double.parseDouble, which is linear in the length. */
    private static final int FAST_PARSER_CHARS = 100;

    private final DecimalStyle style;
    private boolean grouped;

    /** A scanner of numbers in one style. */
    public DecimalScanner(DecimalStyle style) {
        this.style = style;
    }

    /** The style read. */
    public DecimalStyle style() {
        return style;
    }

    /** Whether the last number read had thousands separators. */
    public boolean grouped() {
        return grouped;
    }

    /** The number a text holds (spaces around it ignored), or NaN when it is not a number in this style. */
    public double read(String text) {
        return read(text.toCharArray(), 0, text.length());
    }

    /**
     * The number {@code text[from, to)} holds, spaces and control characters around it ignored.
     *
     * @return the value (±infinity when it overflows, as Double.parseDouble), or NaN when it is not a number
     */
    public double read(char[] text, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && text[start] <= ' ') {
            start++;
        }
        while (end > start && text[end - 1] <= ' ') {
            end--;
        }
        grouped = false;
        return start == end ? Double.NaN : scan(text, start, end);
    }

    // The digits are gathered as w · 10^e10 while the grammar is checked; w exact in a long up to 18 digits.
    // One method with local variables on purpose: split into methods sharing fields, a 1,000,000-row run took
    // a median 1.17x the CPU (3 runs on a loaded machine).
    private double scan(char[] t, int from, int end) {
        int i = from;
        boolean negative = t[i] == '-';
        if (t[i] == '+' || t[i] == '-') {
            i++;
        }
        long w = 0;
        int digits = 0;
        long e10 = 0;
        boolean truncated = false;
        int intDigits = 0;
        int groupLength = 0;
        char separator = 0;
        int firstDigit = i;
        for (; i < end; i++) {
            char c = t[i];
            if (c >= '0' && c <= '9') {
                intDigits++;
                groupLength++;
                if (w != 0 || c != '0') {
                    if (digits < MAX_DIGITS) {
                        w = w * 10 + (c - '0');
                        digits++;
                    } else {
                        truncated |= c != '0';
                        e10++;
                    }
                }
            } else if (intDigits > 0 && style.groups(c) && (separator == 0 ? firstGroupOk(t, firstDigit, groupLength)
                    : c == separator && groupLength == 3)) {
                separator = c;
                groupLength = 0;
            } else {
                break;
            }
        }
        if (separator != 0 && groupLength != 3) {
            return Double.NaN;
        }
        int fracDigits = 0;
        if (i < end && t[i] == style.mark()) {
            for (i++; i < end && t[i] >= '0' && t[i] <= '9'; i++) {
                fracDigits++;
                char c = t[i];
                if (w != 0 || c != '0') {
                    if (digits < MAX_DIGITS) {
                        w = w * 10 + (c - '0');
                        digits++;
                        e10--;
                    } else {
                        truncated |= c != '0';
                    }
                } else {
                    e10--;
                }
            }
        }
        if (intDigits + fracDigits == 0) {
            return Double.NaN;
        }
        if (i < end && (t[i] == 'e' || t[i] == 'E')) {
            if (separator != 0) {
                return Double.NaN;
            }
            long exponent = exponent(t, i + 1, end);
            if (exponent == Long.MIN_VALUE) {
                return Double.NaN;
            }
            e10 += exponent;
            i = end;
        }
        if (i != end) {
            return Double.NaN;
        }
        grouped = separator != 0;
        double value;
        if (!truncated && digits <= FAST_DIGITS && e10 >= -22 && e10 <= 22) {
            // One exact operand, one exact power: a single correctly rounded operation.
            value = e10 >= 0 ? w * POWERS[(int) e10] : w / POWERS[(int) -e10];
        } else {
            return full(t, from, end, separator);
        }
        return negative ? -value : value;
    }

    // The first group of a grouped number: one to three digits, not starting with 0 (never written "0.200").
    private static boolean firstGroupOk(char[] t, int firstDigit, int length) {
        return length >= 1 && length <= 3 && t[firstDigit] != '0';
    }

    // [+-]?\d+ up to the end; Long.MIN_VALUE when malformed. Clamped: past a million, the value is 0 or infinite.
    private static long exponent(char[] t, int from, int end) {
        int i = from;
        boolean negative = i < end && t[i] == '-';
        if (i < end && (t[i] == '+' || t[i] == '-')) {
            i++;
        }
        if (i == end) {
            return Long.MIN_VALUE;
        }
        long e = 0;
        for (; i < end; i++) {
            char c = t[i];
            if (c < '0' || c > '9') {
                return Long.MIN_VALUE;
            }
            e = Math.min(EXPONENT_CLAMP, e * 10 + (c - '0'));
        }
        return negative ? -e : e;
    }

    // The text rewritten plainly (no thousands separators, a dot for the mark), parsed by a correctly rounding parser.
    private double full(char[] t, int from, int end, char separator) {
        char[] plain = t;
        int start = from;
        int length = end - from;
        if (separator != 0 || style.mark() != '.') {
            plain = new char[length];
            start = 0;
            length = 0;
            for (int i = from; i < end; i++) {
                char c = t[i];
                if (c != separator) {
                    plain[length++] = c == style.mark() ? '.' : c;
                }
            }
        }
        if (length > FAST_PARSER_CHARS) {
            return Double.parseDouble(new String(plain, start, length));
        }
        return NumberInput.parseDouble(plain, start, length, true);
    }
}
