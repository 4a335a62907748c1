package org.sheetnet.input;

import java.util.ArrayList;
import java.util.List;
import org.sheetnet.SheetnetException;
import org.sheetnet.model.FeatureScaling;
import org.sheetnet.model.InputPreparation;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.CellValues;

/**
 * Which input column feeds which input of the network, and which columns pass through as row
 * identifiers.
 *
 * <p>When the first weights block names its inputs, each feature is found by name in the header, in
 * any column order (exact match first, then ignoring case); every other column passes through.
 * Otherwise the numeric columns are the features, in order, and their number must match; text
 * columns pass through. A column is numeric when any of the first rows holds a number in it; when
 * that gives too few, columns of numbers stored as text count too (an import may leave them so).
 *
 * @param features     for each network input, the index of its column
 * @param idColumns    columns copied through to every output sheet, in order
 * @param byName       whether features were matched by name
 * @param preparation  the model's x' = (x − offset) / scale per input, or null for none
 * @param log          what the preparation did: defaults used, values out of range
 * @param textNumbers  the feature cells that held numbers stored as text, read as numbers
 */
public record InputBinding(int[] features, int[] idColumns, boolean byName, InputPreparation preparation,
        PreparationLog log, TextNumbers textNumbers) {

    /**
     * Binds the source's columns to the model's inputs, leaving some columns out of the features.
     *
     * @param model    the model: its input names (from the weights or its preparation) match columns
     * @param source   the input source, for its header and messages
     * @param sample   the first rows read, to tell numeric columns from text ones
     * @param excluded columns that are never features (such as expected outputs)
     * @throws SheetnetException (INPUT) when a feature is missing or the counts do not match
     */
    public static InputBinding bind(Model model, RowSource source, List<InputRow> sample,
            java.util.Set<Integer> excluded) {
        Network network = model.network();
        InputBinding b = model.namesInputs()
                ? byName(model.inputNames(), source.header(), source, excluded)
                : byPosition(network, source, sample, excluded);
        return new InputBinding(b.features, b.idColumns, b.byName, model.preparation().orElse(null),
                new PreparationLog(), new TextNumbers());
    }

    private static InputBinding byName(List<String> names, List<String> header, RowSource source,
            java.util.Set<Integer> excluded) {
        int[] features = new int[names.size()];
        List<String> missing = new ArrayList<>();
        boolean[] used = new boolean[header.size()];
        ColumnLookup columns = ColumnLookup.of(header, excluded);
        for (int i = 0; i < features.length; i++) {
            java.util.OptionalInt c = columns.find(names.get(i), "the feature \"" + names.get(i) + "\"", source);
            if (c.isEmpty()) {
                missing.add(names.get(i));
            } else {
                features[i] = c.getAsInt();
                used[c.getAsInt()] = true;
            }
        }
        if (!missing.isEmpty()) {
            throw SheetnetException.input(source.describe() + ": no column for feature"
                    + (missing.size() > 1 ? "s " : " ") + quoted(missing) + "; the model's inputs are "
                    + quoted(names) + " and the header has " + quoted(header));
        }
        return new InputBinding(features, unused(used), true, null, null, null);
    }

    private static InputBinding byPosition(Network network, RowSource source, List<InputRow> sample,
            java.util.Set<Integer> excluded) {
        List<String> header = source.header();
        List<Integer> columns = numericColumns(sample, header.size(), excluded, false);
        if (columns.size() < network.inputWidth()) {
            // Too few columns of numbers: an import may have left whole columns as numbers stored as text.
            List<Integer> withText = numericColumns(sample, header.size(), excluded, true);
            columns = withText.size() == network.inputWidth() ? withText : columns;
        }
        if (columns.size() != network.inputWidth()) {
            List<String> names = new ArrayList<>();
            columns.forEach(c -> names.add(CellRef.columnName(c) + " " + header.get(c)));
            throw SheetnetException.input(source.describe() + ": " + columns.size() + " numeric column"
                    + (columns.size() == 1 ? "" : "s") + " (" + String.join(", ", names) + "), but the first layer takes "
                    + network.inputWidth() + " inputs; name the inputs in the first weights sheet's first column"
                    + " to pick columns by name");
        }
        boolean[] used = new boolean[header.size()];
        int[] features = columns.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < features.length; i++) {
            ColumnLookup.requireUnique(header, features[i], "input " + (i + 1) + " (taken by position from column "
                    + CellRef.columnName(features[i]) + ")", source);
            used[features[i]] = true;
        }
        return new InputBinding(features, unused(used), false, null, null, null);
    }

    // Columns holding a number in some sampled row (or, if asked, numbers stored as text).
    private static List<Integer> numericColumns(List<InputRow> sample, int width, java.util.Set<Integer> excluded,
            boolean text) {
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            boolean numeric = false;
            for (int r = 0; r < sample.size() && !numeric; r++) {
                InputRow row = sample.get(r);
                numeric = row.isNumber(c) || text && row.value(c) instanceof String s && TextNumbers.parse(s) != null;
            }
            if (numeric && !excluded.contains(c)) {
                columns.add(c);
            }
        }
        return columns;
    }

    /**
     * This binding with some columns taken out of the id columns (target columns, which Predictions
     * carries after the outputs instead).
     *
     * @param columns input columns that are not row identifiers
     */
    public InputBinding withoutIds(java.util.Set<Integer> columns) {
        int[] ids = java.util.Arrays.stream(idColumns).filter(c -> !columns.contains(c)).toArray();
        return new InputBinding(features, ids, byName, preparation, log, textNumbers);
    }

    private static int[] unused(boolean[] used) {
        List<Integer> ids = new ArrayList<>();
        for (int c = 0; c < used.length; c++) {
            if (!used[c]) {
                ids.add(c);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String quoted(List<String> names) {
        List<String> q = new ArrayList<>();
        names.forEach(n -> q.add("\"" + n + "\""));
        return String.join(", ", q);
    }

    /** The same binding with a log of its own, for a trial run that must not count in the real one. */
    public InputBinding withFreshLog() {
        return new InputBinding(features, idColumns, byName, preparation, new PreparationLog(), new TextNumbers());
    }

    /**
     * Replaces the numbers stored as text in the rows' feature cells by their numbers, counting them,
     * so that what is copied to an output (the Inputs sheet, which formulas read) holds the numbers scored.
     *
     * @param rows   input rows; modified
     * @param source their source, for the Audit's first cell
     */
    public void storeTextNumbers(List<InputRow> rows, RowSource source) {
        storeTextNumbers(rows, source, java.util.Set.of());
    }

    /**
     * Replaces the numbers stored as text in the rows' feature cells, and in other columns that hold
     * numbers (targets), by their numbers, counting them.
     *
     * @param rows   input rows; modified
     * @param source their source, for the Audit's first cell
     * @param others other columns read as numbers, such as the targets of a regression
     */
    public void storeTextNumbers(List<InputRow> rows, RowSource source, java.util.Set<Integer> others) {
        int[] columns = java.util.stream.IntStream.concat(java.util.Arrays.stream(features),
                others.stream().mapToInt(Integer::intValue)).sorted().distinct().toArray();
        for (InputRow row : rows) {
            for (int column : columns) {
                if (!row.isNumber(column) && row.value(column) instanceof String text) {
                    Double number = textNumbers.number(text, () -> source.locate(row.line(), column));
                    if (number != null) {
                        row.setNumber(column, number);
                    }
                }
            }
        }
    }

    /**
     * Copies one row's raw features into a batch: the number in each feature's cell (a number stored
     * as text counted in {@link #textNumbers()}), or the preparation's default for an empty one. The
     * preparation itself is applied by {@link org.sheetnet.engine.BatchScorer}, the only way rows are scored.
     *
     * @param row    the input row
     * @param source its source, for messages
     * @param x      the batch, row-major; modified
     * @param offset where this row's features start in {@code x}
     * @throws SheetnetException (INPUT) naming the cell when a feature is not a number
     */
    public void raw(InputRow row, RowSource source, double[] x, int offset) {
        for (int i = 0; i < features.length; i++) {
            FeatureScaling scaling = preparation == null ? null : preparation.features().get(i);
            int column = features[i];
            double raw = row.isNumber(column) ? row.number(column) : textOrDefault(row, column, source, scaling);
            if (!Double.isFinite(raw)) {
                throw SheetnetException.input(source.locate(row.line(), features[i]) + ": the number is not finite");
            }
            if (scaling != null && scaling.outOfRange(raw)) {
                log.outOfRange(source.locate(row.line(), features[i]) + " = " + raw + ", outside [" + scaling.min() + ", "
                        + scaling.max() + "]");
            }
            x[offset + i] = raw;
        }
    }

    // A feature cell without a number: the number its text holds (counted), the preparation's default when it is
    // empty, or refused.
    private double textOrDefault(InputRow row, int column, RowSource source, FeatureScaling scaling) {
        Object v = row.value(column);
        Double number = textNumbers.number(v, () -> source.locate(row.line(), column));
        if (number != null) {
            return number;
        }
        if (v == null && scaling != null && scaling.hasDefault()) {
            log.defaulted(source.locate(row.line(), column));
            return scaling.defaultValue();
        }
        throw SheetnetException.input(source.locate(row.line(), column) + ": expected a number, found "
                + CellValues.describe(v));
    }
}
