package org.sheetnet.calc;

import java.util.List;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.input.RowSource;
import org.sheetnet.job.DocumentScoreJob;
import org.sheetnet.job.CheckVectors;
import org.sheetnet.job.ScoreJob;

/**
 * sheetnet ▸ Score: reads the model and the input rows from the open document, scores them with the
 * library, and adds the sheets {@code sheetnet score} writes (L0_prepared, Lk_pre, Lk_act,
 * Predictions, CheckPlot, Audit), replacing a previous run's only when the user says yes. sheetnet ▸
 * Score with formulas writes them as {@code sheetnet score --formulas} does: the computed cells are live
 * formulas over the document's Inputs sheet and model sheets (with L0_inputs, the inputs in the model's order).
 */
final class ScoreCommand {

    /** What the Audit sheet gives as the command line. */
    static final String COMMAND = "LibreOffice Calc: sheetnet > Score";

    private ScoreCommand() {
    }

    /** What the Audit sheet gives as the command line of Score with formulas. */
    static final String COMMAND_FORMULAS = "LibreOffice Calc: sheetnet > Score with formulas";

    static Outcome run(OpenDocument doc, Dialogs dialogs) {
        return run(doc, dialogs, false);
    }

    /**
     * @param formulas whether the computed cells are live formulas
     */
    static Outcome run(OpenDocument doc, Dialogs dialogs, boolean formulas) {
        ModelWorkbook model = doc.model();
        List<String> previous = doc.sheets().sheetNames().stream()
                .filter(n -> Inputs.OUTPUT_SHEETS.matcher(n).matches()).toList();
        if (!previous.isEmpty() && !dialogs.ask("The document has the sheets of an earlier run (" + String.join(", ",
                previous) + "). Replace them with this run's?")) {
            return Outcome.done("Nothing was scored; the sheets of the earlier run are kept.");
        }
        List<String> staying = doc.sheets().sheetNames().stream().filter(n -> !previous.contains(n)).toList();
        DocumentDestination out = new DocumentDestination(doc.name(), staying);
        ScoreJob.Result result;
        // The formulas refer to the Inputs sheet, so a run with formulas reads it, whatever is selected.
        try (RowSource rows = formulas ? new RowsInPlace(Inputs.sheet(doc)) : Inputs.open(doc, model)) {
            result = DocumentScoreJob.run(model, rows, out, new DocumentScoreJob.Request(doc.file(),
                    formulas ? COMMAND_FORMULAS : COMMAND, CheckVectors.DEFAULT_TOLERANCE, formulas));
        }
        OutputSheets.commit(doc.document(), "sheetnet: Score", previous, out.sheets(), out.active());
        StringBuilder message = new StringBuilder(String.format(java.util.Locale.ROOT,
                "Scored %,d rows through %d layers. Added: %s.", result.rows(), result.network().depth(),
                String.join(", ", out.sheets().stream().map(BufferedSheet::name).toList())));
        result.checks().ifPresent(c -> message.append("\nCheck vectors: ").append(c.describe()));
        result.notes().forEach(n -> message.append("\nNote: ").append(n));
        return Outcome.done(message.toString());
    }
}
