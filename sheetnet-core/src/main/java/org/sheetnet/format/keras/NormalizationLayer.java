package org.sheetnet.format.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.sheetnet.SheetnetException;
import org.sheetnet.model.FeatureScaling;

/**
 * A Keras {@code Normalization} preprocessing layer in front of the first Dense layer, as the
 * {@code Features} sheet's offset and scale. Keras (3, and tf.keras 2.x alike) computes
 * {@code (x − mean) / maximum(sqrt(variance), epsilon())} with {@code epsilon() = 1e-7}; so here
 * offset = mean and scale = max(√variance, ε), with the mean, the variance and ε taken as the
 * float32 values Keras holds (widened to double exactly) and the square root taken in double.
 *
 * <p>Only per-feature normalization of a flat input (axis −1, or 1 of a rank-2 input) is mapped;
 * {@code invert=True}, other axes and the layer anywhere but before the first Dense layer are refused.
 *
 * @param spec    the layer
 * @param mean    one value per input, or a single value broadcast to every input
 * @param scale   max(√variance, ε), as many values as {@code mean}
 * @param origin  where mean and variance were read from, for the Source sheet
 */
record NormalizationLayer(LayerSpec spec, double[] mean, double[] scale, String origin) {

    /** Keras's {@code backend.epsilon()} by default, as the float32 value Keras compares with. */
    static final double EPSILON = (float) 1e-7;

    /**
     * Reads the layer from its config and, when the config gives no mean and variance, its weights
     * (mean, variance, count, in Keras's order).
     *
     * @param weights where the weights are
     * @param index   its position among the Normalization layers, for {@link WeightStore}
     * @param where   the file and layer, for messages
     * @throws SheetnetException (MODEL) if the layer cannot be represented as a Features sheet
     */
    static NormalizationLayer read(LayerSpec spec, WeightStore weights, int index, String where) {
        JsonNode c = spec.config();
        if (c.path("invert").asBoolean(false)) {
            throw SheetnetException.model(where + ": invert=True turns normalized values back into raw ones"
                    + " (x·σ + μ); sheetnet's Features sheet prepares raw inputs as (x − offset) / scale only");
        }
        requireLastAxis(c.get("axis"), where);
        boolean single = floating32(c);
        double[] mean;
        double[] variance;
        String origin;
        if (spec.has("mean") || spec.has("variance")) {
            mean = numbers(c.path("mean"), "mean", single, where);
            variance = numbers(c.path("variance"), "variance", single, where);
            origin = "mean and variance from the layer's config" + (single ? ", as float32 as Keras holds them" : "");
        } else {
            List<Tensor> tensors = weights.weights(spec, index);
            if (tensors.size() < 2 || tensors.size() > 3) {
                throw SheetnetException.model(where + ": the file holds " + tensors.size() + " weights for this"
                        + " Normalization layer; expected mean, variance and count");
            }
            Tensor m = tensors.get(0);
            Tensor v = tensors.get(1);
            for (Tensor t : List.of(m, v)) {
                DenseWeights.requireFloating(t, where);
                if (t.rank() > 1) {
                    throw SheetnetException.model(where + ": " + t.path() + " has shape " + t.describeShape()
                            + "; sheetnet maps a mean and a variance per input of a flat input only");
                }
            }
            mean = m.values();
            variance = v.values();
            origin = "mean " + m.path() + " " + m.dtype() + " " + m.describeShape() + ", variance " + v.path() + " "
                    + v.dtype() + " " + v.describeShape();
        }
        if (mean.length != variance.length || mean.length == 0) {
            throw SheetnetException.model(where + ": " + mean.length + " means but " + variance.length + " variances");
        }
        double[] scale = new double[variance.length];
        for (int i = 0; i < scale.length; i++) {
            if (!(variance[i] >= 0) || !Double.isFinite(variance[i]) || !Double.isFinite(mean[i])) {
                throw SheetnetException.model(where + ": input " + (i + 1) + " has mean " + mean[i] + " and variance "
                        + variance[i] + "; expected finite numbers and a variance of 0 or more");
            }
            scale[i] = Math.max(Math.sqrt(variance[i]), EPSILON);
        }
        return new NormalizationLayer(spec, mean, scale, origin);
    }

    /** The Features sheet's rows for inputs of these names: offset = mean, scale = max(√variance, ε). */
    List<FeatureScaling> features(List<String> names, String where) {
        if (mean.length != 1 && mean.length != names.size()) {
            throw SheetnetException.model(where + ": it normalizes " + mean.length + " inputs, but the first Dense"
                    + " layer takes " + names.size());
        }
        List<FeatureScaling> features = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            int k = mean.length == 1 ? 0 : i;
            features.add(new FeatureScaling(names.get(i), mean[k], scale[k], Double.NaN, Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY));
        }
        return features;
    }

    /** How many values are below ε and so divided by ε instead of √variance. */
    int clamped() {
        int n = 0;
        for (double s : scale) {
            n += s == EPSILON ? 1 : 0;
        }
        return n;
    }

    // axis -1 (or 1: a flat input's only axis after the batch), as an int or a one-element list.
    private static void requireLastAxis(JsonNode axis, String where) {
        JsonNode a = axis != null && axis.isArray() && axis.size() == 1 ? axis.get(0) : axis;
        if (a != null && a.isInt() && (a.asInt() == -1 || a.asInt() == 1)) {
            return;
        }
        String given = axis == null || axis.isNull() ? "None (one mean and variance over everything)" : axis.toString();
        throw SheetnetException.model(where + ": normalizes over axis " + given + "; sheetnet maps per-feature"
                + " normalization over the last axis (axis=-1) of a flat input only");
    }

    // The layer computes in float32 unless its dtype policy says float64.
    private static boolean floating32(JsonNode config) {
        JsonNode dtype = config.path("dtype");
        String name = dtype.isTextual() ? dtype.asText() : dtype.path("config").path("name").asText("float32");
        return !name.equals("float64");
    }

    private static double[] numbers(JsonNode node, String what, boolean single, String where) {
        List<JsonNode> items = new ArrayList<>();
        if (node.isNumber()) {
            items.add(node);
        } else if (node.isArray()) {
            node.forEach(items::add);
        }
        if (items.isEmpty() || !items.stream().allMatch(JsonNode::isNumber)) {
            throw SheetnetException.model(where + ": its config gives " + what + " as " + node + "; expected a number"
                    + " or a list of numbers, one per input");
        }
        double[] values = new double[items.size()];
        for (int i = 0; i < values.length; i++) {
            double v = items.get(i).asDouble();
            values[i] = single ? (double) (float) v : v;
        }
        return values;
    }
}
