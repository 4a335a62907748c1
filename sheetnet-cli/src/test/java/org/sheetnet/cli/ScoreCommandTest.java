package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sheetnet.testing.Sheets.number;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.examples.SheetWriter;
import org.sheetnet.testing.Sheets;

/** Scores workbooks end to end through the command line and reads the output back cell by cell. */
class ScoreCommandTest {

    @TempDir
    Path dir;

    private Path score(String... args) {
        Path out = dir.resolve("out.xlsx");
        String[] all = new String[args.length + 3];
        all[0] = "score";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--out";
        all[args.length + 2] = out.toString();
        assertEquals(0, Main.run(all), "exit code of sheetnet " + String.join(" ", all));
        return out;
    }

    /**
     * A 3→2→1 network whose every value is easy to work out by hand:
     * W1 = [[1, 0], [0, 1], [1, -1]] (inputs a, b, c; units p, q), b1 = [0.5, -1], relu;
     * W2 = [[2], [3]], b2 = [1], linear.
     */
    private Path handNetwork(String inputsSheetName, List<List<Object>> inputs) throws IOException {
        Path model = dir.resolve("hand.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(List.of("layer", "weights", "bias", "activation"),
                    List.of("hidden", "Params!A1:C4", "Params!B6:C6", "relu"),
                    List.of("out", "'Second layer'!A1:B3", "'Second layer'!B5", "linear")));
            w.sheet("Params", false, List.of(
                    java.util.Arrays.asList(null, "p", "q"), List.of("a", 1, 0), List.of("b", 0, 1), List.of("c", 1, -1),
                    List.of(), List.of("bias", 0.5, -1)));
            w.sheet("Second layer", false, List.of(java.util.Arrays.asList(null, "y"), List.of("p", 2), List.of("q", 3),
                    List.of(), List.of("bias", 1)));
            if (inputsSheetName != null) {
                w.sheet(inputsSheetName, true, inputs);
            }
            w.save(model);
        }
        return model;
    }

    // Rows (a, b, c) and their values worked out by hand:
    //   (1, 2, 3):  p = 1 + 3 + 0.5 = 4.5, q = 2 - 3 - 1 = -2 → relu (4.5, 0); y = 2·4.5 + 3·0 + 1 = 10
    //   (0, 4, -1): p = 0 - 1 + 0.5 = -0.5, q = 4 + 1 - 1 = 4 → relu (0, 4); y = 0 + 12 + 1 = 13
    private static final double[][] HAND_PRE1 = {{4.5, -2}, {-0.5, 4}};
    private static final double[][] HAND_ACT1 = {{4.5, 0}, {0, 4}};
    private static final double[] HAND_Y = {10, 13};

    private static void assertHandValues(Path out) throws IOException {
        List<List<Object>> pre = Sheets.rows(out, "L1_pre");
        List<List<Object>> act = Sheets.rows(out, "L1_act");
        List<List<Object>> y = Sheets.rows(out, "Predictions");
        for (int r = 0; r < 2; r++) {
            assertEquals(HAND_PRE1[r][0], number(pre, r + 1, "p"), 0.0, "L1_pre row " + (r + 2) + " p");
            assertEquals(HAND_PRE1[r][1], number(pre, r + 1, "q"), 0.0, "L1_pre row " + (r + 2) + " q");
            assertEquals(HAND_ACT1[r][0], number(act, r + 1, "p"), 0.0, "L1_act row " + (r + 2) + " p");
            assertEquals(HAND_ACT1[r][1], number(act, r + 1, "q"), 0.0, "L1_act row " + (r + 2) + " q");
            assertEquals(HAND_Y[r], number(y, r + 1, "y"), 0.0, "Predictions row " + (r + 2) + " y");
        }
    }

    @Test
    void matchesFeaturesByNameInAnyColumnOrderAndReadsRanges() throws IOException {
        Path model = handNetwork("Inputs", List.of(List.of("c", "id", "b", "a"),
                List.of(3, "first", 2, 1), List.of(-1, "second", 4, 0)));
        Path out = score(model.toString());
        assertHandValues(out);
        List<List<Object>> y = Sheets.rows(out, "Predictions");
        assertEquals(List.of("id", "y"), y.get(0), "Predictions header: id column first, then outputs");
        assertEquals("first", y.get(1).get(0), "Predictions!A2");
        assertEquals("second", y.get(2).get(0), "Predictions!A3");
    }

    @Test
    void readsCsvInputsWithSemicolonsAndAByteOrderMark() throws IOException {
        Path model = handNetwork(null, null);
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "\uFEFFid;a;b;c\r\nfirst;1;2;3\r\n\r\nsecond;0;4;-1\r\n");
        Path out = score(model.toString(), "--input", csv.toString());
        assertHandValues(out);
        assertEquals(List.of(List.of("id", "a", "b", "c"), List.of("first", 1.0, 2.0, 3.0), List.of("second", 0.0, 4.0, -1.0)),
                Sheets.rows(out, "Inputs"), "Inputs copied from the CSV, blank line skipped");
    }

    @Test
    void readsInputsFromANamedSheetOfAnotherWorkbook() throws IOException {
        Path model = handNetwork(null, null);
        Path inputs = dir.resolve("inputs.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Notes", false, List.of(List.of("not the inputs")));
            w.sheet("March", true, List.of(List.of("a", "b", "c"), List.of(1, 2, 3), List.of(0, 4, -1)));
            w.save(inputs);
        }
        assertHandValues(score(model.toString(), "--input", inputs.toString(), "--input-sheet", "March"));
    }

    @Test
    void writesEveryLayerSheetAndCopiesTheModelSheetsAndTheAudit() throws IOException {
        Path model = handNetwork("Inputs", List.of(List.of("a", "b", "c"), List.of(1, 2, 3), List.of(0, 4, -1)));
        Path out = score(model.toString());
        assertEquals(List.of("Model", "Params", "Second layer", "Inputs", "L1_pre", "L1_act", "L2_pre", "L2_act",
                "Predictions", "Audit"), Sheets.names(out));
        assertEquals(Sheets.rows(model, "Params"), Sheets.rows(out, "Params"), "Params copied cell by cell");
        List<List<Object>> audit = Sheets.rows(out, "Audit");
        String sha = audit.stream().filter(r -> !r.isEmpty() && "model file SHA-256".equals(r.get(0)))
                .map(r -> (String) r.get(1)).findFirst().orElseThrow();
        assertEquals(sha256(model), sha, "Audit: model file SHA-256");
        assertTrue(audit.stream().anyMatch(r -> r.size() > 5 && "relu(negative_slope=0.0)".equals(r.get(5))), "Audit lists layer 1's activation");
    }

    @Test
    void anOutputWorkbookCanBeScoredAgain() throws IOException {
        Path model = handNetwork("Inputs", List.of(List.of("a", "b", "c"), List.of(1, 2, 3), List.of(0, 4, -1)));
        Path first = score(model.toString());
        Path again = dir.resolve("again.xlsx");
        assertEquals(0, Main.run("score", first.toString(), "--out", again.toString()));
        assertHandValues(again);
    }

    @Test
    void neverWritesToTheModelWorkbook() throws IOException {
        Path model = handNetwork("Inputs", List.of(List.of("a", "b", "c"), List.of(1, 2, 3)));
        byte[] before = Files.readAllBytes(model);
        score(model.toString());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(model)), "model workbook unchanged");
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
