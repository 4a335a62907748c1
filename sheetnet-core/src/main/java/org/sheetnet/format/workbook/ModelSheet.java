package org.sheetnet.format.workbook;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sheetnet.SheetnetException;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.CellValues;
import org.sheetnet.sheet.SheetName;

/**
 * The rows of the {@code Model} sheet: {@code layer | weights | bias | activation | alpha}, one
 * Dense layer per row, read as text with the cell each came from.
 */
public final class ModelSheet {

    static final String NAME = "Model";
    static final List<String> COLUMNS = List.of("layer", "weights", "bias", "activation", "alpha");

    /** One row of the Model sheet; {@code alpha} is null when blank. */
    record Entry(int row, String layer, String weights, String bias, String activation, Double alpha,
            Map<String, Integer> columns) {

        /** The cell of this row in the named column, for messages. */
        String cell(String column) {
            return SheetName.cell(NAME, new CellRef(row, columns.getOrDefault(column, 0)));
        }
    }

    private ModelSheet() {
    }

    /**
     * Reads the layer rows of the Model sheet.
     *
     * @param sheet the Model sheet, or null when the workbook has none
     * @throws SheetnetException (MODEL) naming the cell at fault
     */
    static List<Entry> read(SparseSheet sheet, String file) {
        if (sheet == null) {
            throw SheetnetException.model(file + ": no sheet named \"Model\"; it lists the layers with the header "
                    + String.join(" | ", COLUMNS) + " (see templates/model-template.xlsx)");
        }
        int headerRow = Math.max(0, sheet.firstRow());
        Map<String, Integer> cols = header(sheet, headerRow, file);
        List<Entry> entries = new ArrayList<>();
        for (int r = headerRow + 1; r <= sheet.lastRow(); r++) {
            if (isBlank(sheet, r, cols)) {
                continue;
            }
            String weights = text(sheet, r, cols.get("weights"), file, true);
            String bias = text(sheet, r, cols.get("bias"), file, true);
            String layer = cols.containsKey("layer") ? text(sheet, r, cols.get("layer"), file, false) : null;
            String activation = cols.containsKey("activation") ? text(sheet, r, cols.get("activation"), file, false) : null;
            Double alpha = cols.containsKey("alpha") ? number(sheet, r, cols.get("alpha"), file) : null;
            entries.add(new Entry(r, layer == null ? "layer " + (entries.size() + 1) : layer,
                    weights, bias, activation, alpha, cols));
        }
        if (entries.isEmpty()) {
            throw SheetnetException.model(file + ": the Model sheet lists no layers below its header row");
        }
        return entries;
    }

    private static Map<String, Integer> header(SparseSheet sheet, int row, String file) {
        Map<String, Integer> cols = new HashMap<>();
        for (int k = sheet.indexFrom(row, 0); k < sheet.indexFrom(row + 1, 0); k++) {
            if (sheet.valueAt(k) instanceof String s) {
                String key = s.toLowerCase(Locale.ROOT);
                if (COLUMNS.contains(key)) {
                    cols.put(key, sheet.cellAt(k).col());
                }
            }
        }
        if (!cols.containsKey("weights") || !cols.containsKey("bias")) {
            throw SheetnetException.model(file + ": the Model sheet's first row must be the header "
                    + String.join(" | ", COLUMNS) + " (weights and bias are required)");
        }
        return cols;
    }

    private static boolean isBlank(SparseSheet sheet, int row, Map<String, Integer> cols) {
        for (int c : cols.values()) {
            if (sheet.value(row, c) != null) {
                return false;
            }
        }
        return true;
    }

    private static String text(SparseSheet sheet, int row, int col, String file, boolean required) {
        Object v = sheet.value(row, col);
        if (v == null && !required) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double d && !required) {
            return d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString();
        }
        throw SheetnetException.model(file + ": " + SheetName.cell(NAME, new CellRef(row, col))
                + ": expected a sheet name or a range such as Params!B2:K5, found " + CellValues.describe(v));
    }

    private static Double number(SparseSheet sheet, int row, int col, String file) {
        Object v = sheet.value(row, col);
        if (v == null || v instanceof Double) {
            return (Double) v;
        }
        throw SheetnetException.model(file + ": " + SheetName.cell(NAME, new CellRef(row, col))
                + ": expected a number for alpha, found " + CellValues.describe(v));
    }
}
