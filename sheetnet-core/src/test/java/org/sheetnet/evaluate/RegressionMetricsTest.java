package org.sheetnet.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.junit.jupiter.api.Test;

/** Regression metrics on cases worked out by hand, and on random data against two-pass formulas. */
class RegressionMetricsTest {

    private static final double EXACT = 1e-15;

    /**
     * Output y: predictions (2, 4, 6), targets (1, 5, 6), so residuals e = y − t = (1, −1, 0):
     * MAE = (1 + 1 + 0)/3 = 2/3; RMSE = √((1 + 1 + 0)/3) = √(2/3); t̄ = 4, Σ(t − t̄)² = 9 + 1 + 4 = 14,
     * R² = 1 − 2/14 = 6/7; max |e| = 1; ē = 0; sd = √((1 + 1 + 0)/(3 − 1)) = 1.
     * Output z: predictions (0, 0, 0), targets (1, 1, 1): e = (−1, −1, −1): MAE = RMSE = max = 1,
     * ē = −1, sd = 0, and R² undefined (every target equal: Σ(t − t̄)² = 0).
     */
    @Test
    void handCase() {
        RegressionMetrics m = new RegressionMetrics(List.of("y", "z"));
        // Two batches, row-major (y, z) per row: (2, 0), (4, 0) then (6, 0).
        m.add(new double[] {2, 0, 4, 0}, new double[] {1, 1, 5, 1}, 2);
        m.add(new double[] {6, 0}, new double[] {6, 1}, 1);
        RegressionMetrics.Output y = m.outputs().get(0);
        assertEquals(3, y.count(), "y count");
        assertEquals(2.0 / 3, y.mae(), EXACT, "y MAE");
        assertEquals(Math.sqrt(2.0 / 3), y.rmse(), EXACT, "y RMSE");
        assertEquals(6.0 / 7, y.r2(), EXACT, "y R²");
        assertEquals(1, y.maxAbsError(), 0, "y max |e|");
        assertEquals(0, y.meanResidual(), EXACT, "y mean residual");
        assertEquals(1, y.sdResidual(), EXACT, "y sd of residuals");
        RegressionMetrics.Output z = m.outputs().get(1);
        assertEquals(1, z.mae(), EXACT, "z MAE");
        assertEquals(1, z.rmse(), EXACT, "z RMSE");
        assertTrue(Double.isNaN(z.r2()), "z R² undefined, all targets equal");
        assertEquals(-1, z.meanResidual(), EXACT, "z mean residual");
        assertEquals(0, z.sdResidual(), EXACT, "z sd of residuals");
        // The y = x line spans every target and prediction: 0 … 6.
        assertEquals(0, m.span()[0], 0, "line from");
        assertEquals(6, m.span()[1], 0, "line to");
    }

    /**
     * 10,007 rows of t ~ N(3, 2²) and y = 0.9·t + 0.5 + N(0, 0.3²), fed in uneven batches, against the
     * straightforward two-pass formulas written here; R² also with the total sum of squares Σ(t − t̄)² of
     * Commons Math's SimpleRegression.
     */
    @Test
    void randomCaseMatchesTwoPassFormulas() {
        Random random = new Random(7);
        int n = 10_007;
        double[] t = new double[n];
        double[] y = new double[n];
        for (int r = 0; r < n; r++) {
            t[r] = 3 + 2 * random.nextGaussian();
            y[r] = 0.9 * t[r] + 0.5 + 0.3 * random.nextGaussian();
        }
        RegressionMetrics m = new RegressionMetrics(List.of("y"));
        for (int from = 0, size = 1; from < n; from += size, size = size * 3 % 1000 + 1) {
            int rows = Math.min(size, n - from);
            m.add(java.util.Arrays.copyOfRange(y, from, from + rows), java.util.Arrays.copyOfRange(t, from, from + rows),
                    rows);
        }
        // Two passes: means first, then sums of deviations.
        double tMean = 0;
        double eMean = 0;
        for (int r = 0; r < n; r++) {
            tMean += t[r] / n;
            eMean += (y[r] - t[r]) / n;
        }
        double abs = 0;
        double sse = 0;
        double sst = 0;
        double spread = 0;
        double max = 0;
        for (int r = 0; r < n; r++) {
            double e = y[r] - t[r];
            abs += Math.abs(e);
            sse += e * e;
            sst += (t[r] - tMean) * (t[r] - tMean);
            spread += (e - eMean) * (e - eMean);
            max = Math.max(max, Math.abs(e));
        }
        RegressionMetrics.Output o = m.outputs().get(0);
        assertEquals(n, o.count(), "count");
        assertEquals(abs / n, o.mae(), 1e-12, "MAE");
        assertEquals(Math.sqrt(sse / n), o.rmse(), 1e-12, "RMSE");
        assertEquals(1 - sse / sst, o.r2(), 1e-12, "R²");
        assertEquals(max, o.maxAbsError(), 0, "max |e|");
        assertEquals(eMean, o.meanResidual(), 1e-12, "mean residual");
        assertEquals(Math.sqrt(spread / (n - 1)), o.sdResidual(), 1e-12, "sd of residuals");
        // Commons Math's SimpleRegression with t as its response gives Σ(t − t̄)² independently.
        SimpleRegression reference = new SimpleRegression();
        for (int r = 0; r < n; r++) {
            reference.addData(y[r], t[r]);
        }
        assertEquals(1 - sse / reference.getTotalSumSquares(), o.r2(), 1e-12, "R² with SimpleRegression's SST");
    }
}
