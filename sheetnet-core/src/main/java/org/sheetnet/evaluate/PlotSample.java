package org.sheetnet.evaluate;

import java.util.Arrays;

/**
 * The targets and predictions of the first rows of a run, up to a fixed number: what the
 * predicted-vs-true chart plots and caches. Memory is bounded by the cap, not by the run.
 */
public final class PlotSample {

    private final int width;
    private final int cap;
    private double[] targets = new double[0];
    private double[] predictions = new double[0];
    private int rows;

    /**
     * @param width outputs per row
     * @param cap   most rows kept
     */
    PlotSample(int width, int cap) {
        this.width = width;
        this.cap = cap;
    }

    void add(double[] y, double[] t, int batchRows) {
        int take = Math.min(batchRows, cap - rows);
        if (take <= 0) {
            return;
        }
        int size = (rows + take) * width;
        targets = Arrays.copyOf(targets, size);
        predictions = Arrays.copyOf(predictions, size);
        System.arraycopy(t, 0, targets, rows * width, take * width);
        System.arraycopy(y, 0, predictions, rows * width, take * width);
        rows += take;
    }

    /** Rows kept. */
    public int rows() {
        return rows;
    }

    /** Target of output j in kept row r. */
    public double target(int r, int j) {
        return targets[r * width + j];
    }

    /** Prediction of output j in kept row r. */
    public double prediction(int r, int j) {
        return predictions[r * width + j];
    }
}
