package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Sheets;
import org.sheetnet.testing.TinyModel;

/** verify detects edited parameters and outputs; check vectors are evaluated before scoring. */
class AuditTrailTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    /**
     * y = 2·a + 3·b − 1 (one linear unit): for (a, b) = (1, 1) y = 4; (0, 2) y = 5; (−1, 0.5) y = −1.5.
     * The Checks sheet holds those hand-computed values, the last one possibly wrong on purpose.
     */
    private Path model(double lastExpected) throws IOException {
        return TinyModel.writeLinear(dir.resolve("linear.xlsx"), w -> {
            w.sheet("Inputs", true, List.of(List.of("id", "a", "b"), List.of("r1", 1, 1), List.of("r2", 0, 2)));
            w.sheet("Checks", true, List.of(List.of("a", "b", "expected:y"), List.of(1, 1, 4), List.of(0, 2, 5),
                    List.of(-1, 0.5, lastExpected)));
        });
    }

    private Path scored(Path model, String... extra) {
        Path out = dir.resolve("out.xlsx");
        String[] args = new String[3 + extra.length];
        args[0] = "score";
        args[1] = model.toString();
        args[2] = "--out=" + out;
        System.arraycopy(extra, 0, args, 3, extra.length);
        assertEquals(0, Main.run(args), "score: " + stderr);
        return out;
    }

    @Test
    void checkVectorsThatReproduceAreRecordedInTheAudit() throws IOException {
        Path out = scored(model(-1.5));
        List<List<Object>> audit = Sheets.rows(out, "Audit");
        String line = audit.stream().filter(r -> !r.isEmpty() && "check vectors".equals(r.get(0)))
                .map(r -> (String) r.get(1)).findFirst().orElseThrow();
        assertTrue(line.startsWith("3 check rows, largest deviation 0") && line.endsWith("passed"), line);
        assertEquals(0, Main.run("check", model(-1.5).toString()));
        assertTrue(stdout.toString().contains("check vectors: 3 check rows"), stdout.toString());
    }

    @Test
    void checkPlotShowsSheetnetAgainstTheReferenceWithANativeScatter() throws IOException {
        Path out = scored(model(-1.5));
        List<List<Object>> plot = Sheets.rows(out, "CheckPlot");
        assertEquals(List.of("Checks row", "output", "reference", "sheetnet", "sheetnet − reference"), plot.get(0));
        // Hand-computed in model(): y = 2a + 3b − 1 for (1, 1), (0, 2), (−1, 0.5).
        assertEquals(List.of(2.0, "y", 4.0, 4.0, 0.0), plot.get(1), "CheckPlot row 2");
        assertEquals(List.of(3.0, "y", 5.0, 5.0, 0.0), plot.get(2), "CheckPlot row 3");
        assertEquals(List.of(4.0, "y", -1.5, -1.5, 0.0), plot.get(3), "CheckPlot row 4");
        try (XSSFWorkbook wb = Sheets.open(out)) {
            var charts = wb.getSheet("CheckPlot").getDrawingPatriarch().getCharts();
            assertEquals(1, charts.size(), "one chart on CheckPlot");
            var series = charts.get(0).getChartSeries().get(0).getSeries(0);
            assertEquals("CheckPlot!$C$2:$C$4", series.getCategoryData().getDataRangeReference(), "x: the references");
            assertEquals("CheckPlot!$D$2:$D$4", series.getValuesData().getDataRangeReference(), "y: sheetnet's values");
        }
    }

    @Test
    void checkVectorsThatDoNotReproduceStopTheRunAndNameTheWorstRow() throws IOException {
        Path model = model(-1.4);
        Path out = dir.resolve("out.xlsx");
        assertEquals(ExitCodes.MISMATCH, Main.run("score", model.toString(), "--out", out.toString()));
        // |−1.5 − (−1.4)| / 1.4 = 0.0714…
        assertTrue(stderr.toString().contains("Checks row 4, output y: -1.5, expected -1.4"), stderr.toString());
        assertTrue(stderr.toString().contains("largest deviation 0.0714"), stderr.toString());
        assertTrue(Files.notExists(out), "no output");
        assertEquals(ExitCodes.MISMATCH, Main.run("check", model.toString()));
        // A loose tolerance lets it through.
        assertEquals(0, Main.run("score", model.toString(), "--out", out.toString(), "--check-tolerance", "0.1"));
    }

    @Test
    void verifyPassesOnAnUntouchedOutputWithAndWithoutFormulas() throws IOException {
        Path values = scored(model(-1.5));
        assertEquals(0, Main.run("verify", values.toString()), stdout.toString());
        Path formulas = dir.resolve("formulas.xlsx");
        assertEquals(0, Main.run("score", model(-1.5).toString(), "--out", formulas.toString(), "--formulas"));
        assertEquals(0, Main.run("verify", formulas.toString()), stdout.toString());
        assertTrue(stdout.toString().contains("formulas recomputed by Apache POI"), stdout.toString());
    }

    @Test
    void verifyDetectsAnEditedParameter() throws IOException {
        Path out = scored(model(-1.5));
        edit(out, "W1", 1, 1, 2.5); // W1!B2: the weight of a, 2 → 2.5
        assertEquals(ExitCodes.MISMATCH, Main.run("verify", out.toString()));
        String report = stdout.toString();
        assertTrue(report.contains("layer 1 weights 'W1'!B2:B3") && report.contains("CHANGED since the run"), report);
        // Row r1 (a = 1, b = 1) now recomputes to 2.5 + 3 − 1 = 4.5 against the stored 4.
        assertTrue(report.contains("L1_pre!B2 holds the number 4.0, recomputed 4.5"), report);
    }

    @Test
    void verifyDetectsAnEditedOutputCell() throws IOException {
        Path out = scored(model(-1.5));
        edit(out, "Predictions", 2, 1, 5.000001); // Predictions!B3: y of r2, 5 → 5.000001
        assertEquals(ExitCodes.MISMATCH, Main.run("verify", out.toString()));
        assertTrue(stdout.toString().contains("Predictions!B3 holds the number 5.000001, recomputed 5.0"), stdout.toString());
    }

    private static void edit(Path file, String sheet, int row, int col, double value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes))) {
            Cell cell = wb.getSheet(sheet).getRow(row).getCell(col);
            cell.setCellValue(value);
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
    }
}
