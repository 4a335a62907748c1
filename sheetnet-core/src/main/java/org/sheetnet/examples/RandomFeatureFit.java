package org.sheetnet.examples;

import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * An honest fit for the example networks without a trainer: the hidden layers get seeded random
 * weights, and the output layer is the least-squares solution on the hidden activations (with the
 * pseudo-inverse, so rank-deficient hidden layers are fine).
 */
final class RandomFeatureFit {

    private RandomFeatureFit() {
    }

    /** Random n×m weights, normal with the given standard deviation. */
    static double[][] normal(Random random, int n, int m, double sd) {
        double[][] w = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                w[i][j] = round(sd * random.nextGaussian());
            }
        }
        return w;
    }

    /** Random values, uniform in [lo, hi). */
    static double[] uniform(Random random, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            v[j] = round(lo + (hi - lo) * random.nextDouble());
        }
        return v;
    }

    // Parameters typed in by hand have few digits; rounding keeps the example sheets readable.
    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    /**
     * Least-squares output weights: minimises Σ_r (h_r·w + b − t_r)².
     *
     * @param hidden the last hidden layer's activations, one row per case
     * @param target the target per case
     * @return w (length = hidden width) followed by b
     */
    static double[] leastSquares(double[][] hidden, double[] target) {
        int n = hidden.length;
        int m = hidden[0].length;
        double[][] design = new double[n][m + 1];
        for (int r = 0; r < n; r++) {
            System.arraycopy(hidden[r], 0, design[r], 0, m);
            design[r][m] = 1;
        }
        RealVector solution = new SingularValueDecomposition(new Array2DRowRealMatrix(design, false))
                .getSolver().solve(new ArrayRealVector(target, false));
        return solution.toArray();
    }
}
