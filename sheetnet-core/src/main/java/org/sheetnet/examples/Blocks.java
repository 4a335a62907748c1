package org.sheetnet.examples;

import java.util.ArrayList;
import java.util.List;

/** Lays out weights, biases and rows as lists of cells for {@link SheetWriter}. */
final class Blocks {

    private Blocks() {
    }

    /** A weights block with a header of unit names and, if given, a first column of input names. */
    static List<List<Object>> weights(double[][] w, List<String> inputs, List<String> units) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        if (inputs != null) {
            header.add("input");
        }
        header.addAll(units);
        rows.add(header);
        for (int i = 0; i < w.length; i++) {
            List<Object> row = new ArrayList<>();
            if (inputs != null) {
                row.add(inputs.get(i));
            }
            for (double v : w[i]) {
                row.add(v);
            }
            rows.add(row);
        }
        return rows;
    }

    /** A bias block: a header row of unit names above one row of values. */
    static List<List<Object>> bias(double[] b, List<String> units) {
        List<Object> values = new ArrayList<>();
        for (double v : b) {
            values.add(v);
        }
        return List.of(new ArrayList<>(units), values);
    }

    /** Unit names prefix1 … prefixN. */
    static List<String> names(String prefix, int n) {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= n; j++) {
            names.add(prefix + j);
        }
        return names;
    }

    /** The Model sheet's header. */
    static List<Object> modelHeader() {
        return List.of("layer", "weights", "bias", "activation", "alpha");
    }

    /** A row of objects. */
    static List<Object> row(Object... cells) {
        List<Object> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(c);
        }
        return row;
    }
}
