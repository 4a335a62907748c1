package org.sheetnet.train;

import java.util.ArrayList;
import java.util.List;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;

/** Data sets and configs shared by the training tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** The sine article's data: x = np.linspace(−π, π, 50), t = sin x. */
    static Dataset sine() {
        int n = 50;
        double[] x = new double[n];
        double[] t = new double[n];
        for (int r = 0; r < n; r++) {
            x[r] = -Math.PI + 2 * Math.PI * r / (n - 1);
            t[r] = Math.sin(x[r]);
        }
        return new Dataset(n, x, t, List.of("x"), List.of("sin"));
    }

    /** The four rows of XOR. */
    static Dataset xor() {
        return new Dataset(4, new double[] {0, 0, 1, 0, 0, 1, 1, 1}, new double[] {0, 1, 1, 0},
                List.of("x1", "x2"), List.of("xor"));
    }

    /** A config with the defaults of the command line for everything not given. */
    static TrainingConfig config(List<Integer> units, List<String> activations, Loss loss, OptimizerSettings opt,
            int batch, int epochs, double split, long seed) {
        List<Activation> h = new ArrayList<>();
        activations.forEach(a -> h.add(Activations.of(a)));
        return new TrainingConfig(units, h, loss, opt, Initializer.GLOROT_UNIFORM, batch, epochs, split, seed, 0,
                true, false);
    }
}
