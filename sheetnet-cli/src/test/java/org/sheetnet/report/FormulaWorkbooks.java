package org.sheetnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;
import org.sheetnet.activation.FormulaRefs;
import org.sheetnet.cli.Main;
import org.sheetnet.examples.SheetWriter;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.sheet.SheetName;

/**
 * Fixtures of the formula tests: one small model workbook per activation, scoring with
 * {@code --formulas}, and the computed cells of an output workbook (everything right of the id
 * columns, below the header, in {@code L0_inputs}, {@code Lk_pre}, {@code Lk_act} and {@code Predictions}).
 */
final class FormulaWorkbooks {

    /** The sheets whose cells sheetnet computes. */
    private static final Pattern COMPUTED = Pattern.compile("L0_inputs|L\\d+_(pre|act)|Predictions");

    /**
     * Inputs (case, x1, x2, x3). Layer 1 has W = [[1, −1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]] and b = 0,
     * so its pre-activations are exactly (x1, −x1, x2, x3): every value below reaches the activation
     * unrounded, with both signs for x1. They cover zero, ±1e-4, ±5e-4 and below (where e^a − 1, tanh and
     * log(1 + e^−|a|) are taken by series), just past the series' cut-off 0.001, the activations' kinks
     * (±0.5 thresholds, ±1, ±3, 6), moderate values, and ±30 and ±700 (exp(700) ≈ 1.0e304 stays finite).
     */
    static final List<List<Object>> INPUTS = List.of(
            List.of("case", "x1", "x2", "x3"),
            List.of("zero", 0, 0, 0),
            List.of("tiny", 1e-4, -1e-4, 5e-4),
            List.of("tinier", 1e-7, 3e-9, -2e-6),
            List.of("past series", 0.0015, -0.002, 0.01),
            List.of("thresholds", 0.5, -0.5, 0.75),
            List.of("ones", 1, -1, 2.5),
            List.of("threes", 3, -3, 6),
            List.of("moderate", -2.75, 7.5, -6.25),
            List.of("thirty", 30, -30, 12),
            List.of("large", 700, -700, 0.25),
            List.of("large negative", -700, 700, -30));

    /** Units of layer 1; glu halves and crelu doubles its width. */
    static final int UNITS = 4;

    private FormulaWorkbooks() {
    }

    /** An activation with the parameter to write in the Model sheet's alpha column, if any. */
    record Case(String activation, OptionalDouble alpha) {
        @Override
        public String toString() {
            return alpha.isPresent() ? activation + " alpha=" + alpha.getAsDouble() : activation;
        }

        Activation resolve() {
            return Activations.find(activation, alpha).orElseThrow();
        }
    }

    /**
     * Every known activation with its default parameter, and those that take a parameter once more with
     * 0.3 (not a binary fraction, so the formula's literal must read back as the same double).
     */
    static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String name : Activations.known()) {
            cases.add(new Case(name, OptionalDouble.empty()));
        }
        for (String described : Activations.withParameter()) {
            cases.add(new Case(described.substring(0, described.indexOf(' ')), OptionalDouble.of(0.3)));
        }
        return cases;
    }

    /** Whether the activation has a formula form (judged on a 4-unit row). */
    static boolean hasFormula(Activation activation) {
        return activation.formula(new FormulaRefs() {
            @Override
            public String cell(int unit) {
                return "A" + (unit + 1);
            }

            @Override
            public int units() {
                return UNITS;
            }

            @Override
            public String row() {
                return "A1:A" + UNITS;
            }
        }, 0).isPresent();
    }

    /**
     * Writes the model 3 → 4 units with the activation → 2 units softmax, inputs {@link #INPUTS}.
     * Layer 2's weights are multiples of 1/16 with both signs, one row per output of layer 1; its biases
     * (0.3, −0.7) are no sum of them, so that where layer 1 gives 0, 1 or about 1 + a/2 (sigmoid at ±30,
     * squareplus near 0) layer 2's sum does not cancel to 1e-7, which would turn the ulp by which POI's
     * EXP or SQRT differs from Java's into 1e-9 relative when recomputed from the inputs.
     *
     * @return the model workbook, {@code dir/model-<case>.xlsx}
     */
    static Path activationModel(Path dir, Case c) throws IOException {
        int width = c.resolve().outputWidth(UNITS);
        List<List<Object>> w2 = new ArrayList<>();
        w2.add(List.of("y1", "y2"));
        for (int i = 0; i < width; i++) {
            w2.add(List.of(((i * 3) % 7 - 3) / 8.0, ((i * 5) % 9 - 4) / 8.0 + 0.0625));
        }
        Object alpha = c.alpha().isPresent() ? (Object) c.alpha().getAsDouble() : null;
        Path model = dir.resolve("model-" + c.toString().replace(' ', '-').replace('=', '-') + ".xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(List.of("layer", "weights", "bias", "activation", "alpha"),
                    Arrays.asList("hidden", "W1", "b1", c.activation(), alpha),
                    List.of("output", "W2", "b2", "softmax")));
            w.sheet("W1", false, List.of(Arrays.asList(null, "h1", "h2", "h3", "h4"),
                    List.of("x1", 1, -1, 0, 0), List.of("x2", 0, 0, 1, 0), List.of("x3", 0, 0, 0, 1)));
            w.sheet("b1", false, List.of(List.of(0, 0, 0, 0)));
            w.sheet("W2", false, w2);
            w.sheet("b2", false, List.of(List.of(0.3, -0.7)));
            w.sheet("Inputs", true, INPUTS);
            w.save(model);
        }
        return model;
    }

    /**
     * A 3 → 2 sigmoid → 2 softmax network whose parameters stand in sheets whose names need quoting:
     * {@code My params} (a space) and {@code O'Neil} (an apostrophe, doubled inside the quotes).
     */
    static Path quotedNetwork(Path dir) throws IOException {
        Path model = dir.resolve("quoted.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(List.of("layer", "weights", "bias", "activation"),
                    List.of("hidden", "'My params'!A1:C4", "'My params'!B6:C6", "sigmoid"),
                    List.of("out", "'O''Neil'!A1:C3", "'O''Neil'!B5:C5", "softmax")));
            w.sheet("My params", false, List.of(Arrays.asList(null, "p", "q"), List.of("a", 0.5, -1.25),
                    List.of("b", 2, 0.75), List.of("c", -0.125, 3), List.of(), List.of("bias", 0.1, -0.2)));
            w.sheet("O'Neil", false, List.of(Arrays.asList(null, "yes", "no"), List.of("p", 1.5, -0.5),
                    List.of("q", -2, 2.25), List.of(), List.of("bias", 0.3, -0.3)));
            w.sheet("Inputs", true, List.of(List.of("id", "a", "b", "c"), List.of("first", 1, 2, 3),
                    List.of("second", -0.5, 4, -1), List.of("third", 0, 0, 0)));
            w.save(model);
        }
        return model;
    }

    /** Scores a model with {@code --formulas} through the command line, asserting success. */
    static Path score(Path model, Path out) {
        String[] args = {"score", model.toString(), "--formulas", "--quiet", "--force", "--out", out.toString()};
        assertEquals(0, Main.run(args), "exit code of sheetnet " + String.join(" ", args));
        return out;
    }

    /** The computed sheets of an output workbook, in workbook order. */
    static List<Sheet> computedSheets(Workbook output) {
        List<Sheet> sheets = new ArrayList<>();
        for (Sheet sheet : output) {
            if (COMPUTED.matcher(sheet.getSheetName()).matches()) {
                sheets.add(sheet);
            }
        }
        return sheets;
    }

    /** Number of id columns the output carries: L1_pre's header width minus layer 1's units. */
    static int idColumns(Path model, Workbook output) {
        try (ModelWorkbook m = ModelReader.read(model)) {
            return output.getSheet(LayerSheets.pre(1)).getRow(0).getLastCellNum() - m.network().layers().get(0).units();
        }
    }

    /** The computed cells of a sheet, row by row; a missing cell is an assertion failure. */
    static List<Cell> computedCells(Sheet sheet, int ids) {
        int columns = sheet.getRow(0).getLastCellNum();
        List<Cell> cells = new ArrayList<>();
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            for (int c = ids; c < columns; c++) {
                Cell cell = row == null ? null : row.getCell(c);
                if (cell == null || cell.getCellType() == CellType.BLANK) {
                    throw new AssertionError(SheetName.cell(sheet.getSheetName(), new CellRef(r, c)) + " is empty");
                }
                cells.add(cell);
            }
        }
        return cells;
    }

    /** {@code L1_act!C3}. */
    static String where(Cell cell) {
        return SheetName.cell(cell.getSheet().getSheetName(), new CellRef(cell.getRowIndex(), cell.getColumnIndex()));
    }

    /** The sheets the Audit's Adjustments section lists as "values, not formulas", by sheet name. */
    static Set<String> valueOnlySheets(Workbook output) {
        Set<String> sheets = new LinkedHashSet<>();
        for (Row row : output.getSheet("Audit")) {
            Optional<String> label = text(row.getCell(0));
            if (label.filter("values, not formulas"::equals).isPresent()) {
                String value = text(row.getCell(1)).orElseThrow(() -> new AssertionError(
                        "Audit row " + (row.getRowNum() + 1) + ": \"values, not formulas\" without a sheet"));
                sheets.add(value.split(" ", 2)[0]);
            }
        }
        return sheets;
    }

    private static Optional<String> text(Cell cell) {
        return cell != null && cell.getCellType() == CellType.STRING ? Optional.of(cell.getStringCellValue())
                : Optional.empty();
    }

    /** Whether two doubles agree within {@code relative}, or within {@code absolute} near zero. */
    static boolean close(double expected, double actual, double relative, double absolute) {
        double diff = Math.abs(expected - actual);
        return expected == actual || diff <= absolute || diff <= relative * Math.max(Math.abs(expected), Math.abs(actual));
    }

    /** |expected − actual| / max(|expected|, |actual|), 0 when equal. */
    static double relativeDeviation(double expected, double actual) {
        return expected == actual ? 0 : Math.abs(expected - actual) / Math.max(Math.abs(expected), Math.abs(actual));
    }
}
