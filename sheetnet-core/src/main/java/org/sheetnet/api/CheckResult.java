package org.sheetnet.api;

import java.util.Locale;

/**
 * How a model reproduced its stored check vectors. The deviation of an output y from its expected
 * value e is |y − e| / max(|e|, 1e-6): relative, and absolute for values below 1e-6 in magnitude.
 *
 * @param rows      number of check vectors
 * @param worst     the largest deviation
 * @param worstAt   where: {@code check 2, output y: 0.31, expected 0.32}
 * @param tolerance the largest deviation accepted
 */
public record CheckResult(int rows, double worst, String worstAt, double tolerance) {

    /** Whether every output is within the tolerance. */
    public boolean passes() {
        return worst <= tolerance;
    }

    /** One line, as {@code sheetnet check} prints it. */
    public String describe() {
        return String.format(Locale.ROOT, "%d check rows, largest deviation %.3g (%s), tolerance %.3g: %s", rows,
                worst, worstAt, tolerance, passes() ? "passed" : "FAILED");
    }
}
