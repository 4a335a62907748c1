package org.sheetnet.sink;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * Numbers as written into output cells: the shortest decimal that reads back as the same double
 * (Schubfach, from jackson-core), in {@link Double#toString}'s format, so "1.0E-4" and "0.30000000000000004".
 */
final class NumberText {

    private NumberText() {
    }

    /** The text of a finite double. */
    static String of(double value) {
        return NumberOutput.toString(value, true);
    }
}
