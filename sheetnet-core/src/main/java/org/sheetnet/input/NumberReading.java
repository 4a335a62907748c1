package org.sheetnet.input;

import org.sheetnet.sheet.DecimalStyle;
import org.sheetnet.sheet.DecimalScanner;
import java.util.Locale;
import org.sheetnet.SheetnetException;

/**
 * Reads the numbers of one file (or of the files of one folder) in the decimal notation they were
 * written in, told by an option or detected, and never guessed in a way that changes a number.
 *
 * <p>Detection: a field that is a number with only one of the two decimal marks ({@code 5,84},
 * {@code 1.200.000}, {@code 1,200.50}) decides the mark. A field read as a different number either
 * way ({@code 1,200}: 1.2 with a decimal comma, 1200 with a decimal dot and thousands separator) is
 * ambiguous: the first rows are looked at first ({@link #look}), and an ambiguous field is refused
 * when none of them decides. Once decided, a field that is a number only with the other mark
 * contradicts the decision and is refused, naming both fields. A file whose numbers have no mark
 * and no thousands separator reads the same either way, and says so.
 *
 * <p>Not thread-safe: one instance follows one reading.
 */
public final class NumberReading {

    /** Names a field for a message, from its line (or record) and column, both as the caller counts them. */
    public interface Locator {
        /** {@code inputs.csv:7 column B (x2)}. */
        String at(long line, int column);
    }

    private final CsvSettings settings;
    private final Locator locator;
    private final DecimalScanner dot = new DecimalScanner(DecimalStyle.detected('.'));
    private final DecimalScanner comma = new DecimalScanner(DecimalStyle.detected(','));
    private DecimalScanner decided;
    private String decidedBy;
    private String firstAmbiguous;
    private long groupedFields;

    /**
     * @param settings what the user said; a decimal mark (or a thousands separator of . or ,) there decides
     * @param locator  names fields in messages
     */
    public NumberReading(CsvSettings settings, Locator locator) {
        this.settings = settings;
        this.locator = locator;
        settings.mark().ifPresent(m -> {
            decided = new DecimalScanner(settings.style(m));
            decidedBy = settings.decimalMark().isPresent() ? "--decimal-mark" : "--thousands-separator";
        });
    }

    /**
     * A reading of the next file of the same folder: the decimal mark decided so far holds there too.
     *
     * @param locator names the next file's fields in messages
     */
    public NumberReading next(Locator locator) {
        NumberReading next = new NumberReading(settings, locator);
        if (decided != null) {
            next.decided = decided == dot ? next.dot : decided == comma ? next.comma : decided;
            next.decidedBy = decidedBy;
            next.groupedFields = groupedFields;
        }
        return next;
    }

    /** Whether the decimal mark is known, from an option or a field. */
    public boolean decided() {
        return decided != null;
    }

    /**
     * Looks at a field of the first rows, before any is read: it may decide the mark.
     *
     * @throws SheetnetException never; an ambiguity is kept for {@link #endLook}
     */
    public void look(char[] text, int from, int to, long line, int column) {
        if (decided == null) {
            classify(text, from, to, line, column, true);
        }
    }

    /**
     * Ends the look at the first rows.
     *
     * @throws SheetnetException (INPUT) naming the first ambiguous field, when no field decided the mark
     */
    public void endLook() {
        if (decided == null && firstAmbiguous != null) {
            throw SheetnetException.input(firstAmbiguous);
        }
    }

    /**
     * The number a field holds, or NaN when it holds no number (text, or blank).
     *
     * @throws SheetnetException (INPUT) when the field is ambiguous or contradicts the decided decimal mark
     */
    public double read(char[] text, int from, int to, long line, int column) {
        if (decided == null) {
            return classify(text, from, to, line, column, false);
        }
        double v = decided.read(text, from, to);
        if (Double.isNaN(v)) {
            requireNoContradiction(text, from, to, line, column);
        } else if (decided.grouped()) {
            groupedFields++;
        }
        return v;
    }

    /** The same for a field held as a string. */
    public double read(String text, long line, int column) {
        return read(text.toCharArray(), 0, text.length(), line, column);
    }

    // Before a decision: a number with one mark only decides; a number both ways with different values is ambiguous.
    private double classify(char[] text, int from, int to, long line, int column, boolean looking) {
        double withDot = dot.read(text, from, to);
        double withComma = comma.read(text, from, to);
        boolean byDot = !Double.isNaN(withDot);
        boolean byComma = !Double.isNaN(withComma);
        if (byDot && byComma && Double.doubleToRawLongBits(withDot) != Double.doubleToRawLongBits(withComma)) {
            String message = locator.at(line, column) + ": \"" + new String(text, from, to - from).trim()
                    + "\" reads as " + withComma + " with a decimal comma and as " + withDot
                    + " with a decimal dot and a thousands separator, and no number " + (looking ? "in the first rows"
                    : "before it") + " shows which; give --decimal-mark , or --decimal-mark .";
            if (!looking) {
                throw SheetnetException.input(message);
            }
            if (firstAmbiguous == null) {
                firstAmbiguous = message;
            }
            return withDot;
        }
        if (byDot != byComma) {
            decided = byDot ? dot : comma;
            decidedBy = "detected from " + locator.at(line, column) + " \"" + new String(text, from, to - from).trim() + "\"";
            if (decided.grouped()) {
                groupedFields++;
            }
        }
        return byDot ? withDot : withComma;
    }

    private void requireNoContradiction(char[] text, int from, int to, long line, int column) {
        if (decidedBy.startsWith("--")) {
            return;
        }
        DecimalScanner other = decided == dot ? comma : dot;
        if (!Double.isNaN(other.read(text, from, to))) {
            throw SheetnetException.input(locator.at(line, column) + ": \"" + new String(text, from, to - from).trim()
                    + "\" is a number only with a decimal " + markName(other) + ", but the decimal mark was "
                    + decidedBy + " (a decimal " + markName(decided) + "); correct the field, or give --decimal-mark");
        }
    }

    private static String markName(DecimalScanner s) {
        return s.style().mark() == '.' ? "dot" : "comma";
    }

    /**
     * How numbers were read, for the Audit: {@code decimal mark ',' (detected from inputs.csv:2 column A
     * "5,84"); thousands separators '.' or a space (in 3 fields)}.
     */
    public String describe() {
        if (decided == null) {
            return "no number has a decimal mark or thousands separator: every reading gives the same numbers";
        }
        DecimalStyle style = decided.style();
        String thousands = style.thousands().isEmpty() ? "none"
                : thousandsNames(style.thousands()) + String.format(Locale.ROOT, " (in %,d fields)", groupedFields);
        return "decimal mark '" + style.mark() + "' (" + decidedBy + "); thousands separators: " + thousands;
    }

    private static String thousandsNames(String chars) {
        StringBuilder names = new StringBuilder();
        boolean space = false;
        for (char c : chars.toCharArray()) {
            if (DecimalStyle.SPACES.indexOf(c) >= 0) {
                space = true;
            } else {
                names.append(names.length() > 0 ? ", " : "").append('\'').append(c).append('\'');
            }
        }
        return space ? names + (names.length() > 0 ? " or a space" : "a space") : names.toString();
    }
}
