package org.sheetnet.calc;

import java.util.Optional;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.job.CheckVectors;
import org.sheetnet.model.DenseLayer;

/** sheetnet ▸ Check the model: reads the model from the document and runs its check vectors. */
final class CheckCommand {

    private CheckCommand() {
    }

    static Outcome run(OpenDocument doc) {
        ModelWorkbook model = doc.model();
        StringBuilder layers = new StringBuilder();
        for (DenseLayer layer : model.network().layers()) {
            layers.append(layers.length() == 0 ? "" : ", ").append(layer.name()).append(" (").append(layer.inputWidth())
                    .append(" → ").append(layer.units()).append(", ").append(layer.activation().describe()).append(')');
        }
        String read = "The model reads correctly: " + model.network().depth() + " layers, " + layers + ".";
        Optional<CheckVectors.Result> checks = CheckVectors.evaluate(model.model(), CheckVectors.DEFAULT_TOLERANCE);
        if (checks.isEmpty()) {
            return Outcome.done(read + "\nIt has no Checks sheet, so there are no check vectors to run.");
        }
        String result = "Check vectors: " + checks.get().describe();
        return checks.get().passes() ? Outcome.done(read + "\n" + result)
                : Outcome.failed(read + "\n" + result, Optional.empty());
    }
}
