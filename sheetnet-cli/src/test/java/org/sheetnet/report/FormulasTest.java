package org.sheetnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheetnet.testing.Sheets;

/**
 * The formulas {@code score --formulas} writes, recomputed cell by cell with POI's
 * {@link FormulaEvaluator} (an evaluator independent of sheetnet's engine) and compared with the
 * value sheetnet stored as each formula's cached result, for every activation and for multi-layer
 * networks; and the formula text an analyst sees, against hand-written expectations.
 */
class FormulasTest {

    /** The promise: a formula's recomputed value agrees with its cached value to 1e-12 relative. */
    private static final double TOLERANCE = 1e-12;

    /**
     * Excel has no subnormal numbers: it holds nothing between 0 and 2.2251e-308 ("Excel specifications
     * and limits"), and POI's evaluator, like Excel, gives 0 where a result falls below it (softmax of a
     * row spanning 730 gives e^−730 ≈ 1e-317 in Java). Below this floor a difference is not a deviation.
     */
    private static final double SMALLEST_NORMAL = Double.MIN_NORMAL;

    /**
     * Absolute floor when the whole workbook is recomputed from its inputs. POI's EXP and SQRT differ
     * from Java's by an ulp now and then; where a layer-2 sum of terms of order 1 cancels to 1e-4 or
     * less (mish on the "ones" row gives 2.5e-4 from terms of 0.3), that ulp (1.1e-16) becomes more
     * than 1e-12 of the result although the formula is right (each formula alone is held to 1e-12).
     * A few ulps of terms of order 1 are below 1e-15; the floor leaves a factor 10.
     */
    private static final double CHAINED_FLOOR = 1e-14;

    @TempDir
    Path dir;

    static List<FormulaWorkbooks.Case> activations() {
        return FormulaWorkbooks.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void everyFormulaReproducesItsCachedValue(FormulaWorkbooks.Case c) throws IOException {
        Path model = FormulaWorkbooks.activationModel(dir, c);
        Path out = FormulaWorkbooks.score(model, dir.resolve("scored.xlsx"));
        Set<String> valueOnly = recomputeAll(model, out, true);
        Set<String> expected = FormulaWorkbooks.hasFormula(c.resolve()) ? Set.of() : Set.of(LayerSheets.act(1));
        assertEquals(expected, valueOnly, "sheets the Audit lists as \"values, not formulas\" for " + c);
    }

    @Test
    void sparsemaxIsWrittenAsValuesAndTheAuditSaysSo() throws IOException {
        FormulaWorkbooks.Case sparsemax = new FormulaWorkbooks.Case("sparsemax", java.util.OptionalDouble.empty());
        assertFalse(FormulaWorkbooks.hasFormula(sparsemax.resolve()), "sparsemax has no formula form");
        Path out = FormulaWorkbooks.score(FormulaWorkbooks.activationModel(dir, sparsemax), dir.resolve("scored.xlsx"));
        List<List<Object>> audit = Sheets.rows(out, "Audit");
        assertTrue(audit.stream().anyMatch(r -> r.size() > 1 && "values, not formulas".equals(r.get(0))
                && ((String) r.get(1)).startsWith("L1_act (sparsemax over 4 units")),
                "Audit line \"values, not formulas | L1_act (sparsemax …)\" in " + audit);
        int adjustments = audit.indexOf(List.of("Adjustments", ""));
        assertTrue(adjustments >= 0, "Audit has an Adjustments section: " + audit);
        try (XSSFWorkbook wb = Sheets.open(out)) {
            for (Cell cell : FormulaWorkbooks.computedCells(wb.getSheet("L1_act"), 1)) {
                assertEquals(CellType.NUMERIC, cell.getCellType(), FormulaWorkbooks.where(cell) + " is a value");
            }
            for (Cell cell : FormulaWorkbooks.computedCells(wb.getSheet("L2_pre"), 1)) {
                assertEquals(CellType.FORMULA, cell.getCellType(), FormulaWorkbooks.where(cell)
                        + " is a formula over the values of L1_act");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"workbooks/seed-2-3-2-2-softmax.xlsx", "workbooks/regression-4-20-10-1.xlsx",
        "workbooks/seed-2-3-2-2.xlsx", "workbooks/xor-perceptron.xlsx", "workbooks/logic-gates.xlsx"})
    void multiLayerExamplesReproduceTheirCachedValues(String workbook) throws IOException {
        Path model = Path.of(workbook);
        Path out = FormulaWorkbooks.score(model, dir.resolve("scored.xlsx"));
        assertEquals(Set.of(), recomputeAll(model, out, true), "no sheet written as values");
    }

    /**
     * The sine example (one input, so its layer 1 is written x·w + b rather than MMULT) has an output
     * layer whose sum cancels: terms of ±500 add up to sin(−π) ≈ 1.7e-8 in the first row. POI's EXP
     * differs from Java's by an ulp now and then, and recomputed from the inputs that ulp in a sigmoid
     * becomes about 1e-4 relative in L2_pre!B2 (about 2e-12 absolute). Each formula on its own still
     * reproduces its cached value to 1e-12.
     */
    @Test
    void sineExampleFormulasEachReproduceTheirCachedValue() throws IOException {
        Path model = Path.of("workbooks/sine-1-20-1.xlsx");
        Path out = FormulaWorkbooks.score(model, dir.resolve("scored.xlsx"));
        assertEquals(Set.of(), recomputeAll(model, out, false), "no sheet written as values");
        try (XSSFWorkbook wb = Sheets.open(out)) {
            assertFormula(wb, "L1_pre", "C3", "(L0_inputs!$B3*'W1'!$C$2)+'b1'!$B$2");
        }
    }

    @Test
    void quotedSheetNamesReproduceTheirCachedValues() throws IOException {
        Path model = FormulaWorkbooks.quotedNetwork(dir);
        Path out = FormulaWorkbooks.score(model, dir.resolve("scored.xlsx"));
        assertEquals(Set.of(), recomputeAll(model, out, true), "no sheet written as values");
    }

    /**
     * The formula text, written out by hand for {@link FormulaWorkbooks#quotedNetwork}: parameters absolute and in
     * quoted sheets where the name needs it ({@code 'My params'}, {@code 'O''Neil'}), the row relative
     * (row 3 is the second case), the previous layer's row as a range with absolute columns.
     */
    @Test
    void formulaTextIsReadable() throws IOException {
        Path out = FormulaWorkbooks.score(FormulaWorkbooks.quotedNetwork(dir), dir.resolve("scored.xlsx"));
        try (XSSFWorkbook wb = Sheets.open(out)) {
            assertFormula(wb, "L0_inputs", "C3", "Inputs!C3");
            assertFormula(wb, "L1_pre", "B3", "MMULT(L0_inputs!$B3:$D3,'My params'!$B$2:$B$4)+'My params'!$B$6");
            assertFormula(wb, "L1_pre", "C2", "MMULT(L0_inputs!$B2:$D2,'My params'!$C$2:$C$4)+'My params'!$C$6");
            assertFormula(wb, "L1_act", "C3", "IF(L1_pre!C3>=0,1/(1+EXP(-L1_pre!C3)),EXP(L1_pre!C3)/(1+EXP(L1_pre!C3)))");
            assertFormula(wb, "L2_pre", "B3", "MMULT(L1_act!$B3:$C3,'O''Neil'!$B$2:$B$3)+'O''Neil'!$B$5");
            assertFormula(wb, "L2_act", "C2",
                    "EXP(L2_pre!C2-MAX(L2_pre!$B2:$C2))/(EXP(L2_pre!B2-MAX(L2_pre!$B2:$C2))+EXP(L2_pre!C2-MAX(L2_pre!$B2:$C2)))");
            assertFormula(wb, "Predictions", "B3", "L2_act!B3");
            assertFormula(wb, "Predictions", "D2", "INDEX(L2_act!$B$1:$C$1,1,MATCH(MAX(L2_act!$B2:$C2),L2_act!$B2:$C2,0))");
        }
    }

    private static void assertFormula(XSSFWorkbook wb, String sheet, String a1, String expected) {
        org.apache.poi.ss.util.CellReference ref = new org.apache.poi.ss.util.CellReference(a1);
        Cell cell = wb.getSheet(sheet).getRow(ref.getRow()).getCell(ref.getCol());
        assertEquals(CellType.FORMULA, cell.getCellType(), sheet + "!" + a1 + " is a formula");
        assertEquals(expected, cell.getCellFormula(), sheet + "!" + a1);
    }

    /**
     * Recomputes every formula of the computed sheets with POI, twice, and asserts each time that it
     * equals the cached value to {@link #TOLERANCE} relative; and that every computed cell is a formula
     * unless the Audit lists its sheet as "values, not formulas".
     * <ul>
     * <li>Each formula alone: sheets in workbook order, each frozen to its cached values once checked, so
     * that every formula reads exactly the numbers sheetnet computed from (as {@link FormulaCheck} does).
     * <li>{@code chained}: the whole workbook recomputed from the inputs and parameters, as a spreadsheet
     * does on load, so that any difference propagates, with an absolute floor of {@link #CHAINED_FLOOR};
     * only for networks that do not amplify an ulp beyond it (the sine example does: see
     * {@link #sineExampleFormulasEachReproduceTheirCachedValue}).
     * </ul>
     *
     * @return the sheets the Audit lists as values
     */
    private static Set<String> recomputeAll(Path model, Path out, boolean chained) throws IOException {
        if (chained) {
            recompute(model, out, false);
        }
        return recompute(model, out, true);
    }

    private static Set<String> recompute(Path model, Path out, boolean alone) throws IOException {
        try (XSSFWorkbook wb = Sheets.open(out)) {
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            Set<String> valueOnly = FormulaWorkbooks.valueOnlySheets(wb);
            int ids = FormulaWorkbooks.idColumns(model, wb);
            long formulas = 0;
            List<Sheet> sheets = FormulaWorkbooks.computedSheets(wb);
            assertTrue(sheets.size() >= 4, "L0_inputs, L1_pre, L1_act and Predictions at least: " + sheets);
            for (Sheet sheet : sheets) {
                boolean values = valueOnly.contains(sheet.getSheetName());
                List<Cell> cells = FormulaWorkbooks.computedCells(sheet, ids);
                for (Cell cell : cells) {
                    String where = FormulaWorkbooks.where(cell);
                    if (values) {
                        assertEquals(CellType.NUMERIC, cell.getCellType(), where + " (Audit: values, not formulas)");
                        continue;
                    }
                    assertEquals(CellType.FORMULA, cell.getCellType(), where + " is a formula");
                    assertRecomputes(evaluator, cell, where + " = " + cell.getCellFormula()
                            + (alone ? "" : " (recomputed from the inputs)"), alone ? SMALLEST_NORMAL : CHAINED_FLOOR);
                    formulas++;
                }
                if (alone && !values) {
                    cells.forEach(Cell::removeFormula);
                    evaluator.clearAllCachedResultValues();
                }
            }
            assertTrue(formulas > 0, out + " has formulas");
            return valueOnly;
        }
    }

    private static void assertRecomputes(FormulaEvaluator evaluator, Cell cell, String label, double floor) {
        CellValue v = evaluator.evaluate(cell);
        if (cell.getCachedFormulaResultType() == CellType.STRING) {
            assertEquals(CellType.STRING, v.getCellType(), label + " gives " + v.formatAsString());
            assertEquals(cell.getStringCellValue(), v.getStringValue(), label);
            return;
        }
        assertEquals(CellType.NUMERIC, v.getCellType(), label + " gives " + v.formatAsString());
        double cached = cell.getNumericCellValue();
        if (!FormulaWorkbooks.close(cached, v.getNumberValue(), TOLERANCE, floor)) {
            fail(label + ": recomputed " + v.getNumberValue() + ", cached " + cached + ", relative deviation "
                    + FormulaWorkbooks.relativeDeviation(cached, v.getNumberValue()));
        }
    }
}
