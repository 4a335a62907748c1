package org.sheetnet.train;

/**
 * Feature standardisation as scikit-learn's StandardScaler does it: x' = (x − μ)/σ with μ and σ
 * (population standard deviation, ddof = 0) from the training rows; a constant feature keeps σ = 1.
 * After training it is folded into the first layer, so the saved model takes raw features:
 * x'·W + b = x·W' + b' with W'_ij = W_ij/σ_i and b'_j = b_j − Σ_i μ_i·W_ij/σ_i.
 *
 * @param mean  μ_i per feature
 * @param scale σ_i per feature
 */
public record Standardization(double[] mean, double[] scale) {

    /** μ and σ of the features of a dataset's rows. */
    public static Standardization fit(Dataset data) {
        int f = data.features();
        double[] mean = new double[f];
        double[] scale = new double[f];
        for (int i = 0; i < f; i++) {
            double sum = 0;
            for (int r = 0; r < data.rows(); r++) {
                sum += data.x()[r * f + i];
            }
            mean[i] = sum / data.rows();
            double squares = 0;
            for (int r = 0; r < data.rows(); r++) {
                double d = data.x()[r * f + i] - mean[i];
                squares += d * d;
            }
            double sd = Math.sqrt(squares / data.rows());
            scale[i] = sd > 0 ? sd : 1;
        }
        return new Standardization(mean, scale);
    }

    /** The dataset with standardised features (targets shared). */
    public Dataset apply(Dataset data) {
        int f = data.features();
        double[] x = new double[data.x().length];
        for (int r = 0; r < data.rows(); r++) {
            for (int i = 0; i < f; i++) {
                x[r * f + i] = (data.x()[r * f + i] - mean[i]) / scale[i];
            }
        }
        return new Dataset(data.rows(), x, data.t(), data.featureNames(), data.targetNames());
    }

    /**
     * Folds the standardisation into a first layer, in place.
     *
     * @param w W, n_in × n_out, row-major; modified to W'
     * @param b b, n_out values; modified to b'
     */
    void fold(double[] w, double[] b) {
        int m = b.length;
        for (int i = 0; i < mean.length; i++) {
            for (int j = 0; j < m; j++) {
                w[i * m + j] /= scale[i];
            }
        }
        for (int j = 0; j < m; j++) {
            double shift = 0;
            for (int i = 0; i < mean.length; i++) {
                shift += mean[i] * w[i * m + j];
            }
            b[j] -= shift;
        }
    }
}
