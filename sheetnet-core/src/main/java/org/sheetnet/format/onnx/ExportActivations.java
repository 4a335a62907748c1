package org.sheetnet.format.onnx;

import java.util.List;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activation;

/**
 * Each sheetnet activation as ONNX operators that ONNX Runtime computes in double. Where ONNX has an
 * operator with the same definition and no float-only parameter (Relu, Sigmoid, Tanh, Exp, Softmax,
 * LogSoftmax) it is used; everything else is composed from elementwise arithmetic, Where and the
 * comparisons, with the parameters as constants of the graph's type (an ONNX attribute is float32 and
 * would round them). The formulas follow sheetnet's (activation/Catalogue) operation for operation.
 */
final class ExportActivations {

    private ExportActivations() {
    }

    /**
     * Adds the activation's nodes.
     *
     * @param g     the graph
     * @param a     the pre-activations, [rows, units]
     * @param act   the activation
     * @param units number of pre-activations per row
     * @return the tensor of activations
     */
    static String apply(GraphWriter g, String a, Activation act, int units) {
        double p = act.parameter().orElse(Double.NaN);
        return switch (act.name()) {
            case "linear" -> a;
            case "sigmoid" -> g.op("Sigmoid", a);
            case "tanh" -> g.op("Tanh", a);
            case "exponential" -> g.op("Exp", a);
            case "relu" -> p == 0 ? g.op("Relu", a) : where(g, g.op("Greater", a, zero(g)), a, mul(g, a, p));
            case "leaky_relu" -> where(g, g.op("Less", a, zero(g)), mul(g, a, p), a);
            case "relu6" -> clip(g, a, 0, 6);
            case "hard_tanh" -> clip(g, a, -1, 1);
            case "elu" -> where(g, g.op("Greater", a, zero(g)), a, mul(g, expm1(g, a), p));
            case "selu" -> selu(g, a);
            case "celu" -> where(g, g.op("Less", a, zero(g)), mul(g, expm1(g, g.op("Div", a, g.constant("alpha", p))), p), a);
            case "gelu" -> gelu(g, a);
            case "silu" -> silu(g, a);
            case "hard_sigmoid" -> hardSigmoid(g, a);
            case "hard_silu" -> g.op("Mul", a, hardSigmoid(g, a));
            case "hard_sigmoid_slope" -> clip(g, g.op("Add", mul(g, a, p), g.constant("half", 0.5)), 0, 1);
            case "thresholded_relu" -> where(g, g.op("Greater", a, g.constant("theta", p)), a, zero(g));
            case "hard_shrink" -> where(g, g.op("Greater", g.op("Abs", a), g.constant("t", p)), a, zero(g));
            case "soft_shrink" -> softShrink(g, a, p);
            case "tanh_shrink" -> g.op("Sub", a, g.op("Tanh", a));
            case "softplus" -> softplus(g, a);
            case "softsign" -> g.op("Div", a, g.op("Add", g.op("Abs", a), one(g)));
            case "sparse_plus" -> sparsePlus(g, a);
            case "sparse_sigmoid" -> clip(g, mul(g, g.op("Add", a, one(g)), 0.5), 0, 1);
            case "squareplus" -> squareplus(g, a, p);
            case "mish" -> g.op("Mul", a, g.op("Tanh", softplus(g, a)));
            case "log_sigmoid" -> g.op("Neg", softplus(g, g.op("Neg", a)));
            case "step" -> g.op("Cast", List.of(g.op("Greater", a, zero(g))), GraphWriter.integer("to", g.type().getNumber()));
            case "softmax" -> g.op("Softmax", List.of(a), GraphWriter.integer("axis", g.opset() < 13 ? 1 : -1));
            case "log_softmax" -> g.op("LogSoftmax", List.of(a), GraphWriter.integer("axis", g.opset() < 13 ? 1 : -1));
            case "sparsemax" -> Sparsemax.apply(g, a, units);
            case "glu" -> glu(g, a, units);
            case "crelu" -> g.op("Concat", List.of(g.op("Relu", a), g.op("Relu", g.op("Neg", a))),
                    GraphWriter.integer("axis", 1));
            default -> throw SheetnetException.model("activation " + act.describe() + " has no ONNX form in sheetnet");
        };
    }

    private static String zero(GraphWriter g) {
        return g.constant("zero", 0);
    }

    private static String one(GraphWriter g) {
        return g.constant("one", 1);
    }

    private static String mul(GraphWriter g, String a, double c) {
        return g.op("Mul", a, g.constant("c", c));
    }

    private static String where(GraphWriter g, String condition, String then, String otherwise) {
        return g.op("Where", condition, then, otherwise);
    }

    /** min(max(a, lo), hi). */
    private static String clip(GraphWriter g, String a, double lo, double hi) {
        return g.op("Min", g.op("Max", a, g.constant("lo", lo)), g.constant("hi", hi));
    }

    /** e^a − 1 (ONNX has no expm1; near 0 this loses digits, not absolute accuracy). */
    private static String expm1(GraphWriter g, String a) {
        return g.op("Sub", g.op("Exp", a), one(g));
    }

    /** λ·a for a > 0, λα·(e^a − 1) else, with the paper's constants in full precision. */
    private static String selu(GraphWriter g, String a) {
        double scale = 1.0507009873554804934193349852946;
        double alpha = 1.6732632423543772848170429916717;
        return where(g, g.op("Greater", a, zero(g)), mul(g, a, scale), mul(g, expm1(g, a), scale * alpha));
    }

    /**
     * a / (1 + e^−a): a·σ(a) written so that ONNX Runtime does not fuse it into its float-only QuickGelu.
     */
    private static String silu(GraphWriter g, String a) {
        return g.op("Div", a, g.op("Add", one(g), g.op("Exp", g.op("Neg", a))));
    }

    /**
     * a·Φ(a) = ½·a·(1 + erf(a/√2)). ONNX Runtime has Erf (and Gelu) for float only, so erf is composed
     * ({@link ErfSeries}).
     */
    private static String gelu(GraphWriter g, String a) {
        String erf = ErfSeries.apply(g, g.op("Div", a, g.constant("sqrt2", Math.sqrt(2.0))));
        return g.op("Mul", mul(g, a, 0.5), g.op("Add", one(g), erf));
    }

    /** a/6 + ½ clipped to [0, 1], as Keras 3's hard_sigmoid. */
    private static String hardSigmoid(GraphWriter g, String a) {
        return clip(g, g.op("Add", g.op("Div", a, g.constant("six", 6)), g.constant("half", 0.5)), 0, 1);
    }

    /** max(a, 0) + log(1 + e^−|a|). */
    private static String softplus(GraphWriter g, String a) {
        String tail = g.op("Log", g.op("Add", one(g), g.op("Exp", g.op("Neg", g.op("Abs", a)))));
        return g.op("Add", g.op("Max", a, zero(g)), tail);
    }

    private static String softShrink(GraphWriter g, String a, double t) {
        String tc = g.constant("t", t);
        String below = where(g, g.op("Less", a, g.constant("minus_t", -t)), g.op("Add", a, tc), zero(g));
        return where(g, g.op("Greater", a, tc), g.op("Sub", a, tc), below);
    }

    /** 0 for a ≤ −1, a for a ≥ 1, ¼(a + 1)² between. */
    private static String sparsePlus(GraphWriter g, String a) {
        String up = g.op("Add", a, one(g));
        String middle = g.op("Mul", mul(g, up, 0.25), up);
        String upper = where(g, g.op("GreaterOrEqual", a, one(g)), a, middle);
        return where(g, g.op("LessOrEqual", a, g.constant("minus_one", -1)), zero(g), upper);
    }

    /** (a + √(a² + b))/2 for a ≥ 0, b / (2(√(a² + b) − a)) else (no cancellation). */
    private static String squareplus(GraphWriter g, String a, double b) {
        String bc = g.constant("b", b);
        String root = g.op("Sqrt", g.op("Add", g.op("Mul", a, a), bc));
        String positive = g.op("Div", g.op("Add", a, root), g.constant("two", 2));
        String negative = g.op("Div", bc, mul(g, g.op("Sub", root, a), 2));
        return where(g, g.op("GreaterOrEqual", a, zero(g)), positive, negative);
    }

    /** a[:, :n/2] · σ(a[:, n/2:]). */
    private static String glu(GraphWriter g, String a, int units) {
        int half = units / 2;
        String axes = g.longs("axes", 1);
        String first = g.op("Slice", a, g.longs("starts", 0), g.longs("ends", half), axes);
        String second = g.op("Slice", a, g.longs("starts", half), g.longs("ends", units), axes);
        return g.op("Mul", first, g.op("Sigmoid", second));
    }
}
