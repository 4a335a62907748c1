package org.sheetnet.report;

import java.util.List;
import java.util.Locale;
import org.sheetnet.evaluate.ClassificationMetrics;
import org.sheetnet.evaluate.Evaluator;
import org.sheetnet.evaluate.RegressionMetrics;
import org.sheetnet.sink.SheetSink;

/**
 * The {@code Evaluation} sheet: the metrics of the run against its targets, each with its formula in
 * the cell beside it. Regression: one column per output; classification: accuracy, log-loss, the
 * confusion matrix with class names, and precision, recall and F1 per class. A metric that is
 * undefined (0/0) reads {@code n/a}.
 */
final class EvaluationSheet {

    /** The sheet's name. */
    static final String NAME = "Evaluation";

    /** Text of an undefined metric. */
    static final String UNDEFINED = "n/a";

    /**
     * Where the charts find their cells (rows and columns from 0).
     *
     * @param lineRow   regression: the row of the first of two (x, y) points of the line y = x, in columns 1 and 2
     * @param matrixRow classification: the row of the confusion matrix's first count
     * @param classes   classification: number of classes (the matrix is classes × classes from column 1)
     * @param chartRow  the row where a chart starts, below the tables
     */
    record Layout(int lineRow, int matrixRow, int classes, int chartRow) {
    }

    private EvaluationSheet() {
    }

    /**
     * Writes the sheet.
     *
     * @param sink       the Evaluation sheet, empty
     * @param evaluation the metrics over every row
     * @return where the charts' cells are
     */
    static Layout write(SheetSink sink, Evaluator evaluation) {
        Rows rows = new Rows(sink);
        rows.line(true, "targets", evaluation.targets().describe());
        if (evaluation.regression().isPresent()) {
            return regression(rows, evaluation.regression().get());
        }
        return classification(rows, evaluation.classification().get());
    }

    private static Layout regression(Rows rows, RegressionMetrics metrics) {
        List<RegressionMetrics.Output> outs = metrics.outputs();
        int formula = outs.size() + 1;
        rows.start();
        rows.sink.header(0, "metric");
        for (int j = 0; j < outs.size(); j++) {
            rows.sink.header(j + 1, outs.get(j).name());
        }
        rows.sink.header(formula, "formula (residual e = prediction − target, over the n rows)");
        rows.sink.endRow();
        metric(rows, "count", outs, o -> (double) o.count(), formula, "n: rows with a target");
        metric(rows, "MAE", outs, RegressionMetrics.Output::mae, formula, "Σ|e| / n");
        metric(rows, "RMSE", outs, RegressionMetrics.Output::rmse, formula, "√(Σ e² / n)");
        metric(rows, "R²", outs, RegressionMetrics.Output::r2, formula,
                "1 − Σ e² / Σ (t − t̄)², t̄ = Σ t / n (n/a when every target is equal)");
        metric(rows, "max absolute error", outs, RegressionMetrics.Output::maxAbsError, formula, "max |e|");
        metric(rows, "mean residual", outs, RegressionMetrics.Output::meanResidual, formula, "ē = Σ e / n");
        metric(rows, "sd of residuals", outs, RegressionMetrics.Output::sdResidual, formula,
                "√(Σ (e − ē)² / (n − 1)), the sample standard deviation");
        rows.line(false, "computed by", "Commons Math storeless statistics (Mean, SumOfSquares, Max, StandardDeviation,"
                + " SecondMoment), accumulated batch by batch without keeping rows");
        rows.blank();
        rows.line(true, "line y = x", "x", "y");
        double[] span = metrics.span();
        int lineRow = rows.sink.row() + 1;
        rows.start();
        rows.sink.text(0, "from");
        number(rows.sink, 1, span[0]);
        number(rows.sink, 2, span[0]);
        rows.sink.endRow();
        rows.start();
        rows.sink.text(0, "to");
        number(rows.sink, 1, span[1]);
        number(rows.sink, 2, span[1]);
        rows.sink.endRow();
        return new Layout(lineRow, -1, 0, lineRow + 3);
    }

    private static void metric(Rows rows, String label, List<RegressionMetrics.Output> outs,
            java.util.function.ToDoubleFunction<RegressionMetrics.Output> value, int formulaCol, String formula) {
        rows.start();
        rows.sink.text(0, label);
        for (int j = 0; j < outs.size(); j++) {
            number(rows.sink, j + 1, value.applyAsDouble(outs.get(j)));
        }
        rows.sink.text(formulaCol, formula);
        rows.sink.endRow();
    }

    private static Layout classification(Rows rows, ClassificationMetrics m) {
        int k = m.classes().size();
        rows.line(true, "metric", "value", "formula");
        rows.values("count", (double) m.count(), "n: rows with a target");
        rows.values("accuracy", m.accuracy(), "Σ_i C[i][i] / n: share of rows whose predicted class (largest"
                + " probability, ties to the first unit) is the true class");
        rows.values("log-loss", m.logLoss(), String.format(Locale.ROOT, "−(1/n) Σ ln p_true, natural log; p_true,"
                + " the probability of the true class, clipped to [%.0e, 1 − %.0e] so that a sure mistake costs"
                + " 34.5, not infinity", ClassificationMetrics.CLIP, ClassificationMetrics.CLIP));
        rows.blank();
        rows.line(true, "confusion matrix C[i][j]: rows = true class i, columns = predicted class j");
        rows.start();
        rows.sink.header(0, "true \\ predicted");
        for (int j = 0; j < k; j++) {
            rows.sink.header(j + 1, m.classes().get(j));
        }
        rows.sink.header(k + 1, "total");
        rows.sink.endRow();
        int matrixRow = rows.sink.row() + 1;
        for (int i = 0; i < k; i++) {
            rows.start();
            rows.sink.header(0, m.classes().get(i));
            for (int j = 0; j < k; j++) {
                rows.sink.number(j + 1, m.confusion(i, j));
            }
            rows.sink.number(k + 1, m.trueCount(i));
            rows.sink.endRow();
        }
        rows.start();
        rows.sink.header(0, "total");
        for (int j = 0; j < k; j++) {
            rows.sink.number(j + 1, m.predictedCount(j));
        }
        rows.sink.number(k + 1, m.count());
        rows.sink.endRow();
        rows.blank();
        perClass(rows, m);
        return new Layout(-1, matrixRow, k, rows.sink.row() + 2);
    }

    private static void perClass(Rows rows, ClassificationMetrics m) {
        rows.line(true, "class", "precision", "recall", "F1", "support");
        for (int j = 0; j < m.classes().size(); j++) {
            rows.start();
            rows.sink.header(0, m.classes().get(j));
            number(rows.sink, 1, m.precision(j));
            number(rows.sink, 2, m.recall(j));
            number(rows.sink, 3, m.f1(j));
            rows.sink.number(4, m.trueCount(j));
            rows.sink.endRow();
        }
        rows.line(false, "precision", "C[j][j] / Σ_i C[i][j]: of the rows predicted as j, the share truly j"
                + " (n/a when j is never predicted)");
        rows.line(false, "recall", "C[i][i] / Σ_j C[i][j]: of the rows truly i, the share predicted as i"
                + " (n/a when i never occurs)");
        rows.line(false, "F1", "2·precision·recall / (precision + recall); 0 when both are 0");
        rows.line(false, "support", "Σ_j C[i][j]: rows of the true class");
    }

    private static void number(SheetSink sink, int col, double v) {
        if (Double.isFinite(v)) {
            sink.number(col, v);
        } else {
            sink.text(col, UNDEFINED);
        }
    }

    /** Row-by-row writing helpers over a sink. */
    private static final class Rows {
        final SheetSink sink;

        Rows(SheetSink sink) {
            this.sink = sink;
        }

        void start() {
            sink.startRow();
        }

        void blank() {
            sink.startRow();
            sink.endRow();
        }

        void line(boolean bold, String... cells) {
            sink.startRow();
            for (int c = 0; c < cells.length; c++) {
                if (bold) {
                    sink.header(c, cells[c]);
                } else {
                    sink.text(c, cells[c]);
                }
            }
            sink.endRow();
        }

        void values(String label, double value, String formula) {
            sink.startRow();
            sink.text(0, label);
            number(sink, 1, value);
            sink.text(2, formula);
            sink.endRow();
        }
    }
}
