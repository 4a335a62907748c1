package org.sheetnet.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;

/**
 * Backpropagated gradients against central finite differences, ∂L/∂θ ≈ (L(θ + h) − L(θ − h)) / 2h,
 * for every parameter of small networks: every differentiable activation of the catalogue as a
 * hidden layer, and every loss at the output. Relative error |g − n| / max(|g|, |n|, 1e-4) ≤ 1e-6
 * (the floor keeps components that are zero, e.g. a relu unit that is off, from dividing by zero).
 */
class GradientCheckTest {

    private static final double H = 1e-6;
    private static final double TOLERANCE = 1e-6;
    private static final int ROWS = 8;

    static Stream<Arguments> activations() {
        List<Arguments> all = new ArrayList<>();
        for (String name : Activations.known()) {
            if (!name.equals("step")) {
                all.add(Arguments.of(name, OptionalDouble.empty()));
            }
        }
        // Non-default parameters too.
        all.add(Arguments.of("leaky_relu", OptionalDouble.of(0.1)));
        all.add(Arguments.of("relu", OptionalDouble.of(0.05)));
        all.add(Arguments.of("elu", OptionalDouble.of(0.5)));
        all.add(Arguments.of("celu", OptionalDouble.of(2.0)));
        all.add(Arguments.of("squareplus", OptionalDouble.of(1.0)));
        all.add(Arguments.of("soft_shrink", OptionalDouble.of(0.3)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("activations")
    void hiddenActivation(String name, OptionalDouble parameter) {
        Activation h = Activations.find(name, parameter).orElseThrow();
        assertTrue(h.differentiable(), name);
        check(List.of(h, Activations.of("linear")), List.of(4, 2), Losses.MSE, name);
    }

    static Stream<Arguments> losses() {
        return Stream.of(Arguments.of(Losses.SSE, "linear"), Arguments.of(Losses.SSE, "sigmoid"),
                Arguments.of(Losses.MSE, "linear"), Arguments.of(Losses.MSE, "tanh"),
                Arguments.of(Losses.MAE, "linear"), Arguments.of(Losses.MAE, "softplus"),
                Arguments.of(Losses.CROSS_ENTROPY, "softmax"),
                // The general path, −t/y through h's Jacobian, where no softmax shortcut applies.
                Arguments.of(Losses.CROSS_ENTROPY, "sigmoid"), Arguments.of(Losses.MSE, "sparsemax"));
    }

    @ParameterizedTest(name = "{0} after {1}")
    @MethodSource("losses")
    void outputLoss(Loss loss, String output) {
        check(List.of(Activations.of("tanh"), Activations.of(output)), List.of(5, 3), loss, loss.name() + "/" + output);
    }

    @Test
    void deepNetworkWithSoftmaxCrossEntropy() {
        check(List.of(Activations.of("elu"), Activations.of("gelu"), Activations.of("softmax")), List.of(6, 5, 3),
                Losses.CROSS_ENTROPY, "3 layers");
    }

    @Test
    void stepHasNoGradient() {
        assertFalse(Activations.of("step").differentiable());
    }

    private static void check(List<Activation> activations, List<Integer> units, Loss loss, String label) {
        Random random = new Random(label.hashCode());
        int inputs = 3;
        int outputs = activations.get(activations.size() - 1).outputWidth(units.get(units.size() - 1));
        double[] x = uniform(random, ROWS * inputs, 3);
        double[] t = targets(random, loss, outputs);
        TrainingConfig config = new TrainingConfig(units, activations, loss, OptimizerSettings.of("sgd", 0.1),
                Initializer.GLOROT_UNIFORM, ROWS, 1, 0, 1, 0, false, false);
        Parameters p = Parameters.initial(config, inputs, random);
        // Spread weights and biases wider than Glorot, so pre-activations visit every branch.
        for (double[] theta : p.all()) {
            for (int i = 0; i < theta.length; i++) {
                theta[i] = 2 * random.nextDouble() - 1;
            }
        }
        Backprop backprop = new Backprop(p, ROWS);
        double[][] grads = p.zeros();
        backprop.gradients(x, t, ROWS, loss, grads);
        double scale = loss.averagesRows() ? 1.0 / ROWS : 1.0;
        double[][] all = p.all();
        for (int a = 0; a < all.length; a++) {
            for (int i = 0; i < all[a].length; i++) {
                double saved = all[a][i];
                all[a][i] = saved + H;
                double up = scale * backprop.loss(x, t, ROWS, loss);
                all[a][i] = saved - H;
                double down = scale * backprop.loss(x, t, ROWS, loss);
                all[a][i] = saved;
                double numeric = (up - down) / (2 * H);
                double analytic = grads[a][i];
                double error = Math.abs(analytic - numeric) / Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), 1e-4);
                String what = label + ": " + (a % 2 == 0 ? "W" : "b") + (a / 2 + 1) + "[" + i + "]";
                assertTrue(error <= TOLERANCE, what + ": backprop " + analytic + ", finite difference " + numeric
                        + ", relative error " + error);
            }
        }
    }

    private static double[] uniform(Random random, int n, double limit) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = limit * (2 * random.nextDouble() - 1);
        }
        return v;
    }

    // One-hot rows for classification losses, numbers in (−1, 1) otherwise.
    private static double[] targets(Random random, Loss loss, int width) {
        if (!loss.classification()) {
            return uniform(random, ROWS * width, 1);
        }
        double[] t = new double[ROWS * width];
        for (int r = 0; r < ROWS; r++) {
            t[r * width + random.nextInt(width)] = 1;
        }
        return t;
    }
}
