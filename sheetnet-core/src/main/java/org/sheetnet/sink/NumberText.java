package org.sheetnet.sink;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * Numbers as written into output cells: the shortest decimal that reads back as the same double
 * (Schubfach, from jackson-core), in {@link Double#toString}'s format of Java 19 and later, so
 * "0.123", "1.0E-4", "1.2345678E7", "-0.0" and "0.30000000000000004".
 *
 * <p>The text is a contract: outputs are hashed in the Audit and compared by tests, so every
 * finite double gets exactly the bytes {@code NumberOutput.toString(v, true)} gives. Most cells
 * hold short decimals (inputs such as 0.123, many weights), and those are written straight into
 * the caller's buffer by an exact shortcut; the rest go through Schubfach.
 */
public final class NumberText {

    /** The most bytes a double's text takes: "-2.2250738585072014E-308" has 24. */
    public static final int MAX_LENGTH = 24;

    // The shortcut looks for the value among the multiples of 10^-8 = 1 / SCALE.
    private static final double SCALE = 1e8;
    private static final int FRACTION_DIGITS = 8;
    // Double.toString writes plain decimals for 10^-3 <= |d| < 10^7, i.e. 10^5 <= |d|·10^8 < 10^15.
    private static final double PLAIN_MIN = 1e5;
    private static final double PLAIN_LIMIT = 1e7;
    // "00", "01", ... "99": the digits of n at 2n and 2n + 1.
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int n = 0; n < 100; n++) {
            DIGIT_PAIRS[2 * n] = (byte) ('0' + n / 10);
            DIGIT_PAIRS[2 * n + 1] = (byte) ('0' + n % 10);
        }
    }

    private NumberText() {
    }

    /**
     * The text of a double.
     *
     * @param value any double; a finite one's text reads back as the same bits
     * @return its text, as {@code NumberOutput.toString(value, true)} gives it
     */
    public static String of(double value) {
        return NumberOutput.toString(value, true);
    }

    /**
     * Writes the text of a double as ASCII bytes, the same bytes as {@link #of}'s text.
     *
     * @param value any double
     * @param to    the buffer; modified from {@code at}, at most {@link #MAX_LENGTH} bytes
     * @param at    where the text starts; {@code to} must have {@code MAX_LENGTH} bytes from there
     * @return the position after the text
     */
    @SuppressWarnings("deprecation")
    public static int write(double value, byte[] to, int at) {
        int end = writeShortDecimal(value, to, at);
        if (end >= 0) {
            return end;
        }
        // String.getBytes(int, int, byte[], int) copies ASCII without allocating.
        String text = NumberOutput.toString(value, true);
        text.getBytes(0, text.length(), to, at);
        return at + text.length();
    }

    /*
     * The shortcut, for values whose shortest decimal has at most 8 fraction digits and lies in
     * the plain range [10^-3, 10^7). Let v = |value| < 10^7, R the set of reals that round to v
     * (round half to even: an interval of width at most ulp(v) <= 2^-29 < 10^-8), so R holds at
     * most one multiple of 10^-8.
     * - Finding it: if M·10^-8 is in R, |v·10^8 - M| <= 10^8·ulp(v)/2 < 0.094, and the product
     *   v·1e8 (1e8 is exact; the product < 2^50) is off by at most 2^-4, so rint gives M.
     * - Checking it: m < 10^15 < 2^53 and 1e8 are exact, so m / 1e8 is the real quotient
     *   correctly rounded: it equals v exactly when m·10^-8 is in R. If the check fails, R holds
     *   no multiple of 10^-8 and the slow path writes the value.
     * - It is Schubfach's choice: let d = m·10^-8 in R, d >= 10^-3. Any other x in R is no
     *   multiple of 10^-8, so its last digit is at 10^-9 or below, while d's is at 10^-8 or
     *   above. If x's leading digit is at d's position or higher, x has more digits than d; if
     *   lower, R (an interval) holds the power of ten between x and d, a multiple of 10^-8, so
     *   d is that power, of one digit, and x has at least 6 (it is above 10^-4). So d is the one
     *   shortest decimal in R, and also the only one of length <= 2 when it has one digit: the
     *   set Double.toString chooses from is {d}, with no tie to break.
     * - Layout: 10^-3 <= d < 10^7 (m in [10^5, 10^15)) is written plain: the integer part
     *   (0 below 1), a point, and the fraction digits without trailing zeros but at least one.
     */
    private static int writeShortDecimal(double value, byte[] to, int at) {
        double v = Math.abs(value);
        if (!(v < PLAIN_LIMIT)) {
            return -1;
        }
        double m = Math.rint(v * SCALE);
        if (m / SCALE != v || m < PLAIN_MIN) {
            return -1;
        }
        // d = m·10^-8 is a multiple of 10^-8 and v is within ulp(v)/2 < 10^-9 of it, so no integer
        // lies between them: (int) v is d's integer part, and m - 10^8·(int) v its 8 fraction
        // digits, exact (integers below 2^53).
        int integer = (int) v;
        int fraction = (int) (m - integer * SCALE);
        int pos = at;
        if (value < 0) {
            to[pos++] = '-';
        }
        pos = writeInteger(integer, to, pos);
        to[pos++] = '.';
        return writeFraction(fraction, to, pos);
    }

    // A non-negative int below 10^7 in decimal, "0" for 0. Most values here are below 10.
    private static int writeInteger(int n, byte[] to, int at) {
        if (n < 10) {
            to[at] = (byte) ('0' + n);
            return at + 1;
        }
        int length = 2;
        for (int rest = n / 100; rest != 0; rest /= 10) {
            length++;
        }
        int rest = n;
        for (int i = at + length - 1; i >= at; i--) {
            to[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return at + length;
    }

    // The 8 fraction digits of a value below 10^8, two at a time, then as many as are left when
    // the trailing zeros are dropped (one at least). The length is computed from the number, not
    // read back from the bytes, so the next value does not wait for these stores.
    private static int writeFraction(int fraction, byte[] to, int at) {
        int high = fraction / 10_000;
        int low = fraction - high * 10_000;
        writePair(high / 100, to, at);
        writePair(high % 100, to, at + 2);
        writePair(low / 100, to, at + 4);
        writePair(low % 100, to, at + 6);
        return at + significantFractionDigits(fraction);
    }

    private static int significantFractionDigits(int fraction) {
        if (fraction == 0) {
            return 1;
        }
        int length = FRACTION_DIGITS;
        int rest = fraction;
        if (rest % 10_000 == 0) {
            rest /= 10_000;
            length -= 4;
        }
        if (rest % 100 == 0) {
            rest /= 100;
            length -= 2;
        }
        return rest % 10 == 0 ? length - 1 : length;
    }

    private static void writePair(int n, byte[] to, int at) {
        to[at] = DIGIT_PAIRS[2 * n];
        to[at + 1] = DIGIT_PAIRS[2 * n + 1];
    }
}
