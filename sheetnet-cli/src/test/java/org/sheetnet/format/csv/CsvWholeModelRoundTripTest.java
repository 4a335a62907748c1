package org.sheetnet.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.cli.Main;
import org.sheetnet.examples.SheetWriter;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.model.Model;
import org.sheetnet.testing.Sheets;

/**
 * export-csv → import-csv keeps the whole model: the Features preparation and the check vectors, not
 * only the layers, so the round-tripped model scores the same bits.
 */
class CsvWholeModelRoundTripTest {

    @TempDir
    Path dir;

    /**
     * y = 1·a' + 0·b' with a' = (a − 70000) / 25 and b' = (b − 0.1) / 3 (b defaults to 7, a expected in
     * [69000, 71000]); a = 70050 gives y = 2.0 exactly, and 70050.0 if the preparation is lost.
     * Two check vectors hold the expected outputs.
     */
    private Path model() throws IOException {
        Path model = dir.resolve("prepared.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(List.of("layer", "weights", "bias", "activation"),
                    List.of("out", "W1", "b1", "linear")));
            w.sheet("W1", false, List.of(Arrays.asList(null, "y"), List.of("a", 1), List.of("b", 0)));
            w.sheet("b1", false, List.of(List.of(0)));
            w.sheet("Features", true, List.of(List.of("feature", "offset", "scale", "default", "min", "max"),
                    Arrays.asList("a", 70000, 25, null, 69000, 71000), Arrays.asList("b", 0.1, 3, 7, null, null)));
            w.sheet("Checks", true, List.of(List.of("a", "b", "expected:y"), List.of(70050, 1, 2.0),
                    List.of(70000, 5, 0.0)));
            w.save(model);
        }
        return model;
    }

    @Test
    void featuresAndChecksSurviveAndScoreBitForBit() throws IOException {
        Path original = model();
        Path inputs = dir.resolve("rows.csv");
        Files.writeString(inputs, "id,a,b\nr1,70050,1\nr2,69999.3,\nr3,70123.456789,0.3333333333333333\n",
                StandardCharsets.UTF_8);
        Path csv = dir.resolve("csv");
        Path back = dir.resolve("back.xlsx");
        assertEquals(0, Main.run("export-csv", original.toString(), csv.toString()), "exit code of export-csv");
        assertTrue(Files.exists(csv.resolve("features.csv")), "features.csv written");
        assertTrue(Files.exists(csv.resolve("checks.csv")), "checks.csv written");
        assertEquals(0, Main.run("import-csv", csv.toString(), "--out", back.toString()), "exit code of import-csv");

        Path first = dir.resolve("first.xlsx");
        Path second = dir.resolve("second.xlsx");
        assertEquals(0, Main.run("score", original.toString(), "--input", inputs.toString(), "--out", first.toString(),
                "-q"), "exit code of scoring the original");
        assertEquals(0, Main.run("score", back.toString(), "--input", inputs.toString(), "--out", second.toString(),
                "-q"), "exit code of scoring the round-tripped model");

        List<List<Object>> before = Sheets.rows(first, "Predictions");
        List<List<Object>> after = Sheets.rows(second, "Predictions");
        assertEquals(2.0, Sheets.number(after, 1, "y"), 0.0, "Predictions!B2 after the round trip: (70050 − 70000) / 25");
        for (String sheet : List.of("L0_prepared", "L1_pre", "Predictions")) {
            assertEquals(Sheets.rows(first, sheet), Sheets.rows(second, sheet), sheet + " before and after the round trip");
        }
        assertEquals(before, after, "Predictions");

        try (ModelWorkbook a = ModelReader.read(original); ModelWorkbook b = ModelReader.read(back)) {
            Model m = a.model();
            Model n = b.model();
            assertEquals(m.preparation(), n.preparation(), "the preparation, every double bit for bit");
            assertTrue(n.checks().isPresent(), "the check vectors came back");
            assertEquals(m.checks().get().vectors().size(), n.checks().get().vectors().size(), "check vectors");
            for (int r = 0; r < m.checks().get().vectors().size(); r++) {
                assertEquals(Arrays.toString(m.checks().get().vectors().get(r).inputs()),
                        Arrays.toString(n.checks().get().vectors().get(r).inputs()), "check " + r + " inputs");
                assertEquals(Arrays.toString(m.checks().get().vectors().get(r).expected()),
                        Arrays.toString(n.checks().get().vectors().get(r).expected()), "check " + r + " expected");
            }
        }
    }

    @Test
    void wrongCheckVectorsAfterTheRoundTripStopTheScore() throws IOException {
        Path csv = dir.resolve("csv");
        assertEquals(0, Main.run("export-csv", model().toString(), csv.toString()));
        // An edited expected value: the carried check vectors must be checked, not dropped.
        Path checks = csv.resolve("checks.csv");
        Files.writeString(checks, Files.readString(checks).replace(",2.0", ",2.5"));
        Path back = dir.resolve("back.xlsx");
        assertEquals(0, Main.run("import-csv", csv.toString(), "--out", back.toString()));
        Path out = dir.resolve("out.xlsx");
        Path inputs = dir.resolve("rows.csv");
        Files.writeString(inputs, "a,b\n70050,1\n", StandardCharsets.UTF_8);
        assertEquals(ExitCodes.MISMATCH, Main.run("score", back.toString(), "--input", inputs.toString(), "--out",
                out.toString(), "-q"), "exit code with a failing check vector");
        assertFalse(Files.exists(out), "no output left");
    }

    @Test
    void aStaleFeaturesFileOfAnotherModelIsRefused() throws IOException {
        Path csv = dir.resolve("csv");
        assertEquals(0, Main.run("export-csv", model().toString(), csv.toString()));
        Path plain = Path.of("workbooks", "seed-2-3-2-2.xlsx");
        assertEquals(ExitCodes.OUTPUT, Main.run("export-csv", plain.toString(), csv.toString(), "--force"),
                "exit code: features.csv of the first model would be read back with the second");
        assertTrue(Files.readString(csv.resolve("model.csv")).contains("out,W1.csv"), "the first export untouched");
    }
}
