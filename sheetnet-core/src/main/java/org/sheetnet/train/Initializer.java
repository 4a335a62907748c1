package org.sheetnet.train;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/** How initial weights are drawn; biases always start at zero, as in Keras and the article. */
public enum Initializer {

    /** Glorot (Xavier) uniform, Keras's default: W_ij ~ U(−l, l), l = √(6 / (n_in + n_out)). */
    GLOROT_UNIFORM("glorot") {
        @Override
        void fill(Random random, int fanIn, int fanOut, double[] w) {
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            for (int i = 0; i < w.length; i++) {
                w[i] = limit * (2 * random.nextDouble() - 1);
            }
        }
    },

    /** The article's {@code 0.01 * np.random.randn(n_in, n_out)}: W_ij ~ N(0, 0.01²). */
    SCALED_NORMAL("normal") {
        @Override
        void fill(Random random, int fanIn, int fanOut, double[] w) {
            for (int i = 0; i < w.length; i++) {
                w[i] = 0.01 * random.nextGaussian();
            }
        }
    };

    private final String cliName;

    Initializer(String cliName) {
        this.cliName = cliName;
    }

    /** The name on the command line: {@code glorot} or {@code normal}. */
    public String cliName() {
        return cliName;
    }

    /** The initializer of that command-line name, any case. */
    public static Optional<Initializer> find(String name) {
        for (Initializer i : values()) {
            if (i.cliName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /**
     * Fills a weight matrix, row-major, drawing in index order from {@code random}.
     *
     * @param w n_in × n_out values; overwritten
     */
    abstract void fill(Random random, int fanIn, int fanOut, double[] w);
}
