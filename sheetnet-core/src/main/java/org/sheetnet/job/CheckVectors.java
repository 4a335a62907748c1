package org.sheetnet.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.engine.CheckRun;
import org.sheetnet.model.CheckVector;
import org.sheetnet.model.CheckVectorSet;
import org.sheetnet.model.Model;
import org.sheetnet.report.CheckPlot;

/**
 * The check vectors stored with a model: a {@code Checks} sheet of input rows with the outputs the
 * original framework produced, in columns headed {@code expected:<output name>}. Scoring refuses a
 * model that does not reproduce them.
 *
 * <p>Deviation of an output y from its expected value e: |y − e| / max(|e|, 1e-6), i.e. relative,
 * and absolute for values below 1e-6 in magnitude, where relative error means little.
 */
public final class CheckVectors {

    /** Name of the sheet. */
    public static final String SHEET = "Checks";
    /** Prefix of the expected-output columns. */
    public static final String EXPECTED = "expected:";
    /** Default tolerance on the deviation. */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    /**
     * The outcome of a check.
     *
     * @param rows      number of check rows
     * @param worst     largest deviation
     * @param worstAt   where: {@code Checks row 5, output y2: 0.31 (expected 0.32)}
     * @param tolerance the tolerance applied
     * @param pairs     every compared output: its check row, output name, reference value and sheetnet's value
     */
    public record Result(int rows, double worst, String worstAt, double tolerance, List<CheckPlot.Pair> pairs) {

        /** Whether every output is within tolerance. */
        public boolean passes() {
            return worst <= tolerance;
        }

        /** One line for the Audit sheet and the console. */
        public String describe() {
            return String.format(Locale.ROOT, "%d check rows, largest deviation %.3g (%s), tolerance %.3g: %s", rows,
                    worst, worstAt, tolerance, passes() ? "passed" : "FAILED");
        }
    }

    private CheckVectors() {
    }

    /**
     * Evaluates the model on its check vectors, if it has any.
     *
     * @throws SheetnetException (MODEL) naming the check row where a layer gives a non-finite value
     */
    public static Optional<Result> evaluate(Model model, double tolerance) {
        return model.checks().map(checks -> evaluate(model, checks, tolerance));
    }

    private static Result evaluate(Model model, CheckVectorSet checks, double tolerance) {
        List<CheckVector> rows = checks.vectors();
        double[] y = CheckRun.outputs(model, checks);
        double worst = -1;
        String worstAt = "";
        List<CheckPlot.Pair> pairs = new ArrayList<>();
        List<String> outputs = model.outputNames();
        int width = outputs.size();
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < width; j++) {
                double expected = rows.get(r).expected(j);
                double got = y[r * width + j];
                pairs.add(new CheckPlot.Pair(rows.get(r).line(), outputs.get(j), expected, got));
                double deviation = CheckVectorSet.deviation(got, expected);
                if (deviation > worst) {
                    worst = deviation;
                    worstAt = "Checks row " + rows.get(r).line() + ", output " + outputs.get(j) + ": " + got
                            + ", expected " + expected;
                }
            }
        }
        return new Result(rows.size(), worst, worstAt, tolerance, List.copyOf(pairs));
    }
}
