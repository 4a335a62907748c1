package org.sheetnet.keras;

import java.util.ArrayList;
import java.util.List;
import org.sheetnet.model.Network;
import org.sheetnet.output.ModelWorkbookWriter.ExtraSheet;

/**
 * The sheets written from expected outputs: {@code Checks} (one column per input, named as the
 * model's inputs, then one column {@code expected:UNIT} per output, one row per case) and
 * {@code Inputs} (a {@code case} column and the same inputs, so that the imported workbook can be
 * scored as it is).
 */
final class CheckSheets {

    /** The prefix of an expected output's column header. */
    static final String EXPECTED = "expected:";

    private CheckSheets() {
    }

    /** The Checks and Inputs sheets. */
    static List<ExtraSheet> of(Network network, ExpectedOutputs expected) {
        List<String> inputs = network.inputNames();
        List<String> outputs = network.outputLayer().outputNames();
        List<List<Object>> checks = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        List<Object> checkHeader = new ArrayList<>(inputs);
        outputs.forEach(o -> checkHeader.add(EXPECTED + o));
        checks.add(checkHeader);
        List<Object> inputHeader = new ArrayList<>();
        inputHeader.add("case");
        inputHeader.addAll(inputs);
        rows.add(inputHeader);
        for (int r = 0; r < expected.rows(); r++) {
            List<Object> check = new ArrayList<>();
            List<Object> input = new ArrayList<>();
            input.add("case " + (r + 1));
            for (int i = 0; i < inputs.size(); i++) {
                double x = ExpectedOutputs.at(expected.inputs(), r, i);
                check.add(x);
                input.add(x);
            }
            for (int j = 0; j < outputs.size(); j++) {
                check.add(ExpectedOutputs.at(expected.predictions(), r, j));
            }
            checks.add(check);
            rows.add(input);
        }
        return List.of(new ExtraSheet("Checks", checks), new ExtraSheet("Inputs", rows));
    }
}
