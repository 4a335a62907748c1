package org.sheetnet.format.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.input.TextNumbers;
import org.sheetnet.model.FeatureScaling;
import org.sheetnet.model.Network;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.CellValues;
import org.sheetnet.sheet.SheetName;

/**
 * The optional {@code Features} sheet of a model workbook: {@code feature | offset | scale | default |
 * min | max}, one row per input of layer 1, in the network's input order or matched by name.
 */
public final class FeaturesSheet {

    /** The sheet's name. */
    public static final String NAME = "Features";

    private static final List<String> COLUMNS = List.of("feature", "offset", "scale", "default", "min", "max");

    /**
     * The preparation read from the sheet, and where each feature's row is (for formulas).
     *
     * @param features one per network input, in the network's order
     * @param rows     the 0-based sheet row of each feature
     * @param columns  the 0-based column of each of offset, scale, default (−1 when absent)
     */
    public record Preparation(List<FeatureScaling> features, int[] rows, Map<String, Integer> columns) {

        /** Names of the features, in the network's order. */
        public List<String> names() {
            List<String> names = new ArrayList<>();
            features.forEach(f -> names.add(f.name()));
            return names;
        }

        /** The cell holding a feature's offset, scale or default, for formulas. */
        public CellRef cell(int feature, String column) {
            return new CellRef(rows[feature], columns.get(column));
        }
    }

    private FeaturesSheet() {
    }

    /**
     * Reads the Features sheet, if the workbook has one.
     *
     * @throws SheetnetException (MODEL) naming the cell when it is malformed or does not match the network
     */
    public static Optional<Preparation> read(Optional<SparseSheet> features, Network network, String file) {
        return read(features, network, file, null);
    }

    /**
     * Reads the Features sheet, if the workbook has one, reading numbers stored as text as numbers.
     *
     * @param textNumbers counts the cells that held numbers stored as text; null to refuse them
     * @throws SheetnetException (MODEL) naming the cell when it is malformed or does not match the network
     */
    public static Optional<Preparation> read(Optional<SparseSheet> features, Network network, String file,
            TextNumbers textNumbers) {
        if (features.isEmpty()) {
            return Optional.empty();
        }
        SparseSheet sheet = features.get();
        int headerRow = Math.max(0, sheet.firstRow());
        Map<String, Integer> cols = header(sheet, headerRow, file);
        List<FeatureScaling> found = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int r = headerRow + 1; r <= sheet.lastRow(); r++) {
            Object name = sheet.value(r, cols.get("feature"));
            if (name == null) {
                continue;
            }
            Cells cells = new Cells(sheet, r, cols, file, textNumbers);
            found.add(new FeatureScaling(name.toString(), cells.number("offset", 0), nonZero(cells),
                    cells.number("default", Double.NaN), cells.number("min", Double.NEGATIVE_INFINITY),
                    cells.number("max", Double.POSITIVE_INFINITY)));
            rows.add(r);
        }
        return Optional.of(order(found, rows, cols, network, file));
    }

    // Puts the features in the network's input order: by name when the network names its inputs.
    private static Preparation order(List<FeatureScaling> found, List<Integer> rows, Map<String, Integer> cols,
            Network network, String file) {
        if (found.size() != network.inputWidth()) {
            throw SheetnetException.model(file + ": the Features sheet lists " + found.size() + " features, but layer 1 takes "
                    + network.inputWidth() + " inputs");
        }
        List<FeatureScaling> ordered = new ArrayList<>(found);
        int[] at = rows.stream().mapToInt(Integer::intValue).toArray();
        if (!network.inputNames().isEmpty()) {
            Map<String, Integer> byName = new HashMap<>();
            for (int i = 0; i < found.size(); i++) {
                byName.put(found.get(i).name().toLowerCase(Locale.ROOT), i);
            }
            for (int i = 0; i < network.inputWidth(); i++) {
                Integer k = byName.get(network.inputNames().get(i).toLowerCase(Locale.ROOT));
                if (k == null) {
                    throw SheetnetException.model(file + ": the Features sheet has no row for input \""
                            + network.inputNames().get(i) + "\" of the first weights block");
                }
                ordered.set(i, found.get(k));
                at[i] = rows.get(k);
            }
        }
        return new Preparation(List.copyOf(ordered), at, cols);
    }

    private static Map<String, Integer> header(SparseSheet sheet, int row, String file) {
        Map<String, Integer> cols = new HashMap<>();
        for (int k = sheet.indexFrom(row, 0); k < sheet.indexFrom(row + 1, 0); k++) {
            if (sheet.valueAt(k) instanceof String s && COLUMNS.contains(s.toLowerCase(Locale.ROOT))) {
                cols.put(s.toLowerCase(Locale.ROOT), sheet.cellAt(k).col());
            }
        }
        if (!cols.containsKey("feature") || !cols.containsKey("scale") || !cols.containsKey("offset")) {
            throw SheetnetException.model(file + ": the Features sheet's first row must be the header "
                    + String.join(" | ", COLUMNS) + " (feature, offset and scale are required)");
        }
        return cols;
    }

    /** The numbers of one feature's row. */
    private record Cells(SparseSheet sheet, int row, Map<String, Integer> cols, String file, TextNumbers textNumbers) {

        double number(String column, double absent) {
            Integer c = cols.get(column);
            Object v = c == null ? null : sheet.value(row, c);
            if (v == null) {
                return absent;
            }
            String at = file + ": " + SheetName.cell(sheet.name(), new CellRef(row, c));
            Double d = v instanceof Double || textNumbers != null ? counted().number(v, () -> at) : null;
            if (d != null && Double.isFinite(d)) {
                return d;
            }
            throw SheetnetException.model(at + ": expected a number for " + column + ", found " + CellValues.describe(v));
        }

        private TextNumbers counted() {
            return textNumbers != null ? textNumbers : new TextNumbers();
        }
    }

    private static double nonZero(Cells cells) {
        double scale = cells.number("scale", 1);
        if (scale == 0) {
            throw SheetnetException.model(cells.file() + ": " + SheetName.cell(cells.sheet().name(),
                    new CellRef(cells.row(), cells.cols().get("scale"))) + ": scale is 0; it divides the input");
        }
        return scale;
    }
}
