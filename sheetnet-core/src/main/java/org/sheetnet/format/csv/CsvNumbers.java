package org.sheetnet.format.csv;

/**
 * Numbers in parameter CSV files: written with {@link Double#toString(double)}, which parses back to
 * the same double; read by {@link org.sheetnet.input.NumberReading} in the folder's notation.
 */
final class CsvNumbers {

    private CsvNumbers() {
    }

    /** The text of a value; {@code Double.parseDouble(format(v))} is bit-identical to {@code v}. */
    static String format(double value) {
        return Double.toString(value);
    }
}
