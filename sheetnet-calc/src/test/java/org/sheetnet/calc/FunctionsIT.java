package org.sheetnet.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.star.frame.DispatchResultState;
import com.sun.star.sheet.XArrayFormulaRange;
import com.sun.star.sheet.XCellRangeData;
import com.sun.star.table.XCellRange;
import com.sun.star.uno.UnoRuntime;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.testing.Sheets;

/** SHEETNET.PREDICT and SHEETNET.ACT in cells, and sheetnet ▸ Replace sheetnet functions by values. */
class FunctionsIT {

    private static final Path SEED = Path.of("workbooks", "seed-2-3-2-2.xlsx");

    @Test
    void predictGivesThePredictionsOfSheetnetScoreBitForBit() throws Exception {
        List<List<Object>> predictions = Sheets.rows(ScoreIT.scoreWithTheCommandLine(SEED), "Predictions");
        try (Calc calc = Office.shared().open(SEED)) {
            Object[][] named = array(calc, "Inputs", "F1:G4", "=SHEETNET.PREDICT(\"Model\";A1:C4)");
            SameCells.assertSame("PREDICT with a header row", columns(predictions, 1), named);
            Object[][] plain = array(calc, "Inputs", "F8:G10", "=SHEETNET.PREDICT(\"\";B2:C4)");
            SameCells.assertSame("PREDICT without a header row", columns(predictions, 1).subList(1, 4), plain);
        }
    }

    @Test
    void actAppliesEveryActivationAsTheLibraryDoes() throws Exception {
        double[] x = {-2.5, -0.5, 0.5, 3};
        try (Calc calc = Office.shared().open(SEED)) {
            calc.cell("Inputs", "A10").setValue(x[0]);
            calc.cell("Inputs", "B10").setValue(x[1]);
            calc.cell("Inputs", "C10").setValue(x[2]);
            calc.cell("Inputs", "D10").setValue(x[3]);
            int row = 12;
            for (String name : Activations.known()) {
                Activation activation = Activations.of(name);
                double[] expected = new double[activation.outputWidth(x.length)];
                activation.apply(x, 0, x.length, expected, 0);
                String range = "A" + row + ":" + CellRef.columnName(expected.length - 1) + row;
                Object[][] got = array(calc, "Inputs", range, "=SHEETNET.ACT(\"" + name + "\";A10:D10)");
                for (int j = 0; j < expected.length; j++) {
                    assertEquals(Double.doubleToRawLongBits(expected[j]), Double.doubleToRawLongBits((Double) got[0][j]),
                            "SHEETNET.ACT(\"" + name + "\") output " + (j + 1) + ": " + got[0][j] + " vs " + expected[j]);
                }
                row++;
            }
        }
    }

    @Test
    void actInOneCellMatchesClosedForms() throws Exception {
        try (Calc calc = Office.shared().open(SEED)) {
            // gelu(1) = Φ(1) = (1 + erf(1/√2)) / 2 = 0.841344746068542948… (mpmath)
            assertEquals(0.8413447460685429, formula(calc, "H1", "=SHEETNET.ACT(\"gelu\";1)"), 1e-15, "gelu(1)");
            // elu(−1) with alpha 0.5 = 0.5 (e^−1 − 1)
            assertEquals(0.5 * (Math.exp(-1) - 1), formula(calc, "H2", "=SHEETNET.ACT(\"elu\";-1;0.5)"), 1e-15,
                    "elu(-1; 0.5)");
            // swish(2) = 2 / (1 + e^−2)
            assertEquals(2 / (1 + Math.exp(-2)), formula(calc, "H3", "=SHEETNET.ACT(\"swish\";2)"), 1e-15, "swish(2)");
            calc.cell("Inputs", "H4").setFormula("=SHEETNET.ACT(\"sigmoidd\";1)");
            assertNotEquals(0, calc.cell("Inputs", "H4").getError(), "an unknown activation is an error value");
        }
    }

    @Test
    void replaceByValuesKeepsTheNumbersAndRemovesTheFunctions() throws Exception {
        try (Calc calc = Office.shared().open(SEED)) {
            Object[][] predicted = array(calc, "Inputs", "F1:G4", "=SHEETNET.PREDICT(\"Model\";A1:C4)");
            double gelu = formula(calc, "H1", "=SHEETNET.ACT(\"gelu\";1)");
            Path before = Office.temporaryFolder("sheetnet-calc-fn").resolve("with-functions.xlsx");
            calc.saveXlsx(before);
            assertTrue(sheetXml(before).contains("ORG.SHEETNET.CALC.SHEETNETFUNCTIONS.PREDICT("),
                    "the .xlsx stores the add-in's name, which Excel does not know");

            assertEquals(DispatchResultState.SUCCESS, calc.dispatch("Values", false).State, "Values");
            assertEquals("", arrayFormula(calc, "Inputs", "F1:G4"), "F1:G4 is no longer an array formula");
            SameCells.assertSame("F1:G4 after Values", List.of(List.of(predicted[0]), List.of(predicted[1]),
                    List.of(predicted[2]), List.of(predicted[3])), data(calc, "Inputs", "F1:G4"));
            assertEquals(gelu, calc.cell("Inputs", "H1").getValue(), 0, "H1 after Values");
            assertFalse(calc.cell("Inputs", "H1").getFormula().startsWith("="), "H1 holds a value");
            Path after = before.resolveSibling("values.xlsx");
            calc.saveXlsx(after);
            assertFalse(sheetXml(after).toUpperCase(java.util.Locale.ROOT).contains("SHEETNET"),
                    "no sheetnet function is left in the .xlsx");
        }
    }

    private static Object[][] array(Calc calc, String sheet, String range, String formula) throws Exception {
        XCellRange cells = calc.sheets().sheet(sheet).getCellRangeByName(range);
        UnoRuntime.queryInterface(XArrayFormulaRange.class, cells).setArrayFormula(formula);
        return data(calc, sheet, range);
    }

    private static String arrayFormula(Calc calc, String sheet, String range) {
        return UnoRuntime.queryInterface(XArrayFormulaRange.class, calc.sheets().sheet(sheet).getCellRangeByName(range))
                .getArrayFormula();
    }

    private static Object[][] data(Calc calc, String sheet, String range) {
        return UnoRuntime.queryInterface(XCellRangeData.class, calc.sheets().sheet(sheet).getCellRangeByName(range))
                .getDataArray();
    }

    private static double formula(Calc calc, String cell, String formula) throws Exception {
        calc.cell("Inputs", cell).setFormula(formula);
        assertEquals(0, calc.cell("Inputs", cell).getError(), cell + " " + formula + " has no error");
        return calc.cell("Inputs", cell).getValue();
    }

    // Predictions without its first (id) column.
    private static List<List<Object>> columns(List<List<Object>> rows, int from) {
        return rows.stream().map(r -> r.subList(from, r.size())).toList();
    }

    private static String sheetXml(Path xlsx) throws IOException {
        StringBuilder all = new StringBuilder();
        try (InputStream in = Files.newInputStream(xlsx); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().startsWith("xl/worksheets/")) {
                    all.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return all.toString();
    }
}
