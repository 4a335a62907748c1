package org.sheetnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.Main;
import org.sheetnet.testing.Sheets;

/** The same inputs give the same cells whatever the thread count and the batch size. */
class DeterminismTest {

    @TempDir
    Path dir;

    @Test
    void threadsAndBatchSizesDoNotChangeAnyCell() throws IOException {
        Path csv = dir.resolve("rows.csv");
        Random random = new Random(11);
        StringBuilder sb = new StringBuilder("id,x1,x2,x3,x4\n");
        for (int r = 0; r < 1000; r++) {
            sb.append("row").append(r);
            for (int i = 0; i < 4; i++) {
                sb.append(',').append(random.nextGaussian() * 5);
            }
            sb.append('\n');
        }
        Files.writeString(csv, sb);
        String model = "workbooks/regression-4-20-10-1.xlsx";
        Path one = dir.resolve("one.xlsx");
        Path many = dir.resolve("many.xlsx");
        assertEquals(0, Main.run("score", model, "--input", csv.toString(), "--out", one.toString(), "-q",
                "--threads", "1", "--batch-size", "7"));
        assertEquals(0, Main.run("score", model, "--input", csv.toString(), "--out", many.toString(), "-q",
                "--threads", "4", "--batch-size", "300", "--formulas"));
        for (String sheet : List.of("Inputs", "L1_pre", "L1_act", "L2_pre", "L2_act", "L3_pre", "L3_act", "Predictions")) {
            // Formula cells are read back by their cached value, which must be the same double.
            assertEquals(Sheets.rows(one, sheet), Sheets.rows(many, sheet), sheet);
        }
    }

    @Test
    void textWithMarkupAndControlCharactersComesBackUnchanged() throws IOException {
        Path csv = dir.resolve("rows.csv");
        List<String> ids = List.of("a&b<c>\"d\"", "tab\there", "_x0041_ literal", "bell\u0007", "日本語", " padded ");
        StringBuilder sb = new StringBuilder("id,x1,x2,x3,x4\n");
        for (String id : ids) {
            sb.append('"').append(id.replace("\"", "\"\"")).append('"').append(",1,2,3,4\n");
        }
        Files.writeString(csv, sb);
        Path out = dir.resolve("out.xlsx");
        assertEquals(0, Main.run("score", "workbooks/regression-4-20-10-1.xlsx", "--input", csv.toString(),
                "--out", out.toString(), "-q"));
        List<List<Object>> p = Sheets.rows(out, "Predictions");
        for (int r = 0; r < ids.size(); r++) {
            // CSV fields are trimmed when read, so " padded " arrives as "padded".
            assertEquals(ids.get(r).trim(), p.get(r + 1).get(0), "Predictions!A" + (r + 2));
        }
    }
}
