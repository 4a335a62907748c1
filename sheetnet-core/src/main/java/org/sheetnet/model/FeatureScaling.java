package org.sheetnet.model;

/**
 * How one raw input is prepared before layer 1: x' = (x − offset) / scale, with a default for an
 * empty cell and an expected range, as a Keras {@code Normalization} layer or a scikit-learn
 * {@code StandardScaler} would do it.
 *
 * @param name         the feature's name
 * @param offset       subtracted first (a mean)
 * @param scale        divided by next (a standard deviation); not zero
 * @param defaultValue the raw value used for an empty cell, or NaN when an empty cell is an error
 * @param min          the smallest raw value expected (−∞ when none)
 * @param max          the largest raw value expected (+∞ when none)
 */
public record FeatureScaling(String name, double offset, double scale, double defaultValue, double min, double max) {

    public FeatureScaling {
        if (scale == 0 || !Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException(name + ": scale must be a finite non-zero number and offset finite");
        }
    }

    /** x' = (x − offset) / scale; with offset 0 and scale 1, x itself, bit for bit. */
    public double prepare(double x) {
        return (x - offset) / scale;
    }

    /** Whether a raw value lies outside [min, max]. */
    public boolean outOfRange(double x) {
        return x < min || x > max;
    }

    /** Whether an empty cell has a default. */
    public boolean hasDefault() {
        return !Double.isNaN(defaultValue);
    }
}
