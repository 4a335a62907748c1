package org.sheetnet.format.keras;

import java.util.ArrayList;
import java.util.List;
import org.sheetnet.model.CheckVector;
import org.sheetnet.model.CheckVectorSet;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;
import org.sheetnet.format.workbook.ModelWorkbookWriter.ExtraSheet;

/**
 * What expected outputs become: the model's check vectors (written as its {@code Checks} sheet:
 * one column per input, named as the model's inputs, then one column {@code expected:UNIT} per
 * output, one row per case) and an {@code Inputs} sheet (a {@code case} column and the same inputs,
 * so that the imported workbook can be scored as it is).
 */
final class CheckSheets {

    private CheckSheets() {
    }

    /** The check vectors: Keras's inputs and predictions, case by case (sheet row r + 2 of Checks). */
    static CheckVectorSet vectors(Network network, ExpectedOutputs expected) {
        int inputs = network.inputWidth();
        int outputs = network.outputLayer().outputWidth();
        List<CheckVector> vectors = new ArrayList<>();
        for (int r = 0; r < expected.rows(); r++) {
            double[] x = new double[inputs];
            for (int i = 0; i < inputs; i++) {
                x[i] = ExpectedOutputs.at(expected.inputs(), r, i);
            }
            double[] y = new double[outputs];
            for (int j = 0; j < outputs; j++) {
                y[j] = ExpectedOutputs.at(expected.predictions(), r, j);
            }
            vectors.add(new CheckVector(r + 2, "case " + (r + 1), x, y));
        }
        return new CheckVectorSet("Checks", vectors);
    }

    /** The Inputs sheet. */
    static ExtraSheet inputs(Model model, ExpectedOutputs expected) {
        List<String> names = model.inputNames();
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        header.add("case");
        header.addAll(names);
        rows.add(header);
        for (int r = 0; r < expected.rows(); r++) {
            List<Object> input = new ArrayList<>();
            input.add("case " + (r + 1));
            for (int i = 0; i < names.size(); i++) {
                input.add(ExpectedOutputs.at(expected.inputs(), r, i));
            }
            rows.add(input);
        }
        return new ExtraSheet("Inputs", rows);
    }
}
