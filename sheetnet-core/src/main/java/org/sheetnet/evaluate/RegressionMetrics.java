package org.sheetnet.evaluate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.SecondMoment;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Max;
import org.apache.commons.math3.stat.descriptive.rank.Min;
import org.apache.commons.math3.stat.descriptive.summary.SumOfSquares;

/**
 * Error metrics of a regression, per output, accumulated row by row with Commons Math's storeless
 * statistics: nothing is kept but a few running sums per output, whatever the number of rows.
 *
 * <p>With residual e_i = y_i − t_i (prediction minus target) over n rows:
 * MAE = Σ|e_i| / n; RMSE = √(Σ e_i² / n); R² = 1 − Σ e_i² / Σ (t_i − t̄)²;
 * max |e_i|; mean ē = Σ e_i / n; standard deviation of the residuals √(Σ (e_i − ē)² / (n − 1)).
 */
public final class RegressionMetrics {

    /**
     * The metrics of one output.
     *
     * @param name         the output unit's name
     * @param count        n, rows compared
     * @param mae          mean absolute error
     * @param rmse         root mean squared error
     * @param r2           coefficient of determination; NaN when every target is equal (Σ (t − t̄)² = 0)
     * @param maxAbsError  largest |e|
     * @param meanResidual mean of e
     * @param sdResidual   sample standard deviation of e (n − 1 in the denominator); 0 for one row, as Commons Math gives
     */
    public record Output(String name, long count, double mae, double rmse, double r2, double maxAbsError,
            double meanResidual, double sdResidual) {
    }

    /** Running statistics of one output. */
    private static final class Sums {
        final Mean absError = new Mean();
        final SumOfSquares squaredError = new SumOfSquares();
        final Max maxAbs = new Max();
        final Mean residual = new Mean();
        final StandardDeviation residualSd = new StandardDeviation(true);
        // Σ (t − t̄)², updated one value at a time (Welford), for R².
        final SecondMoment targetSpread = new SecondMoment();
        final Min low = new Min();
        final Max high = new Max();

        void add(double y, double t) {
            double e = y - t;
            absError.increment(Math.abs(e));
            squaredError.increment(e);
            maxAbs.increment(Math.abs(e));
            residual.increment(e);
            residualSd.increment(e);
            targetSpread.increment(t);
            low.increment(Math.min(y, t));
            high.increment(Math.max(y, t));
        }
    }

    private final List<String> names;
    private final List<Sums> sums = new ArrayList<>();

    /**
     * @param names the output units' names, one per output
     */
    public RegressionMetrics(List<String> names) {
        this.names = List.copyOf(names);
        names.forEach(n -> sums.add(new Sums()));
    }

    /**
     * Adds a batch.
     *
     * @param y       predictions, row-major, {@code rows × outputs}; not modified
     * @param t       targets, same shape; not modified
     * @param rows    number of rows
     */
    public void add(double[] y, double[] t, int rows) {
        int width = names.size();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < width; j++) {
                sums.get(j).add(y[r * width + j], t[r * width + j]);
            }
        }
    }

    /** The metrics of every output so far, in output order. */
    public List<Output> outputs() {
        List<Output> out = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            Sums s = sums.get(j);
            long n = s.residual.getN();
            double sse = s.squaredError.getResult();
            double sst = s.targetSpread.getResult();
            out.add(new Output(names.get(j), n, s.absError.getResult(), Math.sqrt(sse / n),
                    sst > 0 ? 1 - sse / sst : Double.NaN, s.maxAbs.getResult(), s.residual.getResult(),
                    s.residualSd.getResult()));
        }
        return out;
    }

    /**
     * The smallest and largest value among the targets and predictions of every output, for the ends of a
     * y = x line: {low, high}; NaN before any row.
     */
    public double[] span() {
        double low = Double.NaN;
        double high = Double.NaN;
        for (Sums s : sums) {
            low = Double.isNaN(low) ? s.low.getResult() : Math.min(low, s.low.getResult());
            high = Double.isNaN(high) ? s.high.getResult() : Math.max(high, s.high.getResult());
        }
        return new double[] {low, high};
    }
}
