package org.sheetnet.sheet;

/**
 * How a file writes its numbers: the decimal mark, and which characters may group the digits
 * before it in thousands ({@code 1.200,50} in a German file, {@code 1,200.50} in an English one).
 *
 * @param mark      the decimal mark, {@code .} or {@code ,}
 * @param thousands the characters accepted between groups of three digits before the mark; one
 *                  number uses one of them throughout; empty for none
 */
public record DecimalStyle(char mark, String thousands) {

    /** Spaces a French Excel writes between thousands: space, no-break space, narrow no-break space. */
    public static final String SPACES = " \u00A0\u202F";

    /** The grammar of {@link org.sheetnet.input.PlainDecimal}: a dot, and no thousands separators. */
    public static final DecimalStyle PLAIN = new DecimalStyle('.', "");

    /**
     * @throws IllegalArgumentException if the mark is not {@code .} or {@code ,}, or is also a thousands separator
     */
    public DecimalStyle {
        if (mark != '.' && mark != ',') {
            throw new IllegalArgumentException("a decimal mark is '.' or ',', not '" + mark + "'");
        }
        if (thousands.indexOf(mark) >= 0) {
            throw new IllegalArgumentException("'" + mark + "' cannot be both the decimal mark and a thousands separator");
        }
    }

    /** The style of a file whose mark was detected: the other of {@code .} and {@code ,}, or a space, groups thousands. */
    public static DecimalStyle detected(char mark) {
        return new DecimalStyle(mark, otherMark(mark) + SPACES);
    }

    /** The other decimal mark: {@code ,} for {@code .} and the reverse. */
    public static char otherMark(char mark) {
        return mark == '.' ? ',' : '.';
    }

    /** Whether the character may separate thousands in this style. */
    boolean groups(char c) {
        return thousands.indexOf(c) >= 0;
    }
}
