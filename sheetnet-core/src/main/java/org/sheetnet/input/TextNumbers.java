package org.sheetnet.input;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * Numbers stored as text (the cells Excel marks with a green triangle, common after an import): a
 * text cell where a number is expected is read as that number when it is a plain decimal as Excel
 * reads one in an English locale — an optional sign, digits, an optional decimal point and exponent,
 * spaces around — and counted, so that the Audit can say how many there were and where the first
 * stood. Anything else ({@code n/a}, {@code 1,5}, {@code 12 kg}, a number beyond a double's range)
 * stays text, and is refused where a number is needed.
 *
 * <p>A tally is used from one thread at a time; its count and first cell follow the order of reading.
 */
public final class TextNumbers {

    private long count;
    private String first = "";

    /**
     * The number a text holds.
     *
     * @param text a cell's text
     * @return the number, or null when the text is not a plain decimal or is beyond a double's range
     */
    public static Double parse(String text) {
        String t = text.strip();
        double d = PlainDecimal.value(t);
        return Double.isFinite(d) ? d : null;
    }

    /**
     * A cell's value where a number is expected: a number as it is, or the number its text holds,
     * counted.
     *
     * @param value the cell's value: Double, String, Boolean, error value or null
     * @param where names the cell for the Audit, asked only for the first one counted
     * @return the number, or null when the value is none
     */
    public Double number(Object value, Supplier<String> where) {
        if (value instanceof Double d) {
            return d;
        }
        Double parsed = value instanceof String s ? parse(s) : null;
        if (parsed != null && count++ == 0) {
            first = where.get();
        }
        return parsed;
    }

    /**
     * Adds what another tally counted, read after this one's cells.
     *
     * @param later a tally of cells read after those counted here
     */
    public void addAll(TextNumbers later) {
        if (count == 0) {
            first = later.first;
        }
        count += later.count;
    }

    /** Number of text cells read as numbers so far. */
    public long count() {
        return count;
    }

    /** Where the first one stood, e.g. {@code model.xlsx: Inputs!C7}, or empty. */
    public String first() {
        return first;
    }

    /**
     * What was read, for the Audit and the warning: {@code model.xlsx: Inputs!C7 and 41 other cells held
     * numbers stored as text; read as numbers}, or {@code none} when there were none.
     */
    public String describe() {
        if (count == 0) {
            return "none";
        }
        String others = count == 1 ? "" : String.format(Locale.ROOT, " and %,d other cell%s", count - 1,
                count == 2 ? "" : "s");
        return first + others + (count == 1 ? " held a number" : " held numbers") + " stored as text; read as "
                + (count == 1 ? "a number" : "numbers");
    }
}
