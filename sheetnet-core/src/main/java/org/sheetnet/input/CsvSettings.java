package org.sheetnet.input;

import org.sheetnet.sheet.DecimalStyle;
import java.util.Optional;

/**
 * What the user said about a CSV file's dialect; anything left empty is detected from the file.
 *
 * @param separator   the field separator ({@code ,} {@code ;} or a tab, say), or empty to detect it
 *                    from the header and the first rows
 * @param decimalMark the decimal mark, {@code .} or {@code ,}, or empty to detect it from the numbers
 * @param thousands   the characters that may separate thousands ({@code ""} for none), or empty for
 *                    the other of {@code .} and {@code ,} and spaces, as Excel writes them
 */
public record CsvSettings(Optional<Character> separator, Optional<Character> decimalMark, Optional<String> thousands) {

    /** Everything detected. */
    public static final CsvSettings DETECT = new CsvSettings(Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * @throws IllegalArgumentException if a setting is impossible (a quote or line break as separator, a
     *                                  mark other than . or ,, a thousands separator equal to the mark or a digit)
     */
    public CsvSettings {
        separator.ifPresent(CsvSettings::requireSeparator);
        decimalMark.ifPresent(m -> new DecimalStyle(m, ""));
        if (thousands.isPresent()) {
            String t = thousands.get();
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (Character.isDigit(c) || c == '+' || c == '-' || c == 'e' || c == 'E') {
                    throw new IllegalArgumentException("'" + c + "' cannot separate thousands");
                }
            }
            if (decimalMark.isPresent() && t.indexOf(decimalMark.get()) >= 0) {
                throw new IllegalArgumentException("'" + decimalMark.get()
                        + "' cannot be both the decimal mark and the thousands separator");
            }
        }
    }

    private static void requireSeparator(char c) {
        if (c == '"' || c == '\r' || c == '\n' || Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+') {
            throw new IllegalArgumentException("'" + c + "' cannot separate fields; use , ; or a tab");
        }
    }

    /** The decimal mark said, or implied by a thousands separator of {@code .} or {@code ,} alone. */
    Optional<Character> mark() {
        if (decimalMark.isPresent()) {
            return decimalMark;
        }
        return thousands.filter(t -> t.length() == 1 && (t.equals(".") || t.equals(",")))
                .map(t -> DecimalStyle.otherMark(t.charAt(0)));
    }

    /** The style of numbers with this decimal mark: the thousands separators said, or Excel's. */
    DecimalStyle style(char mark) {
        return thousands.map(t -> new DecimalStyle(mark, t)).orElseGet(() -> DecimalStyle.detected(mark));
    }
}
