package org.sheetnet.format.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.sheetnet.SheetnetException;

/**
 * Folds a Keras {@code BatchNormalization} layer into the linear Dense layer before it. At inference
 * Keras computes {@code (z − moving_mean) / √(moving_variance + ε) · γ + β} per unit, an affine map of
 * each unit's z = x·W + b; with s = γ / √(moving_variance + ε) (γ = 1 when {@code scale=False}, β = 0
 * when {@code center=False}) the folded layer has W' = W·s column by column and b' = (b − moving_mean)·s + β.
 * ε is taken as the float32 value Keras adds to its float32 variance; the arithmetic is in double.
 */
final class BatchNormFold {

    private BatchNormFold() {
    }

    /**
     * The folding factors.
     *
     * @param s    γ / √(moving_variance + ε) per unit
     * @param mean the moving mean per unit
     * @param beta β per unit (zeros when {@code center=False})
     * @param note what was read, for the Source sheet
     */
    record Factors(double[] s, double[] mean, double[] beta, String note) {
    }

    /**
     * Reads the layer's weights (γ if {@code scale}, β if {@code center}, moving mean, moving variance).
     *
     * @param units the number of units of the Dense layer it follows
     * @throws SheetnetException (MODEL) if the axis is not the last one or the weights do not fit
     */
    static Factors read(LayerSpec spec, WeightStore weights, int index, int units, String where) {
        JsonNode c = spec.config();
        JsonNode axis = c.get("axis");
        JsonNode a = axis != null && axis.isArray() && axis.size() == 1 ? axis.get(0) : axis;
        if (a == null || !a.isInt() || (a.asInt() != -1 && a.asInt() != 1)) {
            throw SheetnetException.model(where + ": normalizes over axis " + axis + "; sheetnet folds a"
                    + " BatchNormalization over the units of a Dense layer (axis=-1) only");
        }
        boolean scale = c.path("scale").asBoolean(true);
        boolean center = c.path("center").asBoolean(true);
        double epsilon = (float) spec.number("epsilon", 1e-3);
        List<Tensor> tensors = weights.weights(spec, index);
        int expected = (scale ? 1 : 0) + (center ? 1 : 0) + 2;
        if (tensors.size() != expected) {
            throw SheetnetException.model(where + ": the file holds " + tensors.size() + " weights for this layer;"
                    + " expected " + expected + " (" + (scale ? "gamma, " : "") + (center ? "beta, " : "")
                    + "moving_mean, moving_variance)");
        }
        for (Tensor t : tensors) {
            DenseWeights.requireFloating(t, where);
            if (t.rank() != 1 || t.shape()[0] != units) {
                throw SheetnetException.model(where + ": " + t.path() + " has shape " + t.describeShape()
                        + "; expected (" + units + ",), one per unit of the Dense layer before it");
            }
        }
        int k = 0;
        double[] gamma = scale ? tensors.get(k++).values() : null;
        double[] beta = center ? tensors.get(k++).values() : new double[units];
        Tensor meanT = tensors.get(k++);
        Tensor varT = tensors.get(k);
        double[] s = new double[units];
        for (int j = 0; j < units; j++) {
            double v = varT.values()[j] + epsilon;
            if (!(v > 0) || !Double.isFinite(v)) {
                throw SheetnetException.model(where + ": unit " + (j + 1) + " has moving variance "
                        + varT.values()[j] + "; moving_variance + epsilon must be positive");
            }
            s[j] = (gamma == null ? 1 : gamma[j]) / Math.sqrt(v);
        }
        String note = (scale ? "gamma " + tensors.get(0).path() + ", " : "gamma 1 (scale=False), ")
                + (center ? "beta " + tensors.get(scale ? 1 : 0).path() + ", " : "beta 0 (center=False), ")
                + "moving_mean " + meanT.path() + ", moving_variance " + varT.path() + ", epsilon " + epsilon
                + " (float32 of " + spec.number("epsilon", 1e-3) + ")";
        return new Factors(s, meanT.values(), beta, note);
    }

    /** W' = W·s column by column; the kernel is (inputs, units) in row-major order. */
    static double[] kernel(double[] w, int units, Factors f) {
        double[] folded = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            folded[i] = w[i] * f.s()[i % units];
        }
        return folded;
    }

    /** b' = (b − moving_mean)·s + β. */
    static double[] bias(double[] b, Factors f) {
        double[] folded = new double[b.length];
        for (int j = 0; j < b.length; j++) {
            folded[j] = (b[j] - f.mean()[j]) * f.s()[j] + f.beta()[j];
        }
        return folded;
    }
}
