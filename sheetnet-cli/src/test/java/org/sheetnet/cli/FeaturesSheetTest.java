package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sheetnet.testing.Sheets.number;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.examples.SheetWriter;
import org.sheetnet.testing.Sheets;

/** The Features sheet prepares inputs before layer 1: x' = (x − offset) / scale, with defaults and ranges. */
class FeaturesSheetTest {

    @TempDir
    Path dir;

    /**
     * One linear unit y = 2·a' + 3·b' + 1 over prepared inputs a' = (a − 10) / 2 and b' = (b − 0) / 0.5,
     * b defaulting to 4 when empty, a expected in [0, 20].
     */
    private Path model(boolean withFeatures, List<List<Object>> inputs) throws IOException {
        Path model = dir.resolve(withFeatures ? "prepared.xlsx" : "plain.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(List.of("layer", "weights", "bias", "activation"),
                    List.of("out", "W1", "b1", "linear")));
            w.sheet("W1", false, List.of(Arrays.asList(null, "y"), List.of("a", 2), List.of("b", 3)));
            w.sheet("b1", false, List.of(List.of(1)));
            if (withFeatures) {
                w.sheet("Features", true, List.of(List.of("feature", "offset", "scale", "default", "min", "max"),
                        Arrays.asList("b", 0, 0.5, 4, null, null), Arrays.asList("a", 10, 2, null, 0, 20)));
            }
            w.sheet("Inputs", true, inputs);
            w.save(model);
        }
        return model;
    }

    private static List<List<Object>> rows(Object[]... rows) {
        List<List<Object>> all = new ArrayList<>();
        all.add(List.of("id", "a", "b"));
        for (Object[] r : rows) {
            all.add(Arrays.asList(r));
        }
        return all;
    }

    @Test
    void preparesInputsUsesDefaultsAndWritesL0Prepared() throws IOException {
        // (a, b) = (12, 1): a' = 1, b' = 2, y = 2 + 6 + 1 = 9.
        // (a, empty) = (8, 4 by default): a' = −1, b' = 8, y = −2 + 24 + 1 = 23.
        // (30, 0): a' = 10, b' = 0, y = 21; a = 30 is outside [0, 20]: scored, with a warning.
        Path model = model(true, rows(new Object[] {"r1", 12, 1}, new Object[] {"r2", 8, null},
                new Object[] {"r3", 30, 0}));
        Path out = dir.resolve("out.xlsx");
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("score", model.toString(), "--out", out.toString(), "--formulas", "-q"));
        } finally {
            System.setErr(saved);
        }
        assertTrue(err.toString().contains("1 input values outside") && err.toString().contains("Inputs!B4 = 30.0"),
                err.toString());
        List<List<Object>> l0 = Sheets.rows(out, "L0_prepared");
        assertEquals(1.0, number(l0, 1, "a"), 0.0, "L0_prepared!B2");
        assertEquals(8.0, number(l0, 2, "b"), 0.0, "L0_prepared!C3 (the default 4, prepared)");
        List<List<Object>> y = Sheets.rows(out, "Predictions");
        double[] expected = {9, 23, 21};
        for (int r = 0; r < 3; r++) {
            assertEquals(expected[r], number(y, r + 1, "y"), 0.0, "Predictions!B" + (r + 2));
        }
        assertFormulasRecompute(out);
        assertEquals(0, Main.run("verify", out.toString()));
    }

    @Test
    void offsetZeroAndScaleOneChangeNothing() throws IOException {
        List<List<Object>> inputs = rows(new Object[] {"r1", 0.1, 0.7}, new Object[] {"r2", -3.3e-5, 1234.5678});
        Path plain = model(false, inputs);
        Path identity = dir.resolve("identity.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(List.of("layer", "weights", "bias", "activation"),
                    List.of("out", "W1", "b1", "linear")));
            w.sheet("W1", false, List.of(Arrays.asList(null, "y"), List.of("a", 2), List.of("b", 3)));
            w.sheet("b1", false, List.of(List.of(1)));
            w.sheet("Features", true, List.of(List.of("feature", "offset", "scale"), List.of("a", 0, 1), List.of("b", 0, 1)));
            w.sheet("Inputs", true, inputs);
            w.save(identity);
        }
        Path a = dir.resolve("a.xlsx");
        Path b = dir.resolve("b.xlsx");
        assertEquals(0, Main.run("score", plain.toString(), "--out", a.toString(), "-q"));
        assertEquals(0, Main.run("score", identity.toString(), "--out", b.toString(), "-q"));
        for (String sheet : List.of("L1_pre", "L1_act", "Predictions")) {
            assertEquals(Sheets.rows(a, sheet), Sheets.rows(b, sheet), sheet + " with and without the Features sheet");
        }
    }

    @Test
    void anEmptyCellWithoutDefaultIsStillAnError() throws IOException {
        Path model = model(true, rows(new Object[] {"r1", null, 1}));
        assertEquals(ExitCodes.INPUT, Main.run("score", model.toString(), "--out", dir.resolve("o.xlsx").toString(), "-q"));
    }

    private static void assertFormulasRecompute(Path out) throws IOException {
        try (XSSFWorkbook wb = Sheets.open(out)) {
            FormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            for (Row row : wb.getSheet("L0_prepared")) {
                for (Cell cell : row) {
                    if (row.getRowNum() > 0 && cell.getColumnIndex() > 0) {
                        assertEquals(CellType.FORMULA, cell.getCellType(), "L0_prepared!" + cell.getAddress());
                        assertEquals(cell.getNumericCellValue(), evaluator.evaluate(cell).getNumberValue(), 0.0,
                                "L0_prepared!" + cell.getAddress() + " = " + cell.getCellFormula());
                    }
                }
            }
        }
    }
}
