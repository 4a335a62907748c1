package org.sheetnet.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;
import org.sheetnet.api.SheetnetModel;
import org.sheetnet.sheet.CellValues;

/** The computations behind the cell functions, on plain arrays (no UNO). */
final class CellFunctions {

    private CellFunctions() {
    }

    /**
     * Scores rows of raw inputs.
     *
     * @param model  the model
     * @param inputs the cells: Double, String, or null/"" for a blank; a first row of text only is a header
     *               whose names pick the model's inputs (exact, then ignoring case) in any order
     * @return the outputs, one row per input row, under a header of output names when the inputs have one
     * @throws SheetnetException (INPUT) naming the row and input at fault
     */
    static Object[][] predict(SheetnetModel model, Object[][] inputs) {
        boolean header = inputs.length > 0 && isHeader(inputs[0]);
        int[] columns = header ? byName(model, inputs[0]) : byPosition(model, inputs);
        int first = header ? 1 : 0;
        double[][] rows = new double[inputs.length - first][];
        for (int r = first; r < inputs.length; r++) {
            double[] row = new double[columns.length];
            for (int i = 0; i < columns.length; i++) {
                row[i] = number(inputs[r], columns[i], r + 1, model.inputNames(), i);
            }
            rows[r - first] = row;
        }
        double[][] y = model.score(rows);
        Object[][] out = new Object[inputs.length][];
        if (header) {
            out[0] = model.outputNames().toArray();
        }
        for (int r = 0; r < y.length; r++) {
            Object[] row = new Object[y[r].length];
            for (int j = 0; j < row.length; j++) {
                row[j] = y[r][j];
            }
            out[r + first] = row;
        }
        return out;
    }

    private static boolean isHeader(Object[] row) {
        boolean text = false;
        for (Object v : row) {
            if (v instanceof Number) {
                return false;
            }
            text |= v instanceof String s && !s.isBlank();
        }
        return text;
    }

    private static int[] byName(SheetnetModel model, Object[] header) {
        List<String> names = new ArrayList<>();
        for (Object v : header) {
            names.add(v instanceof String s ? s.trim() : "");
        }
        List<String> wanted = model.inputNames();
        int[] columns = new int[wanted.size()];
        for (int i = 0; i < columns.length; i++) {
            String name = wanted.get(i);
            int c = names.indexOf(name);
            if (c < 0) {
                c = names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList().indexOf(name.toLowerCase(Locale.ROOT));
            }
            if (c < 0) {
                throw SheetnetException.input("the header row has no column named \"" + name + "\"; the model's inputs"
                        + " are " + wanted + ", the header has " + names);
            }
            columns[i] = c;
        }
        return columns;
    }

    private static int[] byPosition(SheetnetModel model, Object[][] inputs) {
        int width = inputs.length == 0 ? 0 : inputs[0].length;
        int wanted = model.inputNames().size();
        if (width != wanted) {
            throw SheetnetException.input("the inputs are " + width + " columns wide, but the model takes " + wanted
                    + " inputs " + model.inputNames() + "; give exactly those columns, or a header row naming them");
        }
        int[] columns = new int[wanted];
        for (int i = 0; i < wanted; i++) {
            columns[i] = i;
        }
        return columns;
    }

    // A blank cell is NaN: the Features sheet's default applies, as for an empty cell of an Inputs sheet.
    private static double number(Object[] row, int col, int line, List<String> names, int input) {
        Object v = col < row.length ? DocumentSheets.value(row[col]) : null;
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw SheetnetException.input("row " + line + ", input \"" + names.get(input) + "\": expected a number, found "
                + CellValues.describe(v));
    }

    /**
     * Applies an activation to each row.
     *
     * @param name      the activation's Keras name, any case
     * @param x         pre-activations, one array per row; not modified
     * @param parameter its parameter, or empty for Keras's default
     * @throws IllegalArgumentException for an unknown name, a parameter it does not take, or a width it cannot take
     */
    static double[][] act(String name, double[][] x, OptionalDouble parameter) {
        Activation activation = Activations.find(name, parameter).orElseThrow(() -> new IllegalArgumentException(
                "unknown activation \"" + name + "\"; known: " + String.join(", ", Activations.known())));
        double[][] out = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            out[r] = new double[activation.outputWidth(x[r].length)];
            activation.apply(x[r], 0, x[r].length, out[r], 0);
        }
        return out;
    }
}
