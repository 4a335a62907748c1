package org.sheetnet.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sheetnet.SheetnetException;
import org.sheetnet.engine.BatchScorer;
import org.sheetnet.engine.ForwardTrace;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.CellValues;
import org.sheetnet.input.InputBinding;
import org.sheetnet.input.InputRow;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.sheet.SheetName;
import org.sheetnet.input.RowSource;
import org.sheetnet.input.XlsxStreamRowSource;
import org.sheetnet.report.ValueDigest;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;
import org.sheetnet.report.FormulaCheck;
import org.sheetnet.report.LayerSheets;
import org.sheetnet.xlsx.PoiWorkbooks;

/**
 * Re-checks an output workbook received later: recomputes every layer from the parameter and input
 * sheets it contains, compares with the values it holds, recomputes its formulas, and checks that
 * the value hashes in its Audit sheet still match its contents.
 */
public final class VerifyJob {

    /**
     * The comparison of one sheet.
     *
     * @param sheet     the sheet's name
     * @param cells     number of numbers compared
     * @param worst     largest relative deviation |stored − recomputed| / max(|stored|, |recomputed|)
     * @param firstBad  the first cell beyond tolerance, with both values, or empty
     */
    public record SheetResult(String sheet, long cells, double worst, String firstBad) {
    }

    /**
     * A hash recorded in the Audit sheet and the one recomputed now.
     *
     * @param what     what it covers
     * @param recorded as recorded, or empty if absent
     * @param actual   as recomputed
     */
    public record HashResult(String what, String recorded, String actual) {
        /** Whether the recorded hash matches. */
        public boolean matches() {
            return recorded.equals(actual);
        }
    }

    /**
     * Everything verify found.
     *
     * @param sheets    one entry per compared sheet
     * @param hashes    one entry per recorded hash
     * @param formulas  the formula recomputation, if the workbook has formulas
     * @param checks    the check vectors, if the model has any
     * @param tolerance the tolerance applied
     */
    public record Report(List<SheetResult> sheets, List<HashResult> hashes, Optional<FormulaCheck.Result> formulas,
            Optional<CheckVectors.Result> checks, double tolerance) {

        /** Whether every number, formula and hash reproduces. */
        public boolean passes() {
            return sheets.stream().allMatch(s -> s.firstBad().isEmpty())
                    && hashes.stream().allMatch(HashResult::matches)
                    && formulas.map(f -> f.passes(tolerance)).orElse(true)
                    && checks.map(CheckVectors.Result::passes).orElse(true);
        }
    }

    private VerifyJob() {
    }

    /**
     * Verifies an output workbook; the file is only read.
     *
     * @param file      the workbook written by {@code sheetnet score}
     * @param tolerance largest relative deviation accepted
     * @throws SheetnetException if the workbook is not a sheetnet output (no Model, Inputs or Audit sheet)
     */
    public static Report run(Path file, double tolerance) {
        requireWorkbook(file);
        try (ModelWorkbook model = ModelReader.read(file);
                Poi poi = new Poi(PoiWorkbooks.open(file));
                RowSource source = inputs(model, poi.workbook())) {
            Workbook wb = poi.workbook();
            Map<String, List<String>> audit = auditLines(require(wb, "Audit", file.getFileName().toString()));
            List<InputRow> rows = new ArrayList<>();
            ValueDigest inputDigest = new ValueDigest();
            source.header().forEach(inputDigest::add);
            for (InputRow row = source.next(); row != null; row = source.next()) {
                rows.add(row);
                inputDigest.addRow(row);
            }
            Network network = model.network();
            InputBinding binding = bind(model, source, rows, audit.getOrDefault(RunRecord.TARGET_COLUMNS, List.of()));
            List<SheetResult> sheets = compare(wb, model, binding, source, rows, tolerance);
            List<HashResult> hashes = hashes(model, audit, inputDigest.hex());
            Optional<FormulaCheck.Result> formulas = hasFormulas(wb) ? Optional.of(FormulaCheck.run(wb)) : Optional.empty();
            Optional<CheckVectors.Result> checks = CheckVectors.evaluate(model.model(), CheckVectors.DEFAULT_TOLERANCE);
            return new Report(sheets, hashes, formulas, checks, tolerance);
        }
    }

    // A model file of another format can only be a run's input, never its output: say what to do instead.
    private static void requireWorkbook(Path file) {
        ModelFile.Format format = ModelFile.Format.of(file);
        if (format.imported()) {
            throw SheetnetException.file(file.getFileName() + ": " + format.describe() + "s are models, not"
                    + " workbooks written by sheetnet score; verify checks a score output (sheetnet score "
                    + file.getFileName() + " --input ROWS --out OUT.xlsx, then sheetnet verify OUT.xlsx)", null);
        }
    }

    // The inputs are read by the same streaming reader as any input sheet: one rule for every cell.
    private static RowSource inputs(ModelWorkbook model, Workbook wb) {
        require(wb, "Inputs", model.pkg().fileName());
        return XlsxStreamRowSource.of(model.pkg(), "Inputs");
    }

    // POI's workbook, reverted (never saved) when done so the file is only read.
    private record Poi(XSSFWorkbook workbook) implements AutoCloseable {
        @Override
        public void close() {
            workbook.getPackage().revert();
        }
    }

    // Target columns (--target) were neither features nor id columns: Predictions has them after the outputs.
    private static InputBinding bind(ModelWorkbook model, RowSource source, List<InputRow> rows, List<String> targets) {
        java.util.Set<Integer> columns = new java.util.TreeSet<>();
        for (String t : targets) {
            int c = source.header().indexOf(t);
            if (c >= 0) {
                columns.add(c);
            }
        }
        return InputBinding.bind(model.model(), source, rows, columns).withoutIds(columns);
    }

    private static Sheet require(Workbook wb, String sheet, String file) {
        Sheet s = wb.getSheet(sheet);
        if (s == null) {
            throw SheetnetException.model(file + ": no sheet named \"" + sheet + "\"; verify reads workbooks written by"
                    + " sheetnet score");
        }
        return s;
    }

    private static List<SheetResult> compare(Workbook wb, ModelWorkbook model, InputBinding binding,
            RowSource source, List<InputRow> rows, double tolerance) {
        Network network = model.network();
        int width = network.inputWidth();
        double[] x = new double[rows.size() * width];
        ForwardTrace trace = BatchScorer.onCallingThread(model.model()).score(rows.size(),
                (r, into, offset) -> binding.raw(rows.get(r), source, into, offset), x,
                e -> new SheetnetException(SheetnetException.Problem.MISMATCH, source.locateRow(rows.get(e.row()).line())
                        + ": layer " + e.layer() + " now gives a non-finite " + e.stage() + "; the parameters were edited"));
        int ids = binding.idColumns().length;
        List<SheetResult> results = new ArrayList<>();
        for (String l0 : List.of("L0_inputs", "L0_prepared")) {
            if (wb.getSheet(l0) != null) {
                results.add(compareSheet(wb, l0, x, width, ids, rows.size(), tolerance));
            }
        }
        for (int k = 0; k < network.depth(); k++) {
            ForwardTrace.LayerValues v = trace.layers().get(k);
            results.add(compareSheet(wb, LayerSheets.pre(k + 1), v.pre(), v.units(), ids, rows.size(), tolerance));
            results.add(compareSheet(wb, LayerSheets.act(k + 1), v.act(), v.width(), ids, rows.size(), tolerance));
        }
        ForwardTrace.LayerValues out = trace.output();
        results.add(compareSheet(wb, "Predictions", out.act(), out.width(), ids, rows.size(), tolerance));
        return results;
    }

    private static SheetResult compareSheet(Workbook wb, String name, double[] values, int width, int ids, int rows,
            double tolerance) {
        Sheet sheet = wb.getSheet(name);
        if (sheet == null) {
            return new SheetResult(name, 0, Double.NaN, "the sheet is missing");
        }
        double worst = 0;
        String firstBad = "";
        long cells = 0;
        for (int r = 0; r < rows; r++) {
            Row row = sheet.getRow(r + 1);
            for (int j = 0; j < width; j++) {
                CellRef at = new CellRef(r + 1, ids + j);
                Object stored = row == null ? null : CellValues.of(row.getCell(ids + j));
                double expected = values[r * width + j];
                cells++;
                double deviation = stored instanceof Double d ? deviation(d, expected) : Double.POSITIVE_INFINITY;
                worst = Math.max(worst, deviation);
                if (deviation > tolerance && firstBad.isEmpty()) {
                    firstBad = SheetName.cell(name, at) + " holds " + CellValues.describe(stored)
                            + ", recomputed " + expected;
                }
            }
        }
        if (firstBad.isEmpty() && sheet.getLastRowNum() > rows) {
            firstBad = name + " has rows below row " + (rows + 1) + " that no input row accounts for";
        }
        return new SheetResult(name, cells, worst, firstBad);
    }

    static double deviation(double stored, double recomputed) {
        if (stored == recomputed) {
            return 0;
        }
        return Math.abs(stored - recomputed) / Math.max(Math.max(Math.abs(stored), Math.abs(recomputed)), Double.MIN_NORMAL);
    }

    private static List<HashResult> hashes(ModelWorkbook model, Map<String, List<String>> audit, String inputs) {
        List<HashResult> hashes = new ArrayList<>();
        hashes.add(new HashResult("Inputs values", first(audit.get(RunRecord.INPUTS_DIGEST), 0), inputs));
        List<String> header = audit.getOrDefault("Layers", List.of());
        int w = header.indexOf(RunRecord.WEIGHTS_DIGEST);
        int b = header.indexOf(RunRecord.BIAS_DIGEST);
        Network network = model.network();
        for (int k = 0; k < network.depth(); k++) {
            DenseLayer layer = network.layers().get(k);
            List<String> line = audit.get("layer " + (k + 1));
            hashes.add(new HashResult("layer " + (k + 1) + " weights " + model.sources().get(k).weights(),
                    first(line, w), ValueDigest.of(layer.weights())));
            hashes.add(new HashResult("layer " + (k + 1) + " bias " + model.sources().get(k).bias(),
                    first(line, b), ValueDigest.of(layer.bias())));
        }
        return hashes;
    }

    private static String first(List<String> line, int index) {
        return line == null || index < 0 || index >= line.size() ? "" : line.get(index);
    }

    // Audit lines by their label in column A; the values after it, from column B.
    private static Map<String, List<String>> auditLines(Sheet audit) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (Row row : audit) {
            Object label = CellValues.of(row.getCell(0));
            if (!(label instanceof String s)) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int c = 1; c < row.getLastCellNum(); c++) {
                Object v = CellValues.of(row.getCell(c));
                values.add(v == null ? "" : v.toString());
            }
            lines.putIfAbsent(s, values);
        }
        return lines;
    }

    private static boolean hasFormulas(Workbook wb) {
        for (Sheet sheet : wb) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
