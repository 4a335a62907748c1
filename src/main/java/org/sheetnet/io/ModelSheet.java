package org.sheetnet.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.sheetnet.SheetnetException;

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

    static List<Entry> read(Workbook workbook, String file) {
        Sheet sheet = find(workbook, NAME);
        if (sheet == null) {
            throw SheetnetException.model(file + ": no sheet named \"Model\"; it lists the layers with the header "
                    + String.join(" | ", COLUMNS) + " (see templates/model-template.xlsx)");
        }
        int headerRow = sheet.getFirstRowNum();
        Map<String, Integer> cols = header(sheet.getRow(headerRow), file);
        List<Entry> entries = new ArrayList<>();
        for (int r = headerRow + 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || isBlank(row, cols)) {
                continue;
            }
            String weights = text(row, cols.get("weights"), file, true);
            String bias = text(row, cols.get("bias"), file, true);
            String layer = cols.containsKey("layer") ? text(row, cols.get("layer"), file, false) : null;
            String activation = cols.containsKey("activation") ? text(row, cols.get("activation"), file, false) : null;
            Double alpha = cols.containsKey("alpha") ? number(row, cols.get("alpha"), file) : null;
            entries.add(new Entry(r, layer == null ? "layer " + (entries.size() + 1) : layer,
                    weights, bias, activation, alpha, cols));
        }
        if (entries.isEmpty()) {
            throw SheetnetException.model(file + ": the Model sheet lists no layers below its header row");
        }
        return entries;
    }

    /** The sheet of that name (an exact match first, then ignoring case), or null. */
    public static Sheet find(Workbook workbook, String name) {
        Sheet exact = workbook.getSheet(name);
        if (exact != null) {
            return exact;
        }
        for (Sheet s : workbook) {
            if (s.getSheetName().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }

    private static Map<String, Integer> header(Row row, String file) {
        Map<String, Integer> cols = new HashMap<>();
        if (row != null) {
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                if (CellValues.of(cell) instanceof String s) {
                    String key = s.toLowerCase(Locale.ROOT);
                    if (COLUMNS.contains(key)) {
                        cols.put(key, cell.getColumnIndex());
                    }
                }
            }
        }
        if (!cols.containsKey("weights") || !cols.containsKey("bias")) {
            throw SheetnetException.model(file + ": the Model sheet's first row must be the header "
                    + String.join(" | ", COLUMNS) + " (weights and bias are required)");
        }
        return cols;
    }

    private static boolean isBlank(Row row, Map<String, Integer> cols) {
        for (int c : cols.values()) {
            if (CellValues.of(row.getCell(c)) != null) {
                return false;
            }
        }
        return true;
    }

    private static String text(Row row, int col, String file, boolean required) {
        Object v = CellValues.of(row.getCell(col));
        if (v == null && !required) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double d && !required) {
            return d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString();
        }
        throw SheetnetException.model(file + ": " + SheetName.cell(NAME, new CellRef(row.getRowNum(), col))
                + ": expected a sheet name or a range such as Params!B2:K5, found " + CellValues.describe(v));
    }

    private static Double number(Row row, int col, String file) {
        Object v = CellValues.of(row.getCell(col));
        if (v == null || v instanceof Double) {
            return (Double) v;
        }
        throw SheetnetException.model(file + ": " + SheetName.cell(NAME, new CellRef(row.getRowNum(), col))
                + ": expected a number for alpha, found " + CellValues.describe(v));
    }
}
