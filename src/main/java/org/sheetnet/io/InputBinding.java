package org.sheetnet.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sheetnet.SheetnetException;
import org.sheetnet.model.Network;

/**
 * Which input column feeds which input of the network, and which columns pass through as row
 * identifiers.
 *
 * <p>When the first weights block names its inputs, each feature is found by name in the header, in
 * any column order (exact match first, then ignoring case); every other column passes through.
 * Otherwise the numeric columns are the features, in order, and their number must match; text
 * columns pass through. A column is numeric when any of the first rows holds a number in it.
 *
 * @param features     for each network input, the index of its column
 * @param idColumns    columns copied through to every output sheet, in order
 * @param byName       whether features were matched by name
 */
public record InputBinding(int[] features, int[] idColumns, boolean byName) {

    /**
     * Binds the source's columns to the network's inputs.
     *
     * @param network the network
     * @param source  the input source, for its header and messages
     * @param sample  the first rows read, to tell numeric columns from text ones
     * @throws SheetnetException (INPUT) when a feature is missing or the counts do not match
     */
    public static InputBinding bind(Network network, RowSource source, List<InputRow> sample) {
        return bind(network, source, sample, java.util.Set.of());
    }

    /**
     * Binds the source's columns to the network's inputs, leaving some columns out of the features.
     *
     * @param excluded columns that are never features (such as expected outputs)
     */
    public static InputBinding bind(Network network, RowSource source, List<InputRow> sample,
            java.util.Set<Integer> excluded) {
        return network.inputNames().isEmpty()
                ? byPosition(network, source, sample, excluded)
                : byName(network.inputNames(), source.header(), source, excluded);
    }

    private static InputBinding byName(List<String> names, List<String> header, RowSource source,
            java.util.Set<Integer> excluded) {
        Map<String, Integer> exact = new HashMap<>();
        Map<String, Integer> folded = new HashMap<>();
        for (int c = header.size() - 1; c >= 0; c--) {
            if (excluded.contains(c)) {
                continue;
            }
            exact.put(header.get(c), c);
            folded.put(header.get(c).toLowerCase(Locale.ROOT), c);
        }
        int[] features = new int[names.size()];
        List<String> missing = new ArrayList<>();
        boolean[] used = new boolean[header.size()];
        for (int i = 0; i < features.length; i++) {
            Integer c = exact.getOrDefault(names.get(i), folded.get(names.get(i).toLowerCase(Locale.ROOT)));
            if (c == null) {
                missing.add(names.get(i));
            } else {
                features[i] = c;
                used[c] = true;
            }
        }
        if (!missing.isEmpty()) {
            throw SheetnetException.input(source.describe() + ": no column for feature"
                    + (missing.size() > 1 ? "s " : " ") + quoted(missing) + "; the model's inputs are "
                    + quoted(names) + " and the header has " + quoted(header));
        }
        return new InputBinding(features, unused(used), true);
    }

    private static InputBinding byPosition(Network network, RowSource source, List<InputRow> sample,
            java.util.Set<Integer> excluded) {
        List<String> header = source.header();
        boolean[] numeric = new boolean[header.size()];
        for (InputRow row : sample) {
            for (int c = 0; c < numeric.length; c++) {
                numeric[c] |= row.values()[c] instanceof Double && !excluded.contains(c);
            }
        }
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < numeric.length; c++) {
            if (numeric[c]) {
                columns.add(c);
            }
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
        for (int c : features) {
            used[c] = true;
        }
        return new InputBinding(features, unused(used), false);
    }

    /**
     * This binding with some columns taken out of the id columns (target columns, which Predictions
     * carries after the outputs instead).
     *
     * @param columns input columns that are not row identifiers
     */
    public InputBinding withoutIds(java.util.Set<Integer> columns) {
        int[] ids = java.util.Arrays.stream(idColumns).filter(c -> !columns.contains(c)).toArray();
        return new InputBinding(features, ids, byName);
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

    /**
     * Copies one row's features into a batch.
     *
     * @param row    the input row
     * @param source its source, for messages
     * @param x      the batch, row-major; modified
     * @param offset where this row's features start in {@code x}
     * @throws SheetnetException (INPUT) naming the cell when a feature is not a number
     */
    public void fill(InputRow row, RowSource source, double[] x, int offset) {
        for (int i = 0; i < features.length; i++) {
            Object v = row.values()[features[i]];
            if (!(v instanceof Double d)) {
                throw SheetnetException.input(source.locate(row.line(), features[i]) + ": expected a number, found "
                        + CellValues.describe(v));
            }
            if (!Double.isFinite(d)) {
                throw SheetnetException.input(source.locate(row.line(), features[i]) + ": the number is not finite");
            }
            x[offset + i] = d;
        }
    }
}
