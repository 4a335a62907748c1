package org.sheetnet.activation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.special.Erf;

/**
 * Every activation by its Keras 3 name, with Keras's definitions and defaults
 * ({@code keras/src/activations/activations.py}), plus {@code step} for perceptrons.
 *
 * <p>Formulas are written so that no intermediate overflows for |a| up to ~700 and beyond:
 * sigmoid branches on the sign, softplus uses max(a,0) + log1p(exp(−|a|)), gelu uses erfc.
 */
final class Catalogue {

    /** SELU constants from Klambauer et al. 2017, as in Keras. */
    static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    static final double SELU_SCALE = 1.0507009873554804934193349852946;

    private static final double SQRT2 = Math.sqrt(2.0);
    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);

    /** How to build an activation: its default parameter (NaN if it takes none) and a factory. */
    record Entry(String name, double defaultParameter, DoubleFunction<Activation> factory) {
        boolean takesParameter() {
            return !Double.isNaN(defaultParameter);
        }
    }

    static final Map<String, Entry> ENTRIES = build();

    private Catalogue() {
    }

    static double sigmoid(double a) {
        if (a >= 0) {
            return 1 / (1 + Math.exp(-a));
        }
        double e = Math.exp(a);
        return e / (1 + e);
    }

    static double softplus(double a) {
        return Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));
    }

    /**
     * tanh_shrink(a) = a − tanh(a). For |a| < 0.2 by its series a³/3 − 2a⁵/15 + … − 6404582a¹⁷/10854718875
     * (truncation below 5e-15 relative): a − tanh(a) cancels to about a³/3 there, and would keep only
     * log10(a²/3ε) digits (none below |a| ≈ 1e-8).
     */
    static double tanhShrink(double a) {
        if (Math.abs(a) >= 0.2) {
            return a - Math.tanh(a);
        }
        double s = a * a;
        return a * s * (1.0 / 3 - s * (2.0 / 15 - s * (17.0 / 315 - s * (62.0 / 2835 - s * (1382.0 / 155925
                - s * (21844.0 / 6081075 - s * (929569.0 / 638512875 - s * 6404582.0 / 10854718875.0)))))));
    }

    static double hardSigmoid(double a) {
        return a <= -3 ? 0 : a >= 3 ? 1 : a / 6 + 0.5;
    }

    /** Φ(a), the standard normal distribution function, via erfc for precision in the left tail. */
    static double normalCdf(double a) {
        return 0.5 * Erf.erfc(-a / SQRT2);
    }

    /*
     * Each function comes with its derivative h'(a), written as a function of a and z = h(a)
     * (the value the forward pass already computed; piecewise functions take the derivative of
     * the branch the forward formula takes at a kink, as Keras's autodiff does), and with its
     * Excel formula over the cell of a (see ExcelText for the care taken near 0).
     */
    private static Map<String, Entry> build() {
        Map<String, Entry> m = new LinkedHashMap<>();
        plain(m, "linear", a -> a, (a, z) -> 1,
                x -> x);
        // σ'(a) = σ(a)(1 − σ(a))
        plain(m, "sigmoid", Catalogue::sigmoid, (a, z) -> z * (1 - z),
                ExcelText::sigmoid);
        // tanh'(a) = 1 − tanh²(a)
        plain(m, "tanh", Math::tanh, (a, z) -> 1 - z * z,
                ExcelText::tanh);
        withParameter(m, "relu", "negative_slope", 0.0, slope -> a -> a > 0 ? a : slope * a,
                slope -> (a, z) -> a > 0 ? 1 : slope,
                slope -> x -> "IF(" + x + ">0," + x + "," + ExcelText.literal(slope) + "*" + x + ")");
        plain(m, "relu6", a -> Math.min(Math.max(a, 0), 6), (a, z) -> a > 0 && a < 6 ? 1 : 0,
                x -> "MIN(MAX(" + x + ",0),6)");
        withParameter(m, "leaky_relu", "negative_slope", 0.2, slope -> a -> a >= 0 ? a : slope * a,
                slope -> (a, z) -> a >= 0 ? 1 : slope,
                slope -> x -> "IF(" + x + ">=0," + x + "," + ExcelText.literal(slope) + "*" + x + ")");
        // elu'(a) = α·e^a for a ≤ 0
        withParameter(m, "elu", "alpha", 1.0, alpha -> a -> a > 0 ? a : alpha * Math.expm1(a),
                alpha -> (a, z) -> a > 0 ? 1 : alpha * Math.exp(a),
                alpha -> x -> "IF(" + x + ">0," + x + "," + ExcelText.literal(alpha) + "*" + ExcelText.expm1(x) + ")");
        plain(m, "selu", a -> a > 0 ? SELU_SCALE * a : SELU_SCALE * SELU_ALPHA * Math.expm1(a),
                (a, z) -> a > 0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * Math.exp(a),
                x -> "IF(" + x + ">0," + ExcelText.literal(SELU_SCALE) + "*" + x + "," + ExcelText.literal(SELU_SCALE)
                        + "*" + ExcelText.literal(SELU_ALPHA) + "*" + ExcelText.expm1(x) + ")");
        // celu'(a) = e^(a/α) for a < 0
        withParameter(m, "celu", "alpha", 1.0, alpha -> a -> a >= 0 ? a : alpha * Math.expm1(a / alpha),
                alpha -> (a, z) -> a >= 0 ? 1 : Math.exp(a / alpha),
                alpha -> x -> "IF(" + x + ">=0," + x + "," + ExcelText.literal(alpha) + "*"
                        + ExcelText.expm1(x + "/" + ExcelText.literal(alpha)) + ")");
        // gelu(a) = a·Φ(a) = ½·a·erfc(−a/√2); erfc keeps precision where Φ is tiny. The formula takes Φ
        // from NORMDIST(a,0,1,TRUE), which Excel, LibreOffice and POI all compute (POI has no ERFC, and
        // its NORMSDIST gives #NUM! for a < 0); POI computes it as ½·erfc(−a/√2) with Commons Math too.
        // gelu'(a) = Φ(a) + a·φ(a), φ(a) = e^(−a²/2)/√(2π)
        plain(m, "gelu", a -> 0.5 * a * Erf.erfc(-a / SQRT2),
                (a, z) -> normalCdf(a) + a * Math.exp(-0.5 * a * a) / SQRT_2PI,
                x -> x + "*NORMDIST(" + x + ",0,1,TRUE)");
        // silu'(a) = σ(a) + a·σ(a)(1 − σ(a))
        plain(m, "silu", a -> a * sigmoid(a), (a, z) -> {
            double s = sigmoid(a);
            return s + a * s * (1 - s);
        },
                x -> x + "*" + ExcelText.sigmoid(x));
        plain(m, "hard_sigmoid", Catalogue::hardSigmoid, (a, z) -> a > -3 && a < 3 ? 1.0 / 6 : 0,
                ExcelText::hardSigmoid);
        // hard_silu'(a) = hs(a) + a·hs'(a) = a/3 + ½ on (−3, 3)
        plain(m, "hard_silu", a -> a * hardSigmoid(a), (a, z) -> a <= -3 ? 0 : a >= 3 ? 1 : a / 3 + 0.5,
                x -> x + "*" + ExcelText.hardSigmoid(x));
        // ONNX ThresholdedRelu (Keras 2's ThresholdedReLU layer): a where a > θ, else 0
        withParameter(m, "thresholded_relu", "theta", 1.0, t -> a -> a > t ? a : 0,
                t -> (a, z) -> a > t ? 1 : 0,
                t -> x -> "IF(" + x + ">" + ExcelText.literal(t) + "," + x + ",0)");
        // ONNX HardSigmoid with β = ½ (Keras 2's hard_sigmoid is α = 0.2, PyTorch's Hardsigmoid α = 1/6):
        // max(0, min(1, α·a + ½)); its derivative is α inside (0, 1)
        withParameter(m, "hard_sigmoid_slope", "alpha", 0.2, al -> a -> Math.max(0, Math.min(1, al * a + 0.5)),
                al -> (a, z) -> z > 0 && z < 1 ? al : 0,
                al -> x -> "MAX(0,MIN(1," + ExcelText.literal(al) + "*" + x + "+0.5))");
        plain(m, "hard_tanh", a -> Math.min(Math.max(a, -1), 1), (a, z) -> a > -1 && a < 1 ? 1 : 0,
                x -> "MIN(MAX(" + x + ",-1),1)");
        withParameter(m, "hard_shrink", "threshold", 0.5, t -> a -> Math.abs(a) > t ? a : 0,
                t -> (a, z) -> Math.abs(a) > t ? 1 : 0,
                t -> x -> "IF(ABS(" + x + ")>" + ExcelText.literal(t) + "," + x + ",0)");
        withParameter(m, "soft_shrink", "threshold", 0.5, t -> a -> a > t ? a - t : a < -t ? a + t : 0,
                t -> (a, z) -> Math.abs(a) > t ? 1 : 0,
                t -> x -> "IF(" + x + ">" + ExcelText.literal(t) + "," + x + "-" + ExcelText.literal(t) + ",IF(" + x
                        + "<-" + ExcelText.literal(t) + "," + x + "+" + ExcelText.literal(t) + ",0))");
        // (a − tanh a)' = tanh²(a)
        plain(m, "tanh_shrink", Catalogue::tanhShrink, (a, z) -> {
            double t = Math.tanh(a);
            return t * t;
        },
                ExcelText::tanhShrink);
        // softplus'(a) = σ(a)
        plain(m, "softplus", Catalogue::softplus, (a, z) -> sigmoid(a),
                ExcelText::softplus);
        // softsign'(a) = 1/(1 + |a|)²
        plain(m, "softsign", a -> a / (Math.abs(a) + 1), (a, z) -> 1 / ((1 + Math.abs(a)) * (1 + Math.abs(a))),
                x -> x + "/(ABS(" + x + ")+1)");
        plain(m, "sparse_plus", a -> a <= -1 ? 0 : a >= 1 ? a : 0.25 * (a + 1) * (a + 1),
                (a, z) -> a <= -1 ? 0 : a >= 1 ? 1 : 0.5 * (a + 1),
                x -> "IF(" + x + "<=-1,0,IF(" + x + ">=1," + x + ",0.25*(" + x + "+1)*(" + x + "+1)))");
        plain(m, "sparse_sigmoid", a -> a <= -1 ? 0 : a >= 1 ? 1 : 0.5 * (a + 1), (a, z) -> a > -1 && a < 1 ? 0.5 : 0,
                x -> "IF(" + x + "<=-1,0,IF(" + x + ">=1,1,0.5*(" + x + "+1)))");
        // squareplus(a) = (a + √(a²+b))/2, written as b / (2(√(a²+b) − a)) for a < 0 to avoid cancellation.
        // squareplus'(a) = (1 + a/√(a²+b))/2
        withParameter(m, "squareplus", "b", 4.0, b -> a -> {
            double root = Math.hypot(a, Math.sqrt(b));
            return a >= 0 ? (a + root) / 2 : b / (2 * (root - a));
        }, b -> (a, z) -> 0.5 * (1 + a / Math.hypot(a, Math.sqrt(b))),
                b -> x -> {
            String root = "SQRT(" + x + "*" + x + "+" + ExcelText.literal(b) + ")";
            return "IF(" + x + ">=0,(" + x + "+" + root + ")/2," + ExcelText.literal(b) + "/(2*(" + root + "-" + x + ")))";
        });
        // mish'(a) = tanh(sp(a)) + a·(1 − tanh²(sp(a)))·σ(a), sp = softplus
        plain(m, "mish", a -> a * Math.tanh(softplus(a)), (a, z) -> {
            double t = Math.tanh(softplus(a));
            return t + a * (1 - t * t) * sigmoid(a);
        },
                ExcelText::mish);
        plain(m, "exponential", Math::exp, (a, z) -> z,
                x -> "EXP(" + x + ")");
        // log_sigmoid'(a) = σ(−a)
        plain(m, "log_sigmoid", a -> -softplus(-a), (a, z) -> sigmoid(-a),
                x -> "-" + ExcelText.softplus("(-" + x + ")"));
        plain(m, "step", a -> a > 0 ? 1 : 0, null,
                x -> "IF(" + x + ">0,1,0)");
        row(m, "softmax", RowFunctions.Softmax::new);
        row(m, "log_softmax", RowFunctions.LogSoftmax::new);
        row(m, "sparsemax", RowFunctions.Sparsemax::new);
        row(m, "glu", RowFunctions.Glu::new);
        row(m, "crelu", RowFunctions.Crelu::new);
        return m;
    }

    /** An activation without parameter: its function, derivative (null if it has no useful one) and formula. */
    private static void plain(Map<String, Entry> m, String name, DoubleUnaryOperator f, DoubleBinaryOperator df,
            UnaryOperator<String> formula) {
        Elementwise activation = new Elementwise(name, null, OptionalDouble.empty(), f, df, formula);
        m.put(name, new Entry(name, Double.NaN, ignored -> activation));
    }

    private static void withParameter(Map<String, Entry> m, String name, String parameterName, double defaultValue,
            DoubleFunction<DoubleUnaryOperator> f, DoubleFunction<DoubleBinaryOperator> df,
            DoubleFunction<UnaryOperator<String>> formula) {
        m.put(name, new Entry(name, defaultValue,
                p -> new Elementwise(name, parameterName, OptionalDouble.of(p), f.apply(p), df.apply(p), formula.apply(p))));
    }

    private static void row(Map<String, Entry> m, String name, Supplier<Activation> factory) {
        Activation activation = factory.get();
        m.put(name, new Entry(name, Double.NaN, ignored -> activation));
    }
}
