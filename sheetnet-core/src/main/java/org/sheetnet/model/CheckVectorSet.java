package org.sheetnet.model;

import java.util.List;

/**
 * The check vectors stored with a model: inputs with the outputs the original framework produced.
 * A model that does not reproduce them within a tolerance is not scored.
 *
 * <p>Deviation of an output y from its expected value e: |y − e| / max(|e|, 1e-6), i.e. relative,
 * and absolute for values below 1e-6 in magnitude, where relative error means little.
 *
 * @param source  where they were read from, for messages ({@code Checks}, {@code checks.csv})
 * @param vectors the checks, in their source's order; at least one
 */
public record CheckVectorSet(String source, List<CheckVector> vectors) {

    /** Below this magnitude the deviation is absolute. */
    public static final double ZERO_THRESHOLD = 1e-6;

    /** Copies the list; refuses an empty one. */
    public CheckVectorSet {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("no check vectors");
        }
        vectors = List.copyOf(vectors);
    }

    /** The deviation of a computed output from its expected value, as the class comment defines it. */
    public static double deviation(double got, double expected) {
        return Math.abs(got - expected) / Math.max(Math.abs(expected), ZERO_THRESHOLD);
    }
}
