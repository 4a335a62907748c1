package org.sheetnet.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.sheetnet.SheetnetException;
import org.sheetnet.sheet.CellValues;
import org.sheetnet.input.ColumnLookup;
import org.sheetnet.input.InputRow;
import org.sheetnet.input.RowSource;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;

/**
 * The input columns holding the known answers ({@code --target}), and how to read them: one number per
 * output (regression), or for a softmax output of several units either one column of class names (the
 * output units' names) or one-hot columns, one per unit.
 *
 * @param kind    how the targets are read
 * @param columns the target columns of the input, in the order given
 * @param names   their headers
 * @param outputs the output units' names (the class names of a classifier)
 */
public record Targets(Kind kind, int[] columns, List<String> names, List<String> outputs) {

    /** How targets are read. */
    public enum Kind {
        /** One number per output, compared with it. */
        REGRESSION,
        /** One column holding the true class's name. */
        CLASS_NAME,
        /** One column per class, 1 for the true class and 0 for the others. */
        ONE_HOT
    }

    /**
     * Finds the target columns in the input's header.
     *
     * @param requested the columns named by {@code --target}, in order
     * @param network   the network, for its outputs and input names
     * @param source    the input, for its header and messages
     * @throws SheetnetException (INPUT) when a column is missing, is a feature, or the count does not fit the outputs
     */
    public static Targets find(List<String> requested, Network network, RowSource source) {
        List<String> header = source.header();
        int[] columns = new int[requested.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = column(requested.get(i), header, source);
            requireNotFeature(header.get(columns[i]), network, source);
        }
        List<String> names = new ArrayList<>();
        for (int c : columns) {
            names.add(header.get(c));
        }
        DenseLayer out = network.outputLayer();
        return new Targets(kind(network, columns.length, source), columns, names, out.outputNames());
    }

    /** Whether a softmax output of several units is read as classes. */
    public static boolean classifies(Network network) {
        DenseLayer out = network.outputLayer();
        return "softmax".equals(out.activation().name()) && out.outputWidth() > 1;
    }

    private static Kind kind(Network network, int count, RowSource source) {
        DenseLayer out = network.outputLayer();
        int width = out.outputWidth();
        boolean classes = classifies(network);
        if (classes && count == 1) {
            return Kind.CLASS_NAME;
        }
        if (count == width) {
            return classes ? Kind.ONE_HOT : Kind.REGRESSION;
        }
        String outputs = width + " output" + (width == 1 ? "" : "s") + " (" + String.join(", ", out.outputNames()) + ")";
        throw SheetnetException.input(source.describe() + ": --target names " + count + " column"
                + (count == 1 ? "" : "s") + ", but the model has " + outputs + (classes
                        ? "; a softmax output takes one column of class names or " + width + " one-hot columns"
                        : "; give one target column per output, in the outputs' order"));
    }

    private static int column(String name, List<String> header, RowSource source) {
        return ColumnLookup.find(header, name, Set.of(), "the target \"" + name + "\"", source)
                .orElseThrow(() -> SheetnetException.input(source.describe() + ": no target column \"" + name
                        + "\"; the columns are " + quoted(header)));
    }

    private static void requireNotFeature(String column, Network network, RowSource source) {
        for (String input : network.inputNames()) {
            if (input.equalsIgnoreCase(column)) {
                throw SheetnetException.input(source.describe() + ": column \"" + column
                        + "\" is an input of the model (feature \"" + input + "\"), so it cannot be a target");
            }
        }
    }

    /** The target columns as a set, to keep them out of the features and the id columns. */
    public Set<Integer> columnSet() {
        Set<Integer> set = new TreeSet<>();
        for (int c : columns) {
            set.add(c);
        }
        return set;
    }

    /**
     * The target columns that hold numbers (regression values, one-hot 0/1), where a number stored as
     * text is read as a number; none for a column of class names, which is text.
     */
    public Set<Integer> numberColumns() {
        return kind == Kind.CLASS_NAME ? Set.of() : columnSet();
    }

    /**
     * Reads the targets of a batch.
     *
     * @param rows   the batch's input rows
     * @param source their source, for messages
     * @throws SheetnetException (INPUT) naming the cell when a target is blank, not a number, not 0/1
     *         (one-hot) or not a class name
     */
    public TargetBatch read(List<InputRow> rows, RowSource source) {
        int n = rows.size();
        if (kind == Kind.REGRESSION) {
            double[] t = new double[n * columns.length];
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < columns.length; j++) {
                    t[r * columns.length + j] = number(rows.get(r), columns[j], source);
                }
            }
            return new TargetBatch(n, t, new int[0]);
        }
        int[] classes = new int[n];
        for (int r = 0; r < n; r++) {
            classes[r] = kind == Kind.CLASS_NAME ? className(rows.get(r), source) : oneHot(rows.get(r), source);
        }
        return new TargetBatch(n, new double[0], classes);
    }

    private double number(InputRow row, int col, RowSource source) {
        if (!row.isNumber(col) || !Double.isFinite(row.number(col))) {
            throw SheetnetException.input(source.locate(row.line(), col) + ": target: expected a number, found "
                    + CellValues.describe(row.value(col)));
        }
        return row.number(col);
    }

    private int className(InputRow row, RowSource source) {
        Object v = row.value(columns[0]);
        String text = v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15
                ? Long.toString(d.longValue()) : v == null ? "" : v.toString().trim();
        int folded = -1;
        for (int j = 0; j < outputs.size(); j++) {
            if (outputs.get(j).equals(text)) {
                return j;
            }
            if (folded < 0 && outputs.get(j).equalsIgnoreCase(text)) {
                folded = j;
            }
        }
        if (folded >= 0) {
            return folded;
        }
        throw SheetnetException.input(source.locate(row.line(), columns[0]) + ": target " + CellValues.describe(v)
                + " is not a class of the model; the classes (output units) are " + quoted(outputs));
    }

    private int oneHot(InputRow row, RowSource source) {
        int hot = -1;
        for (int j = 0; j < columns.length; j++) {
            double v = number(row, columns[j], source);
            if (v != 0 && v != 1 || v == 1 && hot >= 0) {
                throw SheetnetException.input(source.locate(row.line(), columns[j]) + ": one-hot target: expected "
                        + "0 or 1 with exactly one 1 in " + quoted(names) + ", found " + v);
            }
            hot = v == 1 ? j : hot;
        }
        if (hot < 0) {
            throw SheetnetException.input(source.locateRow(row.line()) + ": one-hot target: no 1 in " + quoted(names));
        }
        return hot;
    }

    private static String quoted(List<String> names) {
        List<String> q = new ArrayList<>();
        names.forEach(n -> q.add("\"" + n + "\""));
        return String.join(", ", q);
    }

    /** One line for the Audit sheet: which columns are compared with which outputs, and how. */
    public String describe() {
        return switch (kind) {
            case REGRESSION -> {
                List<String> pairs = new ArrayList<>();
                for (int j = 0; j < names.size(); j++) {
                    pairs.add(names.get(j) + " ↔ " + outputs.get(j));
                }
                yield String.join(", ", pairs) + " (regression: error = prediction − target)";
            }
            case CLASS_NAME -> names.get(0) + " (class names: " + String.join(", ", outputs) + ")";
            case ONE_HOT -> String.join(", ", names) + " (one-hot, one column per class: "
                    + String.join(", ", outputs) + ")";
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Targets t && kind == t.kind && java.util.Arrays.equals(columns, t.columns)
                && names.equals(t.names) && outputs.equals(t.outputs);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(kind, java.util.Arrays.hashCode(columns), names, outputs);
    }

    @Override
    public String toString() {
        return "Targets[" + describe() + "]";
    }
}
