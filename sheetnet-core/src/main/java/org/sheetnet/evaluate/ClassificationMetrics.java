package org.sheetnet.evaluate;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.Mean;

/**
 * Metrics of a classifier with a softmax output, accumulated row by row: the confusion matrix
 * (k × k counts) and the running mean of the log-loss; no row is kept.
 *
 * <p>With C[i][j] the number of rows of true class i predicted as class j (the unit with the largest
 * probability; ties go to the first), over n rows: accuracy = Σ_i C[i][i] / n;
 * precision_j = C[j][j] / Σ_i C[i][j]; recall_i = C[i][i] / Σ_j C[i][j];
 * F1 = 2·precision·recall / (precision + recall); log-loss = −(1/n) Σ_rows ln p_true, with p_true, the
 * probability given to the true class, clipped to [1e-15, 1 − 1e-15] (as scikit-learn does) so that a
 * confident mistake costs ln(1e15) ≈ 34.5 instead of infinity. A ratio of 0/0 (a class never predicted,
 * or never true) is NaN; F1 is 0 when precision and recall are both 0.
 */
public final class ClassificationMetrics {

    /** Where probabilities are clipped before the logarithm. */
    public static final double CLIP = 1e-15;

    private final List<String> classes;
    private final long[][] confusion;
    private final Mean logLoss = new Mean();
    private long correct;

    /**
     * @param classes the class names: the output units' names, in order
     */
    public ClassificationMetrics(List<String> classes) {
        this.classes = List.copyOf(classes);
        this.confusion = new long[classes.size()][classes.size()];
    }

    /**
     * Adds a batch.
     *
     * @param p     the softmax outputs, row-major, {@code rows × classes}; not modified
     * @param truth each row's true class index; not modified
     * @param rows  number of rows
     */
    public void add(double[] p, int[] truth, int rows) {
        int k = classes.size();
        for (int r = 0; r < rows; r++) {
            int predicted = ArgMax.of(p, r * k, k);
            int t = truth[r];
            confusion[t][predicted]++;
            correct += predicted == t ? 1 : 0;
            double pt = Math.min(Math.max(p[r * k + t], CLIP), 1 - CLIP);
            logLoss.increment(-Math.log(pt));
        }
    }

    /** The class names, in output order. */
    public List<String> classes() {
        return classes;
    }

    /** Rows counted, n. */
    public long count() {
        return logLoss.getN();
    }

    /** C[i][j]: rows of true class i predicted as class j. */
    public long confusion(int i, int j) {
        return confusion[i][j];
    }

    /** Σ_i C[i][i] / n. */
    public double accuracy() {
        return (double) correct / count();
    }

    /** −(1/n) Σ ln clip(p_true). */
    public double logLoss() {
        return logLoss.getResult();
    }

    /** Rows whose true class is i: Σ_j C[i][j] (the support). */
    public long trueCount(int i) {
        long sum = 0;
        for (long c : confusion[i]) {
            sum += c;
        }
        return sum;
    }

    /** Rows predicted as class j: Σ_i C[i][j]. */
    public long predictedCount(int j) {
        long sum = 0;
        for (long[] row : confusion) {
            sum += row[j];
        }
        return sum;
    }

    /** C[j][j] / Σ_i C[i][j]; NaN when class j was never predicted. */
    public double precision(int j) {
        return ratio(confusion[j][j], predictedCount(j));
    }

    /** C[i][i] / Σ_j C[i][j]; NaN when class i never occurs. */
    public double recall(int i) {
        return ratio(confusion[i][i], trueCount(i));
    }

    /** 2PR / (P + R); 0 when P = R = 0 (no hit at all), NaN when P or R is. */
    public double f1(int j) {
        double p = precision(j);
        double r = recall(j);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
