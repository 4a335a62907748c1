package org.sheetnet.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.sheetnet.SheetnetException;
import org.sheetnet.sheet.CellValues;
import org.sheetnet.input.ColumnLookup;
import org.sheetnet.input.CsvRowSource;
import org.sheetnet.input.CsvSettings;
import org.sheetnet.input.InputRow;
import org.sheetnet.input.RowSource;
import org.sheetnet.input.TextNumbers;
import org.sheetnet.input.XlsxStreamRowSource;
import org.sheetnet.train.Dataset;

/**
 * The rows of a data file (.csv, or a sheet of an .xlsx) turned into a {@link Dataset}: feature
 * and target columns found by name, every feature cell a number, and class targets one-hot encoded.
 * A number stored as text where a number is needed is read as its number and counted, as score
 * reads one, and the rows keep it as a number (the trained model's Inputs sheet holds numbers).
 *
 * @param source      the file (and sheet) the rows came from, for messages and the Audit sheet
 * @param header      the header row
 * @param rows        every non-blank row, in order
 * @param features    column index of each feature
 * @param targets     column index of each target column
 * @param classes     class labels, sorted, when one target column holds classes; empty for regression
 *                    or one-hot target columns
 * @param dataset     the numbers
 * @param reading     how a CSV file's text was read (encoding, separator, decimal mark), for the Audit
 * @param textNumbers the feature and target cells that held numbers stored as text, read as numbers
 */
public record TrainingData(String source, List<String> header, List<InputRow> rows, int[] features, int[] targets,
        List<String> classes, Dataset dataset, Optional<String> reading, TextNumbers textNumbers) {

    /**
     * Reads and checks a data file.
     *
     * @param file           a .csv or .xlsx file
     * @param sheet          the sheet of an .xlsx, or empty for its first sheet
     * @param featureNames   feature columns, or empty for every numeric column that is not a target
     * @param targetNames    target columns, or empty for the last column
     * @param classification whether targets are classes: yes, no, or empty to decide from the data
     *                       (one target column holding text)
     * @throws SheetnetException (FILE) if the file cannot be read, (INPUT) naming the cell of any bad value
     */
    public static TrainingData read(Path file, Optional<String> sheet, List<String> featureNames,
            List<String> targetNames, Optional<Boolean> classification) {
        return read(file, sheet, CsvSettings.DETECT, featureNames, targetNames, classification);
    }

    /**
     * Reads and checks a data file, a CSV one in the dialect the user gave (the rest detected).
     *
     * @param csv what the user said about a CSV file's separator and numbers
     * @see #read(Path, Optional, List, List, Optional)
     */
    public static TrainingData read(Path file, Optional<String> sheet, CsvSettings csv, List<String> featureNames,
            List<String> targetNames, Optional<Boolean> classification) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            try (RowSource source = new CsvRowSource(file, csv)) {
                return from(source, featureNames, targetNames, classification);
            }
        }
        try (RowSource source = new XlsxStreamRowSource(file, sheet.orElse(null))) {
            return from(source, featureNames, targetNames, classification);
        }
    }

    private static TrainingData from(RowSource source, List<String> featureNames, List<String> targetNames,
            Optional<Boolean> classification) {
        List<InputRow> rows = new ArrayList<>();
        for (InputRow row = source.next(); row != null; row = source.next()) {
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw SheetnetException.input(source.describe() + ": no data rows below the header");
        }
        List<String> header = source.header();
        int[] targets = targetNames.isEmpty() ? new int[] {header.size() - 1} : columns(targetNames, header, source, "--targets");
        int[] features = featureNames.isEmpty() ? numericOthers(header, rows.get(0), targets, source)
                : columns(featureNames, header, source, "--features");
        // The trained model names its inputs and outputs after these columns: each name must be one column's.
        for (int c : features) {
            ColumnLookup.requireUnique(header, c, "the feature \"" + header.get(c) + "\"", source);
        }
        for (int c : targets) {
            ColumnLookup.requireUnique(header, c, "the target \"" + header.get(c) + "\"", source);
        }
        boolean classes = classification.orElse(targets.length == 1 && rows.get(0).value(targets[0]) instanceof String);
        int n = rows.size();
        List<String> labels = classes && targets.length == 1 ? labels(rows, targets[0], source) : List.of();
        TextNumbers textNumbers = requireNumbers(rows, labels.isEmpty() ? both(features, targets) : features, source);
        double[] x = numbers(rows, features);
        double[] t = labels.isEmpty() ? numbers(rows, targets) : oneHot(rows, targets[0], labels);
        List<String> outputNames = labels.isEmpty() ? names(header, targets) : labels;
        return new TrainingData(source.describe(), header, List.copyOf(rows), features, targets, labels,
                new Dataset(n, x, t, names(header, features), outputNames), source.reading(), textNumbers);
    }

    private static int[] columns(List<String> wanted, List<String> header, RowSource source, String option) {
        int[] cols = new int[wanted.size()];
        for (int i = 0; i < cols.length; i++) {
            String w = wanted.get(i).trim();
            int c = ColumnLookup.find(header, w, java.util.Set.of(), option + " \"" + w + "\"", source).orElse(-1);
            if (c < 0) {
                throw SheetnetException.input(source.describe() + ": " + option + " names a column \"" + w
                        + "\" that the header does not have; it has: " + String.join(", ", header));
            }
            cols[i] = c;
        }
        return cols;
    }

    private static int[] numericOthers(List<String> header, InputRow first, int[] targets, RowSource source) {
        List<Integer> cols = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            final int col = c;
            boolean target = java.util.Arrays.stream(targets).anyMatch(t -> t == col);
            if (!target && first.isNumber(c)) {
                cols.add(c);
            }
        }
        if (cols.isEmpty()) {
            throw SheetnetException.input(source.describe() + ": no numeric column besides the targets to train on;"
                    + " name the features with --features");
        }
        return cols.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Makes every cell of those columns a number, in reading order (row by row, columns left to right),
     * so that the first cell refused, and the first text number counted, is the first in the file: a
     * number stored as text becomes its number; anything else is refused naming its cell.
     */
    private static TextNumbers requireNumbers(List<InputRow> rows, int[] cols, RowSource source) {
        TextNumbers textNumbers = new TextNumbers();
        for (InputRow row : rows) {
            for (int c : cols) {
                Double d = row.isNumber(c) ? (Double) row.number(c)
                        : textNumbers.number(row.value(c), () -> source.locate(row.line(), c));
                if (d == null || !Double.isFinite(d)) {
                    throw SheetnetException.input(source.locate(row.line(), c) + ": expected a number, found "
                            + CellValues.describe(row.value(c)));
                }
                if (!row.isNumber(c)) {
                    row.setNumber(c, d);
                }
            }
        }
        return textNumbers;
    }

    // Features and targets, each column once, left to right.
    private static int[] both(int[] features, int[] targets) {
        return java.util.stream.IntStream.concat(java.util.Arrays.stream(features), java.util.Arrays.stream(targets))
                .distinct().sorted().toArray();
    }

    private static double[] numbers(List<InputRow> rows, int[] cols) {
        double[] v = new double[rows.size() * cols.length];
        for (int r = 0; r < rows.size(); r++) {
            for (int i = 0; i < cols.length; i++) {
                v[r * cols.length + i] = rows.get(r).number(cols[i]);
            }
        }
        return v;
    }

    // Labels sorted as numbers when all are numbers, otherwise as text (as scikit-learn's LabelEncoder).
    private static List<String> labels(List<InputRow> rows, int col, RowSource source) {
        boolean numeric = true;
        for (InputRow row : rows) {
            Object v = row.value(col);
            if (v == null) {
                throw SheetnetException.input(source.locate(row.line(), col) + ": expected a class label, found "
                        + CellValues.describe(v));
            }
            numeric &= v instanceof Double;
        }
        Comparator<String> order = numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeSet<String> set = new TreeSet<>(order);
        rows.forEach(row -> set.add(label(row.value(col))));
        if (set.size() < 2) {
            throw SheetnetException.input(source.describe() + ": the target column holds only one class (" + set.first() + ")");
        }
        return List.copyOf(set);
    }

    private static double[] oneHot(List<InputRow> rows, int col, List<String> labels) {
        double[] t = new double[rows.size() * labels.size()];
        for (int r = 0; r < rows.size(); r++) {
            t[r * labels.size() + labels.indexOf(label(rows.get(r).value(col)))] = 1;
        }
        return t;
    }

    /** A class label as text: numbers as written, 2.0 → "2". */
    static String label(Object v) {
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        return v instanceof CellValues.ErrorValue e ? e.code() : v.toString();
    }

    private static List<String> names(List<String> header, int[] cols) {
        List<String> names = new ArrayList<>();
        for (int c : cols) {
            names.add(header.get(c));
        }
        return names;
    }
}
