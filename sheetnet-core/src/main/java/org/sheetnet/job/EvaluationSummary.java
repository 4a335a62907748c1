package org.sheetnet.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sheetnet.Plural;
import org.sheetnet.evaluate.ClassificationMetrics;
import org.sheetnet.evaluate.Evaluator;
import org.sheetnet.evaluate.RegressionMetrics;

/** One line of the main metrics, for the console and the Audit sheet. */
public final class EvaluationSummary {

    private EvaluationSummary() {
    }

    /**
     * {@code y: MAE 0.19, RMSE 0.23, R² 0.998 over 8 rows}, or {@code accuracy 0.9352 (9352 of 10000), log-loss 0.21}.
     *
     * @param evaluation the metrics of a finished run
     */
    public static String of(Evaluator evaluation) {
        if (evaluation.regression().isPresent()) {
            List<String> parts = new ArrayList<>();
            for (RegressionMetrics.Output o : evaluation.regression().get().outputs()) {
                parts.add(String.format(Locale.ROOT, "%s: MAE %.4g, RMSE %.4g, R² %.4g", o.name(), o.mae(), o.rmse(),
                        o.r2()));
            }
            long n = evaluation.regression().get().outputs().get(0).count();
            return String.join("; ", parts) + " over " + Plural.of(n, "row");
        }
        ClassificationMetrics m = evaluation.classification().get();
        return String.format(Locale.ROOT, "accuracy %.4f (%,d of %s), log-loss %.4g",
                m.accuracy(), Math.round(m.accuracy() * m.count()), Plural.of(m.count(), "row"), m.logLoss());
    }
}
