package org.sheetnet.train;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sheetnet.activation.Activation;

/**
 * The losses sheetnet trains with: the article's SSE, Keras's mean squared and mean absolute
 * errors, and categorical cross-entropy after a softmax output.
 */
public final class Losses {

    /** ½·Σ_j (y_j − t_j)², summed over the batch, as in the background article; δ = y − t. */
    public static final Loss SSE = new Sse();
    /** (1/n)·Σ_j (y_j − t_j)², averaged over the batch (Keras {@code mean_squared_error}). */
    public static final Loss MSE = new Mse();
    /** (1/n)·Σ_j |y_j − t_j|, averaged over the batch (Keras {@code mean_absolute_error}). */
    public static final Loss MAE = new Mae();
    /** −Σ_j t_j·log y_j after a softmax, averaged over the batch (Keras {@code categorical_crossentropy}). */
    public static final Loss CROSS_ENTROPY = new CrossEntropy();

    private static final Map<String, Loss> BY_NAME = Map.of(
            "sse", SSE, "mse", MSE, "mean_squared_error", MSE, "mae", MAE, "mean_absolute_error", MAE,
            "cross-entropy", CROSS_ENTROPY, "cross_entropy", CROSS_ENTROPY, "crossentropy", CROSS_ENTROPY,
            "categorical_crossentropy", CROSS_ENTROPY);

    private Losses() {
    }

    /** The loss of that name or Keras alias, any case. */
    public static Optional<Loss> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }

    /** The canonical names. */
    public static List<String> known() {
        return List.of(SSE.name(), MSE.name(), MAE.name(), CROSS_ENTROPY.name());
    }

    /** Σ_j (y_j − t_j)² over one row, j ascending. */
    static double squaredError(double[] y, double[] t, int off, int width) {
        double sum = 0;
        for (int j = 0; j < width; j++) {
            double d = y[off + j] - t[off + j];
            sum += d * d;
        }
        return sum;
    }

    private static final class Sse implements Loss {
        @Override
        public String name() {
            return "sse";
        }

        @Override
        public String formula() {
            return "½·Σ_j (y_j − t_j)², summed over the batch";
        }

        @Override
        public boolean averagesRows() {
            return false;
        }

        @Override
        public double rowLoss(double[] y, double[] t, int off, int width) {
            return 0.5 * squaredError(y, t, off, width);
        }

        // ∂/∂y_j ½Σ(y − t)² = y_j − t_j
        @Override
        public void rowGradient(double[] y, double[] t, int off, int width, double scale, double[] grad) {
            for (int j = 0; j < width; j++) {
                grad[off + j] = scale * (y[off + j] - t[off + j]);
            }
        }
    }

    private static final class Mse implements Loss {
        @Override
        public String name() {
            return "mse";
        }

        @Override
        public String formula() {
            return "(1/n)·Σ_j (y_j − t_j)², averaged over the batch";
        }

        @Override
        public boolean averagesRows() {
            return true;
        }

        @Override
        public double rowLoss(double[] y, double[] t, int off, int width) {
            return squaredError(y, t, off, width) / width;
        }

        // ∂/∂y_j (1/n)Σ(y − t)² = 2(y_j − t_j)/n
        @Override
        public void rowGradient(double[] y, double[] t, int off, int width, double scale, double[] grad) {
            for (int j = 0; j < width; j++) {
                grad[off + j] = scale * 2 * (y[off + j] - t[off + j]) / width;
            }
        }
    }

    private static final class Mae implements Loss {
        @Override
        public String name() {
            return "mae";
        }

        @Override
        public String formula() {
            return "(1/n)·Σ_j |y_j − t_j|, averaged over the batch";
        }

        @Override
        public boolean averagesRows() {
            return true;
        }

        @Override
        public double rowLoss(double[] y, double[] t, int off, int width) {
            double sum = 0;
            for (int j = 0; j < width; j++) {
                sum += Math.abs(y[off + j] - t[off + j]);
            }
            return sum / width;
        }

        // ∂/∂y_j (1/n)Σ|y − t| = sign(y_j − t_j)/n, with sign(0) = 0 as in TensorFlow
        @Override
        public void rowGradient(double[] y, double[] t, int off, int width, double scale, double[] grad) {
            for (int j = 0; j < width; j++) {
                grad[off + j] = scale * Math.signum(y[off + j] - t[off + j]) / width;
            }
        }
    }

    private static final class CrossEntropy implements Loss {
        @Override
        public String name() {
            return "cross-entropy";
        }

        @Override
        public String formula() {
            return "−Σ_j t_j·log y_j with y = softmax(a), averaged over the batch";
        }

        @Override
        public boolean averagesRows() {
            return true;
        }

        @Override
        public boolean classification() {
            return true;
        }

        // A probability that underflowed to 0 is taken as the smallest normal double, so that the
        // loss stays finite (−log gives at most ~708).
        @Override
        public double rowLoss(double[] y, double[] t, int off, int width) {
            double sum = 0;
            for (int j = 0; j < width; j++) {
                if (t[off + j] != 0) {
                    sum -= t[off + j] * Math.log(Math.max(y[off + j], Double.MIN_NORMAL));
                }
            }
            return sum;
        }

        // ∂/∂y_j (−Σ t·log y) = −t_j / y_j
        @Override
        public void rowGradient(double[] y, double[] t, int off, int width, double scale, double[] grad) {
            for (int j = 0; j < width; j++) {
                grad[off + j] = t[off + j] == 0 ? 0 : -scale * t[off + j] / Math.max(y[off + j], Double.MIN_NORMAL);
            }
        }

        // After a softmax, the Jacobian product simplifies: δ_j = p_j·Σ_k t_k − t_j (= p − t for
        // one-hot t), which stays exact where p_j is tiny and −t/p would blow up.
        @Override
        public void outputDelta(Activation h, double[] pre, int preOff, int units, double[] y, double[] t, int off,
                int width, double scale, double[] gradY, double[] delta) {
            if (!"softmax".equals(h.name())) {
                Loss.super.outputDelta(h, pre, preOff, units, y, t, off, width, scale, gradY, delta);
                return;
            }
            double sumT = 0;
            for (int j = 0; j < width; j++) {
                sumT += t[off + j];
            }
            for (int j = 0; j < width; j++) {
                delta[preOff + j] = scale * (y[off + j] * sumT - t[off + j]);
            }
        }
    }
}
