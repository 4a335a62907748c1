package org.sheetnet.report;

import java.util.ArrayList;
import java.util.List;
import org.sheetnet.evaluate.ArgMax;
import org.sheetnet.evaluate.TargetBatch;
import org.sheetnet.evaluate.Targets;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.input.InputRow;
import org.sheetnet.sink.SheetSink;

/**
 * The columns {@code --target} adds to {@code Predictions}, after the outputs (and
 * {@code predicted_class}): the target columns copied from the input, then per output the
 * {@code error} (prediction − target) of a regression, or the {@code correct} flag of a classifier
 * (1 when the predicted class is the true one, else 0, so that its average is the accuracy).
 */
final class PredictionTargets {

    /** Header of the regression error column of a single output; {@code error:NAME} for several. */
    static final String ERROR = "error";
    /** Header of the classification flag. */
    static final String CORRECT = "correct";

    private final Targets targets;
    private final int ids;
    private final int width;
    private final boolean classify;

    /**
     * @param targets  the target columns
     * @param ids      id columns before the outputs
     * @param width    number of outputs
     * @param classify whether a {@code predicted_class} column follows the outputs
     */
    PredictionTargets(Targets targets, int ids, int width, boolean classify) {
        this.targets = targets;
        this.ids = ids;
        this.width = width;
        this.classify = classify;
    }

    /** The headers of the added columns. */
    List<String> header() {
        List<String> h = new ArrayList<>(targets.names());
        if (targets.kind() == Targets.Kind.REGRESSION) {
            targets.outputs().forEach(o -> h.add(width == 1 ? ERROR : ERROR + ":" + o));
        } else {
            h.add(CORRECT);
        }
        return h;
    }

    /** Column of output j, from 0. */
    int outputColumn(int j) {
        return ids + j;
    }

    /** Column of target column i, from 0. */
    int targetColumn(int i) {
        return ids + width + (classify ? 1 : 0) + i;
    }

    /** Column of the error of output j, or of the correct flag (j = 0). */
    int resultColumn(int j) {
        return targetColumn(targets.columns().length) + j;
    }

    /**
     * Writes the added cells of one row.
     *
     * @param sink     the Predictions sheet, positioned on the row
     * @param in       the input row, whose target cells are copied
     * @param r        the row's index in the batch
     * @param y        the batch's outputs, row-major
     * @param t        the batch's targets
     * @param formulas whether the error and flag cells are formulas over the row's cells
     */
    void write(SheetSink sink, InputRow in, int r, double[] y, TargetBatch t, boolean formulas) {
        int row = sink.row();
        for (int i = 0; i < targets.columns().length; i++) {
            InputCells.copy(sink, targetColumn(i), in, targets.columns()[i]);
        }
        if (targets.kind() == Targets.Kind.REGRESSION) {
            for (int j = 0; j < width; j++) {
                double e = y[r * width + j] - t.values()[r * width + j];
                cell(sink, resultColumn(j), formulas ? ref(row, outputColumn(j)) + "-" + ref(row, targetColumn(j)) : null, e);
            }
            return;
        }
        int truth = t.classes()[r];
        double correct = ArgMax.of(y, r * width, width) == truth ? 1 : 0;
        cell(sink, resultColumn(0), formulas ? correctFormula(row, in, truth) : null, correct);
    }

    // Class names: =IF($D2=$E2,1,0), only where Excel's comparison (ignoring case) sees the same text as
    // sheetnet did; one-hot: =INDEX($E2:$G2,1,MATCH($D2,$B$1:$C$1,0)), the target's cell under the predicted class.
    private String correctFormula(int row, InputRow in, int truth) {
        String predicted = "$" + new CellRef(row, ids + width);
        if (targets.kind() == Targets.Kind.CLASS_NAME) {
            Object raw = in.value(targets.columns()[0]);
            boolean sameText = raw instanceof String s && s.equalsIgnoreCase(targets.outputs().get(truth));
            return sameText ? "IF(" + predicted + "=$" + new CellRef(row, targetColumn(0)) + ",1,0)" : null;
        }
        String hot = "$" + new CellRef(row, targetColumn(0)) + ":$" + new CellRef(row, targetColumn(width - 1));
        String names = new CellRef(0, ids).absolute() + ":" + new CellRef(0, ids + width - 1).absolute();
        return "INDEX(" + hot + ",1,MATCH(" + predicted + "," + names + ",0))";
    }

    private static String ref(int row, int col) {
        return new CellRef(row, col).toString();
    }

    private static void cell(SheetSink sink, int col, String formula, double value) {
        if (formula == null) {
            sink.number(col, value);
        } else {
            sink.formula(col, formula, value);
        }
    }
}
