package org.sheetnet.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every activation in {@link Activations#known()} against its closed form, with expected values
 * that do not come from the implementation: hand calculations (worked in the comments), other
 * ways of writing the same function (sigmoid = ½(1 + tanh(x/2)), tanh = expm1(2x)/(expm1(2x)+2),
 * mish via (e^2x + 2e^x)/(e^2x + 2e^x + 2), ...), values quoted from the Keras 3 documentation, and
 * constants computed to 50 digits with mpmath and rounded to double (marked "mpmath").
 */
class ActivationsTest {

    /** Relative tolerance for smooth closed forms. */
    private static final double SMOOTH = 1e-12;
    /** Relative tolerance for hand calculations that are exact up to one rounding. */
    private static final double EXACT = 1e-15;

    /** Constants of Klambauer et al. 2017, "Self-Normalizing Neural Networks", eq. (14), as printed. */
    private static final double PAPER_SELU_LAMBDA = 1.0507009873554804934193349852946;
    private static final double PAPER_SELU_ALPHA = 1.6732632423543772848170429916717;

    /** −5, −4.75, …, 5: every step is exact in binary, and 0 is on the grid. */
    private static final double[] GRID = grid();

    /** A parameter as Keras 3 names it in the function's signature, with its default. */
    private record KerasParameter(String name, double defaultValue) {
    }

    /** Keras 3 signatures: the activations that take a parameter (the alpha column), its name and default. */
    private static final Map<String, KerasParameter> KERAS_PARAMETERS = Map.of(
            "relu", new KerasParameter("negative_slope", 0.0), // relu(x, negative_slope=0.0, ...)
            "leaky_relu", new KerasParameter("negative_slope", 0.2), // leaky_relu(x, negative_slope=0.2)
            "elu", new KerasParameter("alpha", 1.0), // elu(x, alpha=1.0)
            "celu", new KerasParameter("alpha", 1.0), // celu(x, alpha=1.0)
            "hard_shrink", new KerasParameter("threshold", 0.5), // hard_shrink(x, threshold=0.5)
            "soft_shrink", new KerasParameter("threshold", 0.5), // soft_shrink(x, threshold=0.5)
            "squareplus", new KerasParameter("b", 4.0), // squareplus(x, b=4)
            // not Keras 3 functions, but ONNX operators with one parameter (ONNX's names and defaults):
            "thresholded_relu", new KerasParameter("theta", 1.0), // ThresholdedRelu(alpha=1.0); Keras 2 theta=1.0
            "hard_sigmoid_slope", new KerasParameter("alpha", 0.2)); // HardSigmoid(alpha=0.2, beta=0.5)

    private static final Map<String, Executable> CLOSED_FORMS = closedForms();
    private static final Map<String, Executable> EXTREMES = extremes();

    // ------------------------------------------------------------------ helpers

    private static double[] grid() {
        double[] g = new double[41];
        for (int i = 0; i < g.length; i++) {
            g[i] = -5 + 0.25 * i;
        }
        return g;
    }

    static List<String> knownNames() {
        return Activations.known();
    }

    /** h(a) for one unit. */
    private static double h(Activation activation, double a) {
        double[] out = new double[1];
        activation.apply(new double[] {a}, 0, 1, out, 0);
        return out[0];
    }

    private static double h(String name, double a) {
        return h(Activations.of(name), a);
    }

    /** The activation applied to one whole row. */
    private static double[] row(String name, double... a) {
        Activation activation = Activations.of(name);
        double[] out = new double[activation.outputWidth(a.length)];
        activation.apply(a.clone(), 0, a.length, out, 0);
        return out;
    }

    private static void close(String label, double expected, double actual, double relative) {
        assertFalse(Double.isNaN(actual), () -> label + " is NaN");
        assertEquals(expected, actual, relative * Math.abs(expected), () -> label);
    }

    /** h(a) == expected within {@code relative}; labelled "name(a)". */
    private static void point(String name, double a, double expected, double relative) {
        close(name + "(" + a + ")", expected, h(name, a), relative);
    }

    private static void point(Activation activation, double a, double expected, double relative) {
        close(activation.describe() + "(" + a + ")", expected, h(activation, a), relative);
    }

    /** h agrees with an independently written reference on the whole grid. */
    private static void sweep(String name, DoubleUnaryOperator reference) {
        for (double a : GRID) {
            point(name, a, reference.applyAsDouble(a), SMOOTH);
        }
    }

    private static void rowEquals(String name, double[] in, double[] expected, double absolute) {
        double[] got = row(name, in);
        String label = name + java.util.Arrays.toString(in);
        assertEquals(expected.length, got.length, () -> label + ": output width");
        for (int j = 0; j < expected.length; j++) {
            int jj = j;
            assertFalse(Double.isNaN(got[j]), () -> label + "[" + jj + "] is NaN");
            assertEquals(expected[j], got[j], absolute, () -> label + "[" + jj + "]");
        }
    }

    /** A finite limit: h(a) is not NaN or infinite and equals expected to 1e-12, or within 1e-300 of 0. */
    private static void limit(String name, double a, double expected) {
        double v = h(name, a);
        String label = name + "(" + a + ")";
        assertTrue(Double.isFinite(v), () -> label + " = " + v + ", expected the finite limit " + expected);
        assertEquals(expected, v, Math.max(SMOOTH * Math.abs(expected), 1e-300), () -> label);
    }

    /** The true value underflows (e.g. e^−1000): the result must be 0 or a tiny non-negative number. */
    private static void tinyNonNegative(String name, double a) {
        double v = h(name, a);
        assertTrue(v >= 0 && v <= 1e-300, () -> name + "(" + a + ") = " + v + ", expected 0 or tiny ≥ 0");
    }

    // ------------------------------------------------------------------ closed forms

    private static Map<String, Executable> closedForms() {
        Map<String, Executable> m = new LinkedHashMap<>();

        m.put("linear", () -> sweep("linear", a -> a));

        m.put("sigmoid", () -> {
            point("sigmoid", 0, 0.5, EXACT); // 1/(1+e^0) = 1/2
            point("sigmoid", 1, 0.7310585786300049, SMOOTH); // mpmath
            point("sigmoid", -1, 0.2689414213699951, SMOOTH); // mpmath; = 1 − sigmoid(1)
            sweep("sigmoid", a -> 0.5 * (1 + Math.tanh(a / 2)));
        });

        m.put("tanh", () -> {
            point("tanh", 1, 0.7615941559557649, SMOOTH); // mpmath
            // tanh x = (e^2x − 1)/(e^2x + 1) = expm1(2x) / (expm1(2x) + 2)
            sweep("tanh", a -> Math.expm1(2 * a) / (Math.expm1(2 * a) + 2));
        });

        m.put("relu", () -> {
            // Keras docstring: relu([-10, -5, 0, 5, 10]) = [0, 0, 0, 5, 10]
            double[] x = {-10, -5, 0, 5, 10};
            double[] y = {0, 0, 0, 5, 10};
            for (int i = 0; i < x.length; i++) {
                point("relu", x[i], y[i], 0);
            }
            sweep("relu", a -> a < 0 ? 0 : a);
        });

        m.put("relu6", () -> {
            point("relu6", -1, 0, 0);
            point("relu6", 3, 3, 0);
            point("relu6", 6, 6, 0);
            point("relu6", 7.5, 6, 0); // min(max(7.5, 0), 6) = 6
        });

        m.put("leaky_relu", () -> {
            // Keras default negative_slope 0.2: −10 → −2, −1 → −0.2
            point("leaky_relu", -10, -2, EXACT);
            point("leaky_relu", -1, -0.2, EXACT);
            point("leaky_relu", 0, 0, 0);
            point("leaky_relu", 3, 3, 0);
        });

        m.put("elu", () -> {
            point("elu", -1, -0.6321205588285577, SMOOTH); // mpmath: e^−1 − 1
            point("elu", 2, 2, 0);
            sweep("elu", a -> a > 0 ? a : Math.exp(a) - 1);
        });

        m.put("selu", () -> {
            point("selu", 1, 1.0507009873554805, SMOOTH); // mpmath: λ·1
            point("selu", -1, -1.1113307378125628, SMOOTH); // mpmath: λα(e^−1 − 1)
            sweep("selu", a -> a > 0 ? PAPER_SELU_LAMBDA * a : PAPER_SELU_LAMBDA * PAPER_SELU_ALPHA * (Math.exp(a) - 1));
        });

        m.put("celu", () -> {
            point("celu", -1, -0.6321205588285577, SMOOTH); // α = 1: e^−1 − 1
            // Keras: celu(x) = max(0, x) + min(0, α(exp(x/α) − 1))
            sweep("celu", a -> Math.max(0, a) + Math.min(0, Math.exp(a) - 1));
        });

        m.put("gelu", () -> {
            // gelu(x) = x·Φ(x); mpmath values (gelu(1) = Φ(1) = 0.8413447460685429…)
            point("gelu", 0, 0, 0);
            point("gelu", 1, 0.8413447460685429, SMOOTH);
            point("gelu", -1, -0.15865525393145705, SMOOTH);
            point("gelu", 2, 1.9544997361036416, SMOOTH);
            point("gelu", -2, -0.04550026389635842, SMOOTH);
            point("gelu", 0.5, 0.34573123063700656, SMOOTH);
            point("gelu", -0.5, -0.15426876936299344, SMOOTH);
            point("gelu", 3, 2.99595030590511, SMOOTH);
            point("gelu", -3, -0.0040496940948902835, SMOOTH);
            // Φ(x) + Φ(−x) = 1, so gelu(x) − gelu(−x) = x on the whole grid.
            for (double a : GRID) {
                close("gelu(" + a + ") − gelu(" + (-a) + ")", a, h("gelu", a) - h("gelu", -a), SMOOTH);
            }
        });

        m.put("silu", () -> {
            point("silu", 1, 0.7310585786300049, SMOOTH); // 1·sigmoid(1), mpmath
            sweep("silu", a -> a / (1 + Math.exp(-a)));
        });

        m.put("hard_sigmoid", () -> {
            // Keras 3: 0 if x ≤ −3, 1 if x ≥ 3, x/6 + 0.5 in between
            point("hard_sigmoid", -4, 0, 0);
            point("hard_sigmoid", -3, 0, 0);
            point("hard_sigmoid", -1.5, 0.25, EXACT); // −1.5/6 + 0.5
            point("hard_sigmoid", 0, 0.5, 0);
            point("hard_sigmoid", 1, 2.0 / 3, EXACT); // 1/6 + 1/2
            point("hard_sigmoid", 1.5, 0.75, EXACT);
            point("hard_sigmoid", 3, 1, 0);
            point("hard_sigmoid", 4, 1, 0);
        });

        m.put("hard_silu", () -> {
            // Keras 3: 0 if x < −3, x if x > 3, x(x + 3)/6 in between
            point("hard_silu", -4, 0, 0);
            point("hard_silu", -3, 0, 0);
            point("hard_silu", -1, -1.0 / 3, EXACT); // −1·2/6
            point("hard_silu", 0, 0, 0);
            point("hard_silu", 1, 2.0 / 3, EXACT); // 1·4/6
            point("hard_silu", 3, 3, 0);
            point("hard_silu", 4, 4, 0);
        });

        m.put("thresholded_relu", () -> {
            // θ = 1: a where a > 1 (strictly), else 0
            point("thresholded_relu", 1, 0, 0);
            point("thresholded_relu", 0.5, 0, 0);
            point("thresholded_relu", -3, 0, 0);
            point("thresholded_relu", 1.5, 1.5, 0);
            point(Activations.find("thresholded_relu", OptionalDouble.of(2)).orElseThrow(), 1.5, 0, 0);
        });

        m.put("hard_sigmoid_slope", () -> {
            // α = 0.2: max(0, min(1, 0.2a + 0.5)); 0 from a = −2.5, 1 from a = 2.5
            point("hard_sigmoid_slope", -3, 0, 0);
            point("hard_sigmoid_slope", -2.5, 0, 0);
            point("hard_sigmoid_slope", -1, 0.3, EXACT); // −0.2 + 0.5
            point("hard_sigmoid_slope", 0, 0.5, 0);
            point("hard_sigmoid_slope", 1, 0.7, EXACT);
            point("hard_sigmoid_slope", 2.5, 1, 0);
            point(Activations.find("hard_sigmoid_slope", OptionalDouble.of(0.5)).orElseThrow(), 0.5, 0.75, EXACT);
        });

        m.put("hard_tanh", () -> {
            point("hard_tanh", -2, -1, 0);
            point("hard_tanh", -0.5, -0.5, 0);
            point("hard_tanh", 0.3, 0.3, 0);
            point("hard_tanh", 2, 1, 0);
        });

        m.put("hard_shrink", () -> {
            // threshold 0.5: x if |x| > 0.5 (strictly), else 0
            point("hard_shrink", 0.5, 0, 0);
            point("hard_shrink", -0.5, 0, 0);
            point("hard_shrink", 0.3, 0, 0);
            point("hard_shrink", 0.51, 0.51, 0);
            point("hard_shrink", -0.7, -0.7, 0);
        });

        m.put("soft_shrink", () -> {
            // threshold 0.5: x − 0.5 if x > 0.5, x + 0.5 if x < −0.5, else 0
            point("soft_shrink", 0.5, 0, 0);
            point("soft_shrink", -0.5, 0, 0);
            point("soft_shrink", 0.75, 0.25, 0);
            point("soft_shrink", -0.75, -0.25, 0);
            point("soft_shrink", 2, 1.5, 0);
        });

        m.put("tanh_shrink", () -> {
            point("tanh_shrink", 0, 0, 0);
            point("tanh_shrink", 1, 0.23840584404423512, SMOOTH); // mpmath: 1 − tanh 1
            point("tanh_shrink", 0.25, 0.005081337596290871, SMOOTH); // mpmath
            // Near 0, a − tanh a cancels to about a³/3 (taken by series below |a| = 0.2); mpmath:
            point("tanh_shrink", 0.19999, 0.002624290223893994, SMOOTH);
            point("tanh_shrink", -0.15, -0.0011149663766820256, SMOOTH);
            point("tanh_shrink", 1e-4, 3.33333332e-13, SMOOTH);
            point("tanh_shrink", 1e-8, 3.333333333333333e-25, SMOOTH);
            sweep("tanh_shrink", a -> a - Math.expm1(2 * a) / (Math.expm1(2 * a) + 2));
        });

        m.put("softplus", () -> {
            point("softplus", 0, 0.6931471805599453, SMOOTH); // ln 2
            point("softplus", 1, 1.3132616875182228, SMOOTH); // mpmath: ln(1 + e)
            sweep("softplus", a -> Math.log(1 + Math.exp(a))); // safe for |a| ≤ 5
        });

        m.put("softsign", () -> {
            point("softsign", 0, 0, 0);
            point("softsign", 1, 0.5, 0); // 1/2
            point("softsign", -3, -0.75, 0); // −3/4
            point("softsign", 9, 0.9, EXACT); // 9/10
        });

        m.put("sparse_plus", () -> {
            // 0 if x ≤ −1, (x + 1)²/4 if −1 < x < 1, x if x ≥ 1
            point("sparse_plus", -2, 0, 0);
            point("sparse_plus", -1, 0, 0);
            point("sparse_plus", -0.5, 0.0625, 0); // 0.5²/4
            point("sparse_plus", 0, 0.25, 0); // 1/4
            point("sparse_plus", 0.5, 0.5625, 0); // 1.5²/4 = 2.25/4
            point("sparse_plus", 1, 1, 0);
            point("sparse_plus", 3, 3, 0);
        });

        m.put("sparse_sigmoid", () -> {
            // 0 if x ≤ −1, (x + 1)/2 if −1 < x < 1, 1 if x ≥ 1
            point("sparse_sigmoid", -2, 0, 0);
            point("sparse_sigmoid", -1, 0, 0);
            point("sparse_sigmoid", -0.5, 0.25, 0);
            point("sparse_sigmoid", 0, 0.5, 0);
            point("sparse_sigmoid", 0.5, 0.75, 0);
            point("sparse_sigmoid", 1, 1, 0);
            point("sparse_sigmoid", 2, 1, 0);
        });

        m.put("squareplus", () -> {
            // b = 4: (x + √(x² + 4))/2
            point("squareplus", 0, 1, EXACT); // √4/2
            point("squareplus", 1, 1.618033988749895, SMOOTH); // (1 + √5)/2, the golden ratio
            point("squareplus", -1, 0.6180339887498949, SMOOTH); // (√5 − 1)/2
            sweep("squareplus", a -> (a + Math.sqrt(a * a + 4)) / 2);
        });

        m.put("mish", () -> {
            point("mish", 0, 0, 0);
            point("mish", 1, 0.8650983882673103, SMOOTH); // mpmath
            point("mish", -1, -0.3034014613741089, SMOOTH); // mpmath
            // tanh(ln(1 + e^x)) = ((1+e^x)² − 1)/((1+e^x)² + 1) = n/(n + 2), n = e^x(e^x + 2)
            sweep("mish", a -> {
                double n = Math.exp(a) * (Math.exp(a) + 2);
                return a * n / (n + 2);
            });
        });

        m.put("exponential", () -> {
            point("exponential", 0, 1, 0);
            point("exponential", 1, 2.718281828459045, EXACT); // e
            point("exponential", -1, 0.36787944117144233, SMOOTH); // 1/e
            sweep("exponential", a -> Math.pow(Math.E, a));
        });

        m.put("log_sigmoid", () -> {
            point("log_sigmoid", 0, -0.6931471805599453, SMOOTH); // ln ½
            point("log_sigmoid", -1, -1.3132616875182228, SMOOTH); // −ln(1 + e)
            sweep("log_sigmoid", a -> -Math.log(1 + Math.exp(-a)));
        });

        m.put("step", () -> {
            // 1 if a > 0 else 0, so step(0) = 0
            point("step", -1, 0, 0);
            point("step", 0, 0, 0);
            point("step", 1e-300, 1, 0);
            point("step", 2, 1, 0);
        });

        m.put("softmax", () -> {
            // The seed article's row, printed to 8 decimals.
            rowEquals("softmax", new double[] {0.31682708, 0.69627909}, new double[] {0.40625907, 0.59374093}, 1e-8);
            // e^0 : e^ln3 = 1 : 3
            rowEquals("softmax", new double[] {0, Math.log(3)}, new double[] {0.25, 0.75}, 1e-15);
            rowEquals("softmax", new double[] {1, 1, 1, 1}, new double[] {0.25, 0.25, 0.25, 0.25}, 0);
            rowEquals("softmax", new double[] {7}, new double[] {1}, 0);
            // mpmath: e^k / (e + e² + e³)
            double[] expected = {0.09003057317038046, 0.24472847105479764, 0.6652409557748219};
            rowEquals("softmax", new double[] {1, 2, 3}, expected, 1e-15);
            // Shift invariance.
            rowEquals("softmax", new double[] {101, 102, 103}, expected, 1e-15);
        });

        m.put("log_softmax", () -> {
            // mpmath: k − ln(e + e² + e³)
            double[] expected = {-2.40760596444438, -1.4076059644443804, -0.4076059644443803};
            rowEquals("log_softmax", new double[] {1, 2, 3}, expected, 1e-14);
            rowEquals("log_softmax", new double[] {101, 102, 103}, expected, 1e-13);
            // ln ¼, ln ¾
            rowEquals("log_softmax", new double[] {0, Math.log(3)}, new double[] {-1.3862943611198906, -0.2876820724517809}, 1e-15);
            // log of the seed article's softmax
            rowEquals("log_softmax", new double[] {0.31682708, 0.69627909},
                    new double[] {Math.log(0.40625907238658987), Math.log(0.5937409276134101)}, 1e-14);
        });

        m.put("sparsemax", () -> {
            // Sorted z, k = max{k : 1 + k·z_(k) > Σ_{i≤k} z_(i)}, τ = (Σ_{i≤k} z_(i) − 1)/k, out = max(z − τ, 0).
            // [1, 0]: k=1 (1+1 > 1), k=2? 1+0 > 1 no. τ = 0 → [1, 0]
            rowEquals("sparsemax", new double[] {1, 0}, new double[] {1, 0}, 1e-15);
            // [0.5, 0.4]: k=2 (1 + 0.8 > 0.9), τ = (0.9 − 1)/2 = −0.05 → [0.55, 0.45]
            rowEquals("sparsemax", new double[] {0.5, 0.4}, new double[] {0.55, 0.45}, 1e-15);
            // [0, 0, 0]: k=3, τ = −1/3
            rowEquals("sparsemax", new double[] {0, 0, 0}, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, 1e-15);
            // Keras docstring: sparsemax([-1, 0, 1]) = [0, 0, 1]
            rowEquals("sparsemax", new double[] {-1, 0, 1}, new double[] {0, 0, 1}, 1e-15);
            // [2, 1.5, 0]: k=2 (1 + 3 > 3.5; k=3: 1 + 0 > 3.5 no), τ = 2.5/2 = 1.25 → [0.75, 0.25, 0]; any order
            rowEquals("sparsemax", new double[] {0, 2, 1.5}, new double[] {0, 0.75, 0.25}, 1e-15);
            // [0.3, 0.2, 0.1]: k=3 (1 + 0.3 > 0.6), τ = −0.4/3 → [13/30, 10/30, 7/30]
            rowEquals("sparsemax", new double[] {0.3, 0.2, 0.1}, new double[] {13.0 / 30, 10.0 / 30, 7.0 / 30}, 1e-15);
        });

        m.put("glu", () -> {
            // [a, b] → a·sigmoid(b): halves the width
            rowEquals("glu", new double[] {2, 0}, new double[] {1}, 0); // 2·½
            rowEquals("glu", new double[] {-3, 0}, new double[] {-1.5}, 0);
            // [1, 2 | 3, 4] → [1·σ(3), 2·σ(4)], σ by mpmath
            rowEquals("glu", new double[] {1, 2, 3, 4}, new double[] {0.9525741268224333, 2 * 0.9820137900379085}, 1e-15);
        });

        m.put("crelu", () -> {
            // [relu(x), relu(−x)]: doubles the width
            rowEquals("crelu", new double[] {1, -2, 0}, new double[] {1, 0, 0, 0, 2, 0}, 0);
            rowEquals("crelu", new double[] {0.5}, new double[] {0.5, 0}, 0);
        });

        return m;
    }

    // ------------------------------------------------------------------ extreme inputs

    private static Map<String, Executable> extremes() {
        Map<String, Executable> m = new LinkedHashMap<>();
        m.put("linear", () -> {
            for (double a : new double[] {-1e300, -1000, 1000, 1e300}) {
                limit("linear", a, a);
            }
        });
        m.put("sigmoid", () -> {
            tinyNonNegative("sigmoid", -1e300);
            tinyNonNegative("sigmoid", -1000); // e^−1000 ≈ 5e−435 underflows
            limit("sigmoid", 1000, 1);
            limit("sigmoid", 1e300, 1);
        });
        m.put("tanh", () -> saturates("tanh", -1, 1));
        m.put("relu", () -> positiveIdentityNegativeZero("relu"));
        m.put("relu6", () -> saturates("relu6", 0, 6));
        m.put("leaky_relu", () -> {
            limit("leaky_relu", -1e300, -2e299);
            limit("leaky_relu", -1000, -200);
            limit("leaky_relu", 1000, 1000);
            limit("leaky_relu", 1e300, 1e300);
        });
        m.put("elu", () -> negativeLimitPositiveIdentity("elu", -1, 1));
        m.put("selu", () -> {
            double lowerLimit = -PAPER_SELU_LAMBDA * PAPER_SELU_ALPHA; // −1.7580993408473768 (mpmath)
            limit("selu", -1e300, lowerLimit);
            limit("selu", -1000, lowerLimit);
            limit("selu", 1000, 1050.7009873554805); // mpmath: 1000λ
            limit("selu", 1e300, PAPER_SELU_LAMBDA * 1e300);
        });
        m.put("celu", () -> negativeLimitPositiveIdentity("celu", -1, 1));
        m.put("gelu", () -> positiveIdentityNegativeZero("gelu")); // −1000·Φ(−1000) underflows to (−)0
        m.put("silu", () -> positiveIdentityNegativeZero("silu"));
        m.put("hard_sigmoid", () -> saturates("hard_sigmoid", 0, 1));
        m.put("hard_silu", () -> positiveIdentityNegativeZero("hard_silu"));
        m.put("hard_tanh", () -> saturates("hard_tanh", -1, 1));
        m.put("thresholded_relu", () -> positiveIdentityNegativeZero("thresholded_relu"));
        m.put("hard_sigmoid_slope", () -> saturates("hard_sigmoid_slope", 0, 1));
        m.put("hard_shrink", () -> {
            for (double a : new double[] {-1e300, -1000, 1000, 1e300}) {
                limit("hard_shrink", a, a);
            }
        });
        m.put("soft_shrink", () -> {
            limit("soft_shrink", -1e300, -1e300);
            limit("soft_shrink", -1000, -999.5);
            limit("soft_shrink", 1000, 999.5);
            limit("soft_shrink", 1e300, 1e300);
        });
        m.put("tanh_shrink", () -> {
            limit("tanh_shrink", -1e300, -1e300);
            limit("tanh_shrink", -1000, -999); // −1000 − (−1)
            limit("tanh_shrink", 1000, 999);
            limit("tanh_shrink", 1e300, 1e300);
        });
        m.put("softplus", () -> {
            tinyNonNegative("softplus", -1e300);
            tinyNonNegative("softplus", -1000); // ln(1 + e^−1000) ≈ e^−1000
            limit("softplus", 1000, 1000);
            limit("softplus", 1e300, 1e300);
        });
        m.put("softsign", () -> {
            limit("softsign", -1e300, -1);
            limit("softsign", -1000, -0.999000999000999); // −1000/1001
            limit("softsign", 1000, 0.999000999000999);
            limit("softsign", 1e300, 1);
        });
        m.put("sparse_plus", () -> positiveIdentityNegativeZero("sparse_plus"));
        m.put("sparse_sigmoid", () -> saturates("sparse_sigmoid", 0, 1));
        m.put("squareplus", () -> {
            // For x → −∞, (x + √(x²+4))/2 = 2/(√(x²+4) − x) ≈ 1/|x|.
            limit("squareplus", -1e300, 1e-300);
            limit("squareplus", -1000, 0.000999999000002); // mpmath
            limit("squareplus", 1000, 1000.000999999); // mpmath
            limit("squareplus", 1e300, 1e300);
            assertTrue(h("squareplus", -1e300) > 0, "squareplus(-1e300) must stay positive");
        });
        m.put("mish", () -> positiveIdentityNegativeZero("mish"));
        m.put("exponential", () -> {
            tinyNonNegative("exponential", -1e300);
            tinyNonNegative("exponential", -1000);
            // e^1000 > Double.MAX_VALUE: +Infinity is the documented result (the forward pass reports
            // non-finite values as errors), not NaN.
            assertEquals(Double.POSITIVE_INFINITY, h("exponential", 1000), "exponential(1000)");
            assertEquals(Double.POSITIVE_INFINITY, h("exponential", 1e300), "exponential(1e300)");
        });
        m.put("log_sigmoid", () -> {
            limit("log_sigmoid", -1e300, -1e300);
            limit("log_sigmoid", -1000, -1000); // −ln(1 + e^1000) = −1000 − ln(1 + e^−1000)
            limit("log_sigmoid", 1000, 0); // −ln(1 + e^−1000) ≈ −e^−1000
            limit("log_sigmoid", 1e300, 0);
            assertTrue(h("log_sigmoid", 1000) <= 0, "log_sigmoid(1000) must not be positive");
        });
        m.put("step", () -> saturates("step", 0, 1));
        m.put("softmax", () -> {
            rowEquals("softmax", new double[] {1000, 0}, new double[] {1, 0}, 1e-300);
            rowEquals("softmax", new double[] {0, 1000}, new double[] {0, 1}, 1e-300);
            rowEquals("softmax", new double[] {-1000, -1000}, new double[] {0.5, 0.5}, 0);
            rowEquals("softmax", new double[] {1000, 1000}, new double[] {0.5, 0.5}, 0);
            rowEquals("softmax", new double[] {-1000, 0}, new double[] {0, 1}, 1e-300);
            rowEquals("softmax", new double[] {1e300, -1e300}, new double[] {1, 0}, 0);
            rowEquals("softmax", new double[] {-1e300, -1e300}, new double[] {0.5, 0.5}, 0);
            rowEquals("softmax", new double[] {1e300, 1e300, 0}, new double[] {0.5, 0.5, 0}, 0);
        });
        m.put("log_softmax", () -> {
            rowEquals("log_softmax", new double[] {1000, 0}, new double[] {0, -1000}, 1e-12);
            rowEquals("log_softmax", new double[] {-1000, -1000}, new double[] {-0.6931471805599453, -0.6931471805599453}, 1e-15);
            rowEquals("log_softmax", new double[] {1e300, -1e300}, new double[] {0, -2e300}, 1e288);
            rowEquals("log_softmax", new double[] {-1e300, -1e300}, new double[] {-0.6931471805599453, -0.6931471805599453}, 1e-15);
        });
        m.put("sparsemax", () -> {
            rowEquals("sparsemax", new double[] {1000, 0}, new double[] {1, 0}, 0);
            rowEquals("sparsemax", new double[] {-1000, -1000}, new double[] {0.5, 0.5}, 0);
            rowEquals("sparsemax", new double[] {1000, 1000}, new double[] {0.5, 0.5}, 0);
            rowEquals("sparsemax", new double[] {1e300, -1e300}, new double[] {1, 0}, 0);
            rowEquals("sparsemax", new double[] {-1e300, -1e300}, new double[] {0.5, 0.5}, 0);
            rowEquals("sparsemax", new double[] {1e300, 1e300, -1e300}, new double[] {0.5, 0.5, 0}, 0);
        });
        m.put("glu", () -> {
            rowEquals("glu", new double[] {1000, 1000}, new double[] {1000}, 1e-12);
            rowEquals("glu", new double[] {1000, -1000}, new double[] {0}, 1e-300); // 1000·e^−1000
            rowEquals("glu", new double[] {-1e300, 1e300}, new double[] {-1e300}, 0);
            rowEquals("glu", new double[] {1e300, -1e300}, new double[] {0}, 0);
        });
        m.put("crelu", () -> {
            rowEquals("crelu", new double[] {1000, -1000}, new double[] {1000, 0, 0, 1000}, 0);
            rowEquals("crelu", new double[] {1e300, -1e300}, new double[] {1e300, 0, 0, 1e300}, 0);
        });
        return m;
    }

    /** h(−big) = low and h(+big) = high exactly in the limit. */
    private static void saturates(String name, double low, double high) {
        limit(name, -1e300, low);
        limit(name, -1000, low);
        limit(name, 1000, high);
        limit(name, 1e300, high);
    }

    /** h(x) → 0 for x → −∞ and h(x) = x for large x. */
    private static void positiveIdentityNegativeZero(String name) {
        limit(name, -1e300, 0);
        limit(name, -1000, 0);
        limit(name, 1000, 1000);
        limit(name, 1e300, 1e300);
    }

    private static void negativeLimitPositiveIdentity(String name, double low, double slope) {
        limit(name, -1e300, low);
        limit(name, -1000, low);
        limit(name, 1000, slope * 1000);
        limit(name, 1e300, slope * 1e300);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void everyKnownActivationHasClosedFormAndExtremeCases() {
        Set<String> known = new TreeSet<>(Activations.known());
        assertEquals(Activations.known().size(), known.size(), "known() has duplicates");
        assertEquals(known, new TreeSet<>(CLOSED_FORMS.keySet()), "activations with closed-form cases");
        assertEquals(known, new TreeSet<>(EXTREMES.keySet()), "activations with extreme-input cases");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownNames")
    void matchesItsClosedForm(String name) throws Throwable {
        Executable cases = CLOSED_FORMS.get(name);
        assertNotNull(cases, () -> "no closed-form cases for " + name);
        cases.execute();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownNames")
    void givesFiniteCorrectLimitsForExtremeInputs(String name) throws Throwable {
        Executable cases = EXTREMES.get(name);
        assertNotNull(cases, () -> "no extreme-input cases for " + name);
        cases.execute();
    }

    @Test
    void softmaxOfTheSeedArticleRow() {
        rowEquals("softmax", new double[] {0.31682708, 0.69627909}, new double[] {0.40625907, 0.59374093}, 1e-8);
    }

    @Test
    void rowFunctionsRespectOffsetsAndLeaveTheRestAlone() {
        // Row 2 of a batch of width 2 at offset 2, written to offset 3 of the output.
        double[] pre = {9, 9, 0, Math.log(3), 9, 9};
        double[] out = {-7, -7, -7, -7, -7, -7};
        Activations.of("softmax").apply(pre, 2, 2, out, 3);
        assertEquals(-7, out[2], 0, "softmax wrote before its row");
        assertEquals(0.25, out[3], 1e-15, "softmax row[0]");
        assertEquals(0.75, out[4], 1e-15, "softmax row[1]");
        assertEquals(-7, out[5], 0, "softmax wrote after its row");

        double[] elementwise = {-7, -7, -7};
        Activations.of("relu").apply(new double[] {5, -2, 3}, 1, 2, elementwise, 1);
        assertEquals(-7, elementwise[0], 0, "relu wrote before its row");
        assertEquals(0, elementwise[1], 0, "relu(-2)");
        assertEquals(3, elementwise[2], 0, "relu(3)");
    }

    @Test
    void gluHalvesAndCreluDoublesTheWidth() {
        Activation glu = Activations.of("glu");
        assertEquals(2, glu.outputWidth(4), "glu width of 4 units");
        assertThrows(IllegalArgumentException.class, () -> glu.outputWidth(3), "glu of an odd width");
        assertEquals(List.of("a", "b"), glu.outputNames(List.of("a", "b", "c", "d")), "glu names");

        Activation crelu = Activations.of("crelu");
        assertEquals(6, crelu.outputWidth(3), "crelu width of 3 units");
        assertEquals(List.of("a", "b", "-a", "-b"), crelu.outputNames(List.of("a", "b")), "crelu names");

        Activation sigmoid = Activations.of("sigmoid");
        assertEquals(3, sigmoid.outputWidth(3), "elementwise width");
        assertEquals(List.of("a", "b"), sigmoid.outputNames(List.of("a", "b")), "elementwise names");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownNames")
    void takesAParameterExactlyWhenKerasDoes(String name) {
        Activation byDefault = Activations.of(name);
        assertEquals(name, byDefault.name(), "canonical name");
        KerasParameter keras = KERAS_PARAMETERS.get(name);
        if (keras != null) {
            assertEquals(OptionalDouble.of(keras.defaultValue()), byDefault.parameter(), () -> name + " default parameter");
            Activation given = Activations.find(name, OptionalDouble.of(0.75)).orElseThrow();
            assertEquals(OptionalDouble.of(0.75), given.parameter(), () -> name + " given parameter");
            assertEquals(name + "(" + keras.name() + "=0.75)", given.describe(), () -> name + " describe");
        } else {
            assertEquals(OptionalDouble.empty(), byDefault.parameter(), () -> name + " has no parameter");
            assertEquals(name, byDefault.describe(), () -> name + " describe");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Activations.find(name, OptionalDouble.of(0.3)), () -> name + " with alpha 0.3");
            assertTrue(e.getMessage().contains(name), () -> "message names the activation: " + e.getMessage());
        }
    }

    @Test
    void withParameterListsExactlyKerasParameterisedActivations() {
        Set<String> listed = new TreeSet<>();
        for (String s : Activations.withParameter()) {
            listed.add(s.substring(0, s.indexOf(' ')));
        }
        assertEquals(new TreeSet<>(KERAS_PARAMETERS.keySet()), listed);
    }

    @Test
    void parametersAreUsed() {
        Activation leaky = Activations.find("leaky_relu", OptionalDouble.of(0.1)).orElseThrow();
        point(leaky, -10, -1, EXACT); // 0.1·(−10)
        point(leaky, 4, 4, 0);

        Activation elu = Activations.find("elu", OptionalDouble.of(0.5)).orElseThrow();
        point(elu, -1, -0.31606027941427883, SMOOTH); // mpmath: 0.5(e^−1 − 1)
        point(elu, 2, 2, 0);

        // Keras docstring: relu([-10, -5, 0, 5, 10], negative_slope=0.5) = [-5, -2.5, 0, 5, 10]
        Activation relu = Activations.find("relu", OptionalDouble.of(0.5)).orElseThrow();
        double[] x = {-10, -5, 0, 5, 10};
        double[] y = {-5, -2.5, 0, 5, 10};
        for (int i = 0; i < x.length; i++) {
            point(relu, x[i], y[i], 0);
        }

        Activation celu = Activations.find("celu", OptionalDouble.of(2)).orElseThrow();
        point(celu, -2, -1.2642411176571153, SMOOTH); // mpmath: 2(e^(−2/2) − 1)
        point(celu, 3, 3, 0);

        Activation hardShrink = Activations.find("hard_shrink", OptionalDouble.of(1)).orElseThrow();
        point(hardShrink, 0.9, 0, 0);
        point(hardShrink, -1, 0, 0);
        point(hardShrink, 1.1, 1.1, 0);

        Activation softShrink = Activations.find("soft_shrink", OptionalDouble.of(1)).orElseThrow();
        point(softShrink, 0.5, 0, 0);
        point(softShrink, 2, 1, 0);
        point(softShrink, -2, -1, 0);

        // b = 0: (x + |x|)/2 = relu; b = 1: squareplus(0) = √1/2
        Activation squareplus0 = Activations.find("squareplus", OptionalDouble.of(0)).orElseThrow();
        point(squareplus0, -3, 0, 0);
        point(squareplus0, 3, 3, 0);
        Activation squareplus1 = Activations.find("squareplus", OptionalDouble.of(1)).orElseThrow();
        point(squareplus1, 0, 0.5, EXACT);
    }

    @Test
    void unknownNamesAreEmpty() {
        assertEquals(Optional.empty(), Activations.find("relu7", OptionalDouble.empty()), "relu7");
        assertEquals(Optional.empty(), Activations.find("not an activation", OptionalDouble.of(1)), "with a parameter");
        assertThrows(IllegalArgumentException.class, () -> Activations.of("relu7"), "of(relu7)");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"identity", "IDENTITY", "none", "Linear", "", "   "})
    void linearAliasesAndBlank(String name) {
        Activation linear = Activations.find(name, OptionalDouble.empty()).orElseThrow();
        assertEquals("linear", linear.name(), () -> "\"" + name + "\"");
        point(linear, -2.5, -2.5, 0);
    }

    @Test
    void nullNameMeansLinear() {
        assertEquals("linear", Activations.find(null, OptionalDouble.empty()).orElseThrow().name());
    }

    @Test
    void kerasAliasesAndCaseInsensitivity() {
        assertEquals("silu", Activations.of("swish").name(), "swish");
        assertEquals("silu", Activations.of("Swish").name(), "Swish");
        assertEquals("hard_silu", Activations.of("hard_swish").name(), "hard_swish");
        assertEquals("hard_silu", Activations.of("HARD_SWISH").name(), "HARD_SWISH");
        assertEquals("relu", Activations.of("ReLU").name(), "ReLU");
        assertEquals("leaky_relu", Activations.of("  Leaky_ReLU ").name(), "padded Leaky_ReLU");
        assertEquals("softmax", Activations.of("SoftMax").name(), "SoftMax");
        assertEquals(OptionalDouble.of(0.1),
                Activations.find("LEAKY_RELU", OptionalDouble.of(0.1)).orElseThrow().parameter(), "LEAKY_RELU(0.1)");
        // The aliases compute the same function.
        point(Activations.of("swish"), 1, 0.7310585786300049, SMOOTH); // 1·sigmoid(1)
        point(Activations.of("hard_swish"), 1, 2.0 / 3, EXACT); // 1·(1+3)/6
    }
}
