package org.sheetnet.api;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.sheetnet.Location;
import org.sheetnet.SheetnetException;
import org.sheetnet.engine.BatchScorer;
import org.sheetnet.engine.CheckRun;
import org.sheetnet.engine.ForwardTrace;
import org.sheetnet.engine.NonFiniteValueException;
import org.sheetnet.model.CheckVectorSet;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.FeatureScaling;
import org.sheetnet.model.Model;

/**
 * A loaded model, ready to score: immutable, detached from its file, and safe to share between any
 * number of threads. Its input preparation (the Features sheet, features.csv, a Keras
 * Normalization layer) is applied to every input, so raw values go in, as in an input sheet.
 *
 * <p>Inputs are raw numbers in {@link #inputNames()} order. A NaN (or, by name, a missing or null
 * value) stands for an empty cell: the preparation's default is used, and without one it is an
 * error. Calls run on the calling thread unless {@link #withExecutor} gives the model threads the
 * caller owns.
 */
public final class SheetnetModel {

    /** The tolerance {@link #verify()} applies, as {@code sheetnet score} does by default. */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private final Model model;
    private final BatchScorer scorer;
    private final Map<String, Integer> positions;

    private SheetnetModel(Model model, BatchScorer scorer) {
        this.model = model;
        this.scorer = scorer;
        Map<String, Integer> byName = new HashMap<>();
        List<String> names = model.inputNames();
        for (int i = 0; i < names.size(); i++) {
            byName.putIfAbsent(names.get(i), i);
        }
        this.positions = Collections.unmodifiableMap(byName);
    }

    static SheetnetModel of(Model model) {
        return new SheetnetModel(model, BatchScorer.onCallingThread(model));
    }

    /**
     * This model scoring large batches on threads the caller owns: the calling thread computes one
     * part, the executor at most {@code threads − 1} others. Results are the same bits either way.
     */
    public SheetnetModel withExecutor(Executor executor, int threads) {
        return new SheetnetModel(model, BatchScorer.on(model, executor, threads));
    }

    /** The model itself: layers, preparation, check vectors and provenance, all immutable. */
    public Model model() {
        return model;
    }

    /** The names of the raw inputs, in the order {@link #predict(double...)} takes them. */
    public List<String> inputNames() {
        return model.inputNames();
    }

    /** The names of the outputs, in the order results give them. */
    public List<String> outputNames() {
        return model.outputNames();
    }

    /** The class names when the output is a softmax over several units (the output names); else empty. */
    public List<String> classes() {
        return model.classes();
    }

    /**
     * Scores one row given by position.
     *
     * @param inputs raw inputs, one per {@link #inputNames()}; NaN for an empty value
     * @return the outputs, one per {@link #outputNames()}
     * @throws SheetnetException (INPUT) with the row and column as {@link SheetnetException#location()}
     */
    public double[] predict(double... inputs) {
        return score(new double[][] {inputs})[0];
    }

    /**
     * Scores one row given by name.
     *
     * @param inputs raw inputs by input name; a missing or null value is an empty one
     * @return the outputs by output name, in order
     * @throws SheetnetException (INPUT) for a name the model does not have, or a value it cannot use
     */
    public Map<String, Double> predict(Map<String, ? extends Number> inputs) {
        double[] row = new double[positions.size()];
        java.util.Arrays.fill(row, Double.NaN);
        for (Map.Entry<String, ? extends Number> e : inputs.entrySet()) {
            Integer i = positions.get(e.getKey());
            if (i == null) {
                throw new SheetnetException(SheetnetException.Problem.INPUT, "row 1: the model has no input named \""
                        + e.getKey() + "\"; its inputs are " + inputNames(), null, Location.ofRow(1, 0));
            }
            row[i] = e.getValue() == null ? Double.NaN : e.getValue().doubleValue();
        }
        double[] y = predict(row);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < y.length; j++) {
            out.put(outputNames().get(j), y[j]);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Scores a batch, bit for bit as {@code sheetnet score} scores the same rows.
     *
     * @param rows raw inputs, one array per row in {@link #inputNames()} order; not modified
     * @return the outputs, one array per row
     * @throws SheetnetException (INPUT) naming the row (and input) at fault, also as fields
     */
    public double[][] score(double[][] rows) {
        return trace(rows).outputs();
    }

    /**
     * Scores a batch and keeps every value on the way: the prepared inputs, and each layer's
     * pre-activations and activations.
     *
     * @param rows raw inputs, as for {@link #score(double[][])}
     * @throws SheetnetException as {@link #score(double[][])}
     */
    public Trace trace(double[][] rows) {
        int width = model.network().inputWidth();
        double[] x = new double[rows.length * width];
        ForwardTrace trace = scorer.score(rows.length, (r, batch, offset) -> raw(rows[r], r, batch, offset), x,
                this::nonFinite);
        return new Trace(model.network(), x, trace);
    }

    /**
     * Runs the model on its stored check vectors with the default tolerance.
     *
     * @return the result, or empty when the model has no check vectors
     * @throws SheetnetException (MODEL) when a check vector gives a non-finite value
     */
    public Optional<CheckResult> verify() {
        return verify(DEFAULT_TOLERANCE);
    }

    /**
     * Runs the model on its stored check vectors.
     *
     * @param tolerance the largest deviation accepted (see {@link CheckResult})
     * @return the result, or empty when the model has no check vectors
     */
    public Optional<CheckResult> verify(double tolerance) {
        return model.checks().map(checks -> verify(checks, tolerance));
    }

    private CheckResult verify(CheckVectorSet checks, double tolerance) {
        double[] y = CheckRun.outputs(model, checks);
        List<String> outputs = outputNames();
        double worst = -1;
        String worstAt = "";
        for (int r = 0; r < checks.vectors().size(); r++) {
            for (int j = 0; j < outputs.size(); j++) {
                double expected = checks.vectors().get(r).expected(j);
                double got = y[r * outputs.size() + j];
                double deviation = CheckVectorSet.deviation(got, expected);
                if (deviation > worst) {
                    worst = deviation;
                    worstAt = checks.vectors().get(r).where() + ", output " + outputs.get(j) + ": " + got
                            + ", expected " + expected;
                }
            }
        }
        return new CheckResult(checks.vectors().size(), worst, worstAt, tolerance);
    }

    // One row's raw inputs into the batch; NaN takes the preparation's default, as an empty cell does.
    private void raw(double[] row, int r, double[] batch, int offset) {
        List<String> names = inputNames();
        if (row == null || row.length != names.size()) {
            throw new SheetnetException(SheetnetException.Problem.INPUT, "row " + (r + 1) + ": "
                    + (row == null ? "no values" : row.length + " values") + ", but the model takes " + names.size()
                    + " inputs " + names, null, Location.ofRow(r + 1, 0));
        }
        List<FeatureScaling> features = model.preparation().map(p -> p.features()).orElse(List.of());
        for (int i = 0; i < row.length; i++) {
            double v = row[i];
            if (Double.isNaN(v) && !features.isEmpty() && features.get(i).hasDefault()) {
                v = features.get(i).defaultValue();
            }
            if (!Double.isFinite(v)) {
                throw new SheetnetException(SheetnetException.Problem.INPUT, "row " + (r + 1) + ", input \""
                        + names.get(i) + "\" (column " + (i + 1) + "): " + (Double.isNaN(v)
                        ? "no value, and the model has no default for it" : "the number is not finite (" + v + ")"),
                        null, Location.ofRow(r + 1, i + 1));
            }
            batch[offset + i] = v;
        }
    }

    private SheetnetException nonFinite(NonFiniteValueException e) {
        DenseLayer layer = model.network().layers().get(e.layer() - 1);
        return new SheetnetException(SheetnetException.Problem.INPUT, "row " + (e.row() + 1) + ": layer " + e.layer()
                + " (" + layer.name() + ", " + layer.activation().describe() + ") gives a non-finite " + e.stage()
                + " for unit " + e.unit() + " (" + e.value() + "); check the inputs and weights feeding it", null,
                Location.ofRow(e.row() + 1, 0));
    }

    @Override
    public String toString() {
        return "SheetnetModel[" + model.provenance().source() + ": " + inputNames().size() + " inputs -> "
                + outputNames() + "]";
    }
}
