package org.sheetnet.evaluate;

import java.util.Optional;
import org.sheetnet.model.Network;

/**
 * Compares a run's outputs with the targets, batch by batch: regression metrics per output, or the
 * classification metrics of a softmax output. Keeps running sums only, plus the first
 * {@link #PLOT_ROWS} (target, prediction) pairs of a regression for the chart's cached points.
 */
public final class Evaluator {

    /** Rows plotted in the predicted-vs-true chart (the first ones). */
    public static final int PLOT_ROWS = 10_000;

    private final Targets targets;
    private final RegressionMetrics regression;
    private final ClassificationMetrics classification;
    private final PlotSample sample;

    /**
     * @param targets the target columns
     * @param network the network scored, for its output names
     */
    public Evaluator(Targets targets, Network network) {
        this.targets = targets;
        var names = network.outputLayer().outputNames();
        boolean regress = targets.kind() == Targets.Kind.REGRESSION;
        this.regression = regress ? new RegressionMetrics(names) : null;
        this.classification = regress ? null : new ClassificationMetrics(names);
        this.sample = new PlotSample(names.size(), PLOT_ROWS);
    }

    /**
     * Adds a batch.
     *
     * @param y the network's outputs, row-major, {@code rows × outputs}; not modified
     * @param t the batch's targets
     */
    public void add(double[] y, TargetBatch t) {
        if (regression != null) {
            regression.add(y, t.values(), t.rows());
            sample.add(y, t.values(), t.rows());
        } else {
            classification.add(y, t.classes(), t.rows());
        }
    }

    /** The target columns. */
    public Targets targets() {
        return targets;
    }

    /** The regression metrics, when the targets are numbers per output. */
    public Optional<RegressionMetrics> regression() {
        return Optional.ofNullable(regression);
    }

    /** The classification metrics, when the output is a softmax over classes. */
    public Optional<ClassificationMetrics> classification() {
        return Optional.ofNullable(classification);
    }

    /** The first rows' targets and predictions (regression only), for the chart's cached points. */
    public PlotSample sample() {
        return sample;
    }
}
