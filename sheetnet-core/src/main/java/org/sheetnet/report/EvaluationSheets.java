package org.sheetnet.report;

import org.sheetnet.evaluate.Evaluator;
import org.sheetnet.sink.SheetSink;

/**
 * The Evaluation sheet for writers outside this package (the Spark job's audit workbook): the same
 * metrics, definitions and layout as {@code score --target} writes, without the charts.
 */
public final class EvaluationSheets {

    private EvaluationSheets() {
    }

    /**
     * Writes the Evaluation sheet's rows.
     *
     * @param sink       the sheet, empty
     * @param evaluation the metrics over every row
     */
    public static void write(SheetSink sink, Evaluator evaluation) {
        EvaluationSheet.write(sink, evaluation);
    }
}
