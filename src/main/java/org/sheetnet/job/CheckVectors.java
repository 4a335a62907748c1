package org.sheetnet.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.sheetnet.SheetnetException;
import org.sheetnet.engine.ForwardPass;
import org.sheetnet.engine.NonFiniteValueException;
import org.sheetnet.io.InputBinding;
import org.sheetnet.io.InputRow;
import org.sheetnet.io.ModelWorkbook;
import org.sheetnet.io.SheetRowSource;
import org.sheetnet.model.Network;
import org.sheetnet.output.CheckPlot;

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

    private static final double ZERO_THRESHOLD = 1e-6;

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
     * @throws SheetnetException (MODEL) if the Checks sheet is malformed
     */
    public static Optional<Result> evaluate(ModelWorkbook model, double tolerance) {
        if (model.sheet(SHEET).isEmpty()) {
            return Optional.empty();
        }
        String file = model.file().getFileName().toString();
        Network network = model.network();
        SheetRowSource source = new SheetRowSource(model.sheet(SHEET).get(), file);
        List<String> outputs = network.outputLayer().outputNames();
        int[] expectedColumn = expectedColumns(source.header(), outputs, file);
        Set<Integer> excluded = new HashSet<>();
        for (int c : expectedColumn) {
            excluded.add(c);
        }
        List<InputRow> rows = new ArrayList<>();
        for (InputRow row = source.next(); row != null; row = source.next()) {
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw SheetnetException.model(file + ": the Checks sheet has no rows below its header");
        }
        InputBinding binding = InputBinding.bind(network, source, rows, excluded, model.preparation());
        double[] x = new double[rows.size() * network.inputWidth()];
        for (int r = 0; r < rows.size(); r++) {
            binding.fill(rows.get(r), source, x, r * network.inputWidth());
        }
        double[] y;
        try {
            y = ForwardPass.run(network, x, rows.size()).output().act();
        } catch (NonFiniteValueException e) {
            throw SheetnetException.model(source.locateRow(rows.get(e.row()).line()) + ": layer " + e.layer()
                    + " gives a non-finite " + e.stage() + " on a check vector");
        }
        return Optional.of(compare(rows, y, expectedColumn, outputs, source, tolerance));
    }

    private static Result compare(List<InputRow> rows, double[] y, int[] expectedColumn, List<String> outputs,
            SheetRowSource source, double tolerance) {
        double worst = -1;
        String worstAt = "";
        List<CheckPlot.Pair> pairs = new ArrayList<>();
        int width = outputs.size();
        for (int r = 0; r < rows.size(); r++) {
            for (int j = 0; j < width; j++) {
                Object e = rows.get(r).values()[expectedColumn[j]];
                if (!(e instanceof Double expected)) {
                    throw SheetnetException.model(source.locate(rows.get(r).line(), expectedColumn[j])
                            + ": expected a number, found " + org.sheetnet.io.CellValues.describe(e));
                }
                double got = y[r * width + j];
                pairs.add(new CheckPlot.Pair(rows.get(r).line(), outputs.get(j), expected, got));
                double deviation = Math.abs(got - expected) / Math.max(Math.abs(expected), ZERO_THRESHOLD);
                if (deviation > worst) {
                    worst = deviation;
                    worstAt = "Checks row " + rows.get(r).line() + ", output " + outputs.get(j) + ": " + got
                            + ", expected " + expected;
                }
            }
        }
        return new Result(rows.size(), worst, worstAt, tolerance, List.copyOf(pairs));
    }

    private static int[] expectedColumns(List<String> header, List<String> outputs, String file) {
        int[] columns = new int[outputs.size()];
        for (int j = 0; j < outputs.size(); j++) {
            String wanted = EXPECTED + outputs.get(j);
            columns[j] = -1;
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).replace(" ", "").equalsIgnoreCase(wanted.replace(" ", ""))) {
                    columns[j] = c;
                }
            }
            if (columns[j] < 0) {
                throw SheetnetException.model(file + ": the Checks sheet has no column \"" + wanted
                        + "\"; it needs one expected-output column per output (" + String.join(", ", outputs) + ")");
            }
        }
        return columns;
    }
}
