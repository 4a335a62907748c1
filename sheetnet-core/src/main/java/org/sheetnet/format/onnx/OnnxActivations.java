package org.sheetnet.format.onnx;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;

/**
 * ONNX activation operators as sheetnet activations, parameters included. Each mapping is the
 * operator's definition in the ONNX operator documentation, with its defaults; an operator whose
 * parameters sheetnet cannot represent exactly is refused, naming the node.
 */
final class OnnxActivations {

    /** The operators mapped here, apart from Softmax and LogSoftmax, whose axis the chain checks. */
    static final Set<String> ELEMENTWISE = Set.of("Relu", "LeakyRelu", "Elu", "Selu", "Celu", "Sigmoid", "HardSigmoid",
            "HardSwish", "Tanh", "Softplus", "Softsign", "Gelu", "Mish", "ThresholdedRelu", "Swish");

    /** ONNX's Selu defaults, the float32 nearest to the paper's constants (Klambauer et al. 2017). */
    private static final float SELU_ALPHA = 1.67326319217681884765625f;
    private static final float SELU_GAMMA = 1.05070102214813232421875f;

    private OnnxActivations() {
    }

    /**
     * The activation an elementwise operator computes.
     *
     * @param node the node
     * @param file the model file's name, for messages
     * @return the activation, or empty if the node is not an activation
     * @throws SheetnetException (MODEL) naming the node if its parameters have no sheetnet equivalent
     */
    static Optional<Activation> of(NodeProto node, String file) {
        return Optional.ofNullable(switch (node.getOpType()) {
            case "Relu" -> Activations.of("relu");
            case "Sigmoid" -> Activations.of("sigmoid");
            case "Tanh" -> Activations.of("tanh");
            case "Softplus" -> Activations.of("softplus");
            case "Softsign" -> Activations.of("softsign");
            case "Mish" -> Activations.of("mish");
            case "HardSwish" -> Activations.of("hard_silu"); // x·max(0, min(1, x/6 + ½)), as Keras's hard_silu
            case "LeakyRelu" -> with("leaky_relu", Attributes.real(node, "alpha", 0.01f));
            case "Elu" -> with("elu", Attributes.real(node, "alpha", 1.0));
            case "Celu" -> with("celu", Attributes.real(node, "alpha", 1.0));
            case "ThresholdedRelu" -> with("thresholded_relu", Attributes.real(node, "alpha", 1.0));
            case "HardSigmoid" -> hardSigmoid(node, file);
            case "Selu" -> selu(node, file);
            case "Gelu" -> gelu(node, file);
            case "Swish" -> swish(node, file);
            default -> null;
        });
    }

    /**
     * Clip(min, max) = min(max(x, min), max) as the sheetnet activation with those bounds: relu for
     * [0, ∞), relu6 for [0, 6], hard_tanh for [−1, 1]; empty when it has no bound (it passes x on).
     *
     * @throws SheetnetException (MODEL) naming the node for any other bounds
     */
    static Optional<Activation> clip(OptionalDouble min, OptionalDouble max, NodeProto node, String file) {
        double low = min.orElse(Double.NEGATIVE_INFINITY);
        double high = max.orElse(Double.POSITIVE_INFINITY);
        if (low == Double.NEGATIVE_INFINITY && high == Double.POSITIVE_INFINITY) {
            return Optional.empty();
        }
        if (low == 0 && high == Double.POSITIVE_INFINITY) {
            return Optional.of(Activations.of("relu"));
        }
        if (low == 0 && high == 6) {
            return Optional.of(Activations.of("relu6"));
        }
        if (low == -1 && high == 1) {
            return Optional.of(Activations.of("hard_tanh"));
        }
        throw refuse(node, file, "min=" + (min.isPresent() ? low : "none") + ", max=" + (max.isPresent() ? high : "none")
                + "; sheetnet has Clip as relu (min 0, no max), relu6 (0, 6) and hard_tanh (-1, 1)");
    }

    private static Activation with(String name, double parameter) {
        return Activations.find(name, OptionalDouble.of(parameter)).orElseThrow();
    }

    /** HardSigmoid(α, β) = max(0, min(1, α·x + β)); sheetnet has it for β = ½. */
    private static Activation hardSigmoid(NodeProto node, String file) {
        double alpha = Attributes.real(node, "alpha", 0.2f);
        double beta = Attributes.real(node, "beta", 0.5);
        if (beta != 0.5) {
            throw refuse(node, file, "beta=" + beta + "; sheetnet's hard_sigmoid_slope has beta 0.5");
        }
        return with("hard_sigmoid_slope", alpha);
    }

    /**
     * Selu with ONNX's defaults is sheetnet's selu: ONNX states the constants in float32, which differ from
     * the paper's (sheetnet's) by less than float32 rounding.
     */
    private static Activation selu(NodeProto node, String file) {
        float alpha = (float) Attributes.real(node, "alpha", SELU_ALPHA);
        float gamma = (float) Attributes.real(node, "gamma", SELU_GAMMA);
        if (alpha != SELU_ALPHA || gamma != SELU_GAMMA) {
            throw refuse(node, file, "alpha=" + alpha + ", gamma=" + gamma + "; sheetnet's selu has the standard"
                    + " constants (alpha 1.6732632, gamma 1.0507010)");
        }
        return Activations.of("selu");
    }

    /** Swish(α) = x·sigmoid(α·x) (opset 24); sheetnet's silu is α = 1. */
    private static Activation swish(NodeProto node, String file) {
        double alpha = Attributes.real(node, "alpha", 1.0);
        if (alpha != 1.0) {
            throw refuse(node, file, "alpha=" + alpha + "; sheetnet's silu is x·sigmoid(x), alpha 1");
        }
        return Activations.of("silu");
    }

    private static Activation gelu(NodeProto node, String file) {
        String approximate = Attributes.text(node, "approximate", "none");
        if (!"none".equals(approximate)) {
            throw refuse(node, file, "approximate=" + approximate + "; sheetnet's gelu is the exact x·Φ(x)");
        }
        return Activations.of("gelu");
    }

    private static SheetnetException refuse(NodeProto node, String file, String why) {
        return SheetnetException.model(file + ": " + Attributes.describe(node) + ": " + why);
    }
}
