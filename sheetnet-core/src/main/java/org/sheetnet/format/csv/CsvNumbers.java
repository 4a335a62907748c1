package org.sheetnet.format.csv;

import java.util.OptionalDouble;
import org.sheetnet.input.DecimalScanner;
import org.sheetnet.input.DecimalStyle;

/**
 * Numbers in parameter CSV files: written with {@link Double#toString(double)}, the shortest decimal
 * that parses back to the same double, and read only when they are plain decimals such as
 * {@code -1.5E-3} (no hexadecimal, no {@code NaN}, no Java suffixes like {@code 1d}).
 */
final class CsvNumbers {

    private CsvNumbers() {
    }

    /** The text of a value; {@code Double.parseDouble(format(v))} is bit-identical to {@code v}. */
    static String format(double value) {
        return Double.toString(value);
    }

    /** The finite double a field holds, or empty if it is not a plain decimal or overflows. */
    static OptionalDouble parse(String field) {
        double v = new DecimalScanner(DecimalStyle.PLAIN).read(field);
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
}
