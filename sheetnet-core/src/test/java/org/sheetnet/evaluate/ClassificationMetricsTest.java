package org.sheetnet.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Confusion matrix, accuracy, per-class metrics and log-loss by hand, and on random data by recounting. */
class ClassificationMetricsTest {

    private static final double EXACT = 1e-15;

    /**
     * Six rows over classes (a, b, c); predicted = the largest probability, ties to the first:
     * <pre>
     *  p                  true  predicted  ln p_true
     *  (0.7, 0.2, 0.1)    a     a          ln 0.7
     *  (0.1, 0.8, 0.1)    b     b          ln 0.8
     *  (0.6, 0.3, 0.1)    b     a          ln 0.3
     *  (0.2, 0.2, 0.6)    c     c          ln 0.6
     *  (1, 0, 0)          c     a          ln 1e-15  (p = 0 clipped to 1e-15: −ln = 34.5387763949107)
     *  (0.5, 0.5, 0)      b     a (tie)    ln 0.5
     * </pre>
     * Confusion (rows true, columns predicted): a (1, 0, 0); b (2, 1, 0); c (1, 0, 1).
     * Accuracy 3/6 = 0.5. Precision: a 1/4, b 1/1, c 1/1. Recall: a 1/1, b 1/3, c 1/2.
     * F1: a 2·0.25·1/1.25 = 0.4; b 2·(1/3)/(4/3) = 0.5; c 2·0.5/1.5 = 2/3.
     * Log-loss = (0.356675 + 0.223144 + 1.203973 + 0.510826 + 34.538776 + 0.693147)/6 = 37.5265404988155/6
     * = 6.25442341646925.
     */
    @Test
    void handCase() {
        ClassificationMetrics m = new ClassificationMetrics(List.of("a", "b", "c"));
        m.add(new double[] {0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.6, 0.3, 0.1}, new int[] {0, 1, 1}, 3);
        m.add(new double[] {0.2, 0.2, 0.6, 1, 0, 0, 0.5, 0.5, 0}, new int[] {2, 2, 1}, 3);
        long[][] expected = {{1, 0, 0}, {2, 1, 0}, {1, 0, 1}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(expected[i][j], m.confusion(i, j), "C[" + i + "][" + j + "]");
            }
        }
        assertEquals(6, m.count(), "count");
        assertEquals(0.5, m.accuracy(), EXACT, "accuracy");
        double[] precision = {0.25, 1, 1};
        double[] recall = {1, 1.0 / 3, 0.5};
        double[] f1 = {0.4, 0.5, 2.0 / 3};
        for (int j = 0; j < 3; j++) {
            assertEquals(precision[j], m.precision(j), EXACT, "precision " + j);
            assertEquals(recall[j], m.recall(j), EXACT, "recall " + j);
            assertEquals(f1[j], m.f1(j), 1e-15, "F1 " + j);
        }
        assertEquals(37.5265404988155 / 6, m.logLoss(), 1e-13, "log-loss");
        assertEquals(3, m.trueCount(1), "support of b: rows truly b");
        assertEquals(4, m.predictedCount(0), "rows predicted a");
    }

    /** A class never predicted has no precision (0/0); a class never true no recall; no hit at all gives F1 0. */
    @Test
    void undefinedRatios() {
        ClassificationMetrics m = new ClassificationMetrics(List.of("a", "b", "c"));
        // Two rows, both truly b, both predicted a: c never occurs nor is predicted.
        m.add(new double[] {0.9, 0.1, 0, 0.6, 0.4, 0}, new int[] {1, 1}, 2);
        assertEquals(0, m.precision(0), 0, "precision a = 0/2");
        assertTrue(Double.isNaN(m.precision(1)), "precision b: never predicted");
        assertEquals(0, m.recall(1), 0, "recall b = 0/2");
        assertTrue(Double.isNaN(m.recall(0)), "recall a: never true");
        assertTrue(Double.isNaN(m.f1(2)), "F1 c: neither");
        assertEquals(0, m.accuracy(), 0, "accuracy");
        // Log-loss: −(ln 0.1 + ln 0.4)/2.
        assertEquals(-(Math.log(0.1) + Math.log(0.4)) / 2, m.logLoss(), 1e-15, "log-loss");
    }

    /** 5,000 random rows over 4 classes in batches of 333, against a recount of the kept rows. */
    @Test
    void randomCaseMatchesRecount() {
        Random random = new Random(11);
        int n = 5000;
        int k = 4;
        double[] p = new double[n * k];
        int[] truth = new int[n];
        for (int r = 0; r < n; r++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                p[r * k + j] = random.nextDouble();
                sum += p[r * k + j];
            }
            for (int j = 0; j < k; j++) {
                p[r * k + j] /= sum;
            }
            truth[r] = random.nextInt(k);
        }
        ClassificationMetrics m = new ClassificationMetrics(List.of("w", "x", "y", "z"));
        for (int from = 0; from < n; from += 333) {
            int rows = Math.min(333, n - from);
            m.add(java.util.Arrays.copyOfRange(p, from * k, (from + rows) * k),
                    java.util.Arrays.copyOfRange(truth, from, from + rows), rows);
        }
        long[][] c = new long[k][k];
        double loss = 0;
        for (int r = 0; r < n; r++) {
            int best = 0;
            for (int j = 1; j < k; j++) {
                best = p[r * k + j] > p[r * k + best] ? j : best;
            }
            c[truth[r]][best]++;
            loss -= Math.log(p[r * k + truth[r]]);
        }
        long hits = 0;
        for (int i = 0; i < k; i++) {
            hits += c[i][i];
            long row = 0;
            long col = 0;
            for (int j = 0; j < k; j++) {
                assertEquals(c[i][j], m.confusion(i, j), "C[" + i + "][" + j + "]");
                row += c[i][j];
                col += c[j][i];
            }
            assertEquals((double) c[i][i] / col, m.precision(i), 1e-15, "precision " + i);
            assertEquals((double) c[i][i] / row, m.recall(i), 1e-15, "recall " + i);
        }
        assertEquals((double) hits / n, m.accuracy(), 1e-15, "accuracy");
        assertEquals(loss / n, m.logLoss(), 1e-12, "log-loss");
    }
}
