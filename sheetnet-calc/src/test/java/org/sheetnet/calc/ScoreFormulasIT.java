package org.sheetnet.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.star.frame.DispatchResultEvent;
import com.sun.star.frame.DispatchResultState;
import com.sun.star.sheet.XCalculatable;
import com.sun.star.uno.UnoRuntime;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.job.ScoreJob;
import org.sheetnet.job.ScoreOptions;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.testing.Sheets;

/**
 * sheetnet ▸ Score with formulas adds the sheets {@code sheetnet score --formulas} writes, their computed
 * cells live formulas wherever the command line writes one; once Calc has recalculated them, their
 * values are {@code sheetnet score}'s within 1e-12 relative to the size of the terms summed (Calc's
 * arithmetic, not sheetnet's: its MMULT may add in another order).
 */
class ScoreFormulasIT {

    @ParameterizedTest
    @ValueSource(strings = {"seed-2-3-2-2.xlsx", "seed-2-3-2-2-softmax.xlsx", "regression-4-20-10-1.xlsx",
            "sine-1-20-1.xlsx", "logic-gates.xlsx", "xor-perceptron.xlsx"})
    void calcRecalculatesTheFormulasToTheCommandLinesValues(String workbook) throws Exception {
        Path model = Path.of("workbooks", workbook);
        Path values = score(model, false, "values.xlsx");
        Path formulas = score(model, true, "formulas.xlsx");
        List<String> written = outputSheets(Sheets.names(formulas));
        try (Calc calc = Office.shared().open(model)) {
            DispatchResultEvent result = calc.dispatch("ScoreFormulas", false);
            assertEquals(DispatchResultState.SUCCESS, result.State, "Score with formulas: " + result.Result);
            List<String> added = calc.sheetNames().subList(Sheets.names(model).size(), calc.sheetNames().size());
            assertEquals(written, added, "the sheets added, in the order sheetnet score --formulas writes them");

            int formulaCells = 0;
            for (String sheet : written) {
                for (CellRef at : formulaCells(formulas, sheet)) {
                    String f = calc.cell(sheet, at.toString()).getFormula();
                    assertTrue(f.startsWith("="), sheet + "!" + at + " holds a formula, found \"" + f + "\"");
                    formulaCells++;
                }
            }
            assertTrue(formulaCells > 0, "formula cells compared");

            UnoRuntime.queryInterface(XCalculatable.class, calc.document()).calculateAll();
            Network network = Sheetnet.load(model).model().network();
            String features = written.contains("L0_prepared") ? "L0_prepared" : "L0_inputs";
            List<List<Object>> previous = Sheets.rows(formulas, features);
            int numbers = 0;
            for (int k = 1; k <= network.depth(); k++) {
                double[] scale = termScale(network.layers().get(k - 1), previous);
                for (String sheet : List.of("L" + k + "_pre", "L" + k + "_act")) {
                    numbers += assertWithinTheTerms(sheet, Sheets.rows(values, sheet), calc.data(sheet), scale);
                }
                if (k == network.depth()) {
                    numbers += assertWithinTheTerms("Predictions", Sheets.rows(values, "Predictions"),
                            calc.data("Predictions"), scale);
                }
                previous = Sheets.rows(values, "L" + k + "_act");
            }
            assertTrue(numbers > 0, "numbers compared");
        }
    }

    /**
     * For each row, the largest sum of the magnitudes of the terms of one of the layer's
     * pre-activations, {@code Σ|x_i·w_ij| + |b_j|}: a sum's rounding error is bounded by a multiple of it,
     * whatever the order Calc adds in, while the sum itself may be far smaller where terms cancel (sine's
     * L2_pre near 1e-8).
     */
    private static double[] termScale(DenseLayer layer, List<List<Object>> inputs) {
        double[] scale = new double[inputs.size()];
        for (int r = 1; r < inputs.size(); r++) {
            List<Object> row = inputs.get(r);
            int ids = row.size() - layer.inputWidth();
            for (int j = 0; j < layer.units(); j++) {
                double terms = Math.abs(layer.bias(j));
                for (int i = 0; i < layer.inputWidth(); i++) {
                    terms += Math.abs((Double) row.get(ids + i) * layer.weights().get(i, j));
                }
                scale[r] = Math.max(scale[r], terms);
            }
        }
        return scale;
    }

    // Numbers within 1e-12 of the larger of the value and its row's term scale; everything else equal.
    private static int assertWithinTheTerms(String sheet, List<List<Object>> expected, Object[][] actual,
            double[] scale) {
        assertEquals(expected.size(), actual.length, sheet + ": rows");
        int numbers = 0;
        for (int r = 0; r < expected.size(); r++) {
            for (int c = 0; c < expected.get(r).size(); c++) {
                Object e = expected.get(r).get(c);
                Object a = actual[r][c];
                String cell = sheet + "!" + new CellRef(r, c);
                if (e instanceof Double d) {
                    assertTrue(a instanceof Double, cell + ": expected the number " + d + ", found " + a);
                    double tolerance = 1e-12 * Math.max(Math.abs(d), scale[r]);
                    assertEquals(d, (Double) a, tolerance, cell + ": within 1e-12 of max(|value|, " + scale[r] + ")");
                    numbers++;
                } else {
                    assertEquals(e == null ? "" : e, a, cell);
                }
            }
        }
        return numbers;
    }

    private static Path score(Path model, boolean formulas, String name) throws Exception {
        Path out = Office.temporaryFolder("sheetnet-calc-cli").resolve(name);
        ScoreJob.run(new ScoreOptions(model, Optional.empty(), Optional.empty(), out, false, 4096, formulas, 1e-6, 1,
                "sheetnet score " + model + " --out " + out + (formulas ? " --formulas" : "")), (rows, f) -> { });
        return out;
    }

    // The cells that sheetnet score --formulas writes as formulas, read with POI.
    private static List<CellRef> formulaCells(Path workbook, String sheet) throws Exception {
        List<CellRef> cells = new ArrayList<>();
        try (InputStream in = Files.newInputStream(workbook); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet(sheet);
            for (Row row : s) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        cells.add(new CellRef(cell.getRowIndex(), cell.getColumnIndex()));
                    }
                }
            }
        }
        return cells;
    }

    private static List<String> outputSheets(List<String> names) {
        return names.stream().filter(n -> ScoreJob.OUTPUT_SHEETS.matcher(n).matches()).toList();
    }
}
