package org.sheetnet.format.keras;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;

/**
 * Maps Keras activations, by name or as layers (ReLU, LeakyReLU, ELU, Softmax, ThresholdedReLU),
 * to sheetnet's, and refuses those sheetnet cannot compute exactly as Keras did.
 *
 * <p>sheetnet's catalogue follows Keras 3. For Keras 1 and 2 only the names whose definition did
 * not change are accepted: Keras 2's {@code hard_sigmoid}, for one, is clip(0.2·a + 0.5, 0, 1),
 * not Keras 3's clip(a/6 + 0.5, 0, 1).
 */
final class KerasActivations {

    /** Activation names of Keras 1 and 2 with the same definition as in Keras 3. */
    private static final Set<String> SAME_IN_KERAS_2 = Set.of("linear", "sigmoid", "tanh", "relu", "elu", "selu",
            "softplus", "softsign", "softmax", "exponential", "swish", "silu", "gelu", "log_softmax");

    /** The advanced activation layers this class maps. */
    static final Set<String> LAYERS = Set.of("ReLU", "LeakyReLU", "ELU", "Softmax", "ThresholdedReLU");

    private KerasActivations() {
    }

    /**
     * The activation a Keras name (the {@code activation} of a Dense or Activation layer) stands for.
     *
     * @param name        the Keras name; null or blank means linear
     * @param kerasMajor  1, 2 or 3
     * @param where       the file and layer, for messages
     * @throws SheetnetException (MODEL) if sheetnet has no activation that computes exactly the same
     */
    static Activation named(String name, int kerasMajor, String where) {
        String key = name == null || name.isBlank() ? "linear" : name.trim().toLowerCase(Locale.ROOT);
        if (key.equals("step")) {
            throw refuse(where, "activation \"" + name + "\" is not a Keras activation");
        }
        if (kerasMajor < 3 && !SAME_IN_KERAS_2.contains(key)) {
            String why = key.equals("hard_sigmoid")
                    ? "Keras " + kerasMajor + "'s hard_sigmoid is clip(0.2·a + 0.5, 0, 1), sheetnet's (Keras 3's)"
                            + " clip(a/6 + 0.5, 0, 1)"
                    : "its Keras " + kerasMajor + " definition is not known to match sheetnet's";
            throw refuse(where, "activation \"" + name + "\" cannot be imported exactly: " + why);
        }
        return Activations.find(key, OptionalDouble.empty()).orElseThrow(() -> refuse(where,
                "activation \"" + name + "\" is not one sheetnet knows; known: " + String.join(", ", Activations.known())));
    }

    /**
     * The activation an advanced activation layer computes.
     *
     * @param layer      a layer whose class is in {@link #LAYERS}
     * @param kerasMajor 1, 2 or 3
     * @param where      the file and layer, for messages
     * @throws SheetnetException (MODEL) if its parameters make it something sheetnet cannot compute exactly
     */
    static Activation layer(LayerSpec layer, int kerasMajor, String where) {
        switch (layer.className()) {
            case "ReLU":
                return relu(layer, where);
            case "LeakyReLU":
                // Keras 2 calls the slope alpha, Keras 3 negative_slope; both default to 0.3.
                double slope = layer.has("negative_slope") ? layer.number("negative_slope", 0.3)
                        : layer.number("alpha", 0.3);
                return withParameter("leaky_relu", requireSlope(slope, where), where);
            case "ELU":
                return withParameter("elu", layer.number("alpha", 1.0), where);
            case "Softmax":
                int axis = (int) layer.number("axis", -1);
                if (axis != -1 && axis != 1) {
                    throw refuse(where, "softmax over axis " + axis + "; sheetnet applies softmax over the units (axis -1)");
                }
                return Activations.of("softmax");
            case "ThresholdedReLU":
                double theta = layer.number("theta", 1.0);
                if (theta != 0) {
                    throw refuse(where, "ThresholdedReLU with theta " + theta + " (a if a > theta, else 0) has no exact"
                            + " sheetnet activation");
                }
                return Activations.of("relu");
            default:
                throw new IllegalArgumentException(layer.className() + " is not an activation layer");
        }
    }

    // Keras ReLU: a ≥ threshold ? min(a, max_value) : negative_slope·(a − threshold).
    private static Activation relu(LayerSpec layer, String where) {
        double threshold = layer.number("threshold", 0);
        double slope = layer.number("negative_slope", 0);
        boolean capped = layer.has("max_value");
        double max = layer.number("max_value", Double.NaN);
        if (threshold != 0) {
            throw refuse(where, "ReLU with threshold " + threshold + " has no exact sheetnet activation");
        }
        if (!capped) {
            return withParameter("relu", requireSlope(slope, where), where);
        }
        if (max == 6 && slope == 0) {
            return Activations.of("relu6");
        }
        throw refuse(where, "ReLU with max_value " + max + (slope != 0 ? " and negative_slope " + slope : "")
                + " has no exact sheetnet activation (relu6 is max_value 6 without a negative slope)");
    }

    // TensorFlow computes leaky ReLU as max(a, slope·a), which is not leaky ReLU when slope > 1.
    private static double requireSlope(double slope, String where) {
        if (slope > 1) {
            throw refuse(where, "a negative slope of " + slope + " (above 1) is computed differently by Keras"
                    + " backends (max(a, slope·a) in TensorFlow)");
        }
        return slope;
    }

    private static Activation withParameter(String name, double parameter, String where) {
        return Activations.find(name, OptionalDouble.of(parameter))
                .orElseThrow(() -> refuse(where, "no activation " + name));
    }

    private static org.sheetnet.SheetnetException refuse(String where, String why) {
        return SheetnetException.model(where + ": " + why);
    }
}
