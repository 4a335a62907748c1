package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.HandXlsx;
import org.sheetnet.testing.Sheets;
import org.sheetnet.testing.TinyModel;

/**
 * Numbers stored as text (Excel's green triangle): a text cell holding a plain number is read as
 * that number where a number is expected — weights, bias, input features — in each way a workbook
 * stores text (a shared string, an inline string, a formula's text result), counted in the Audit
 * and warned of once; text that is not a plain number is still refused naming its cell.
 *
 * <p>The model is {@link HandXlsx#smallModel}'s y = 0.5·x1 + 0.25·x2 + 0.1 with inputs (1, 2) and
 * (3, 4): by hand, y = 0.5 + 0.5 + 0.1 = 1.1 and 1.5 + 1 + 0.1 = 2.6.
 */
class NumbersStoredAsTextTest {

    @TempDir
    Path dir;

    // Shared strings 0 to 2: W1's 0.5 (with spaces), x2 of row 2 as "2E0", x1 of row 3.
    private static final String SHARED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\" uniqueCount=\"3\">"
            + "<si><t xml:space=\"preserve\"> 0.5 </t></si><si><t>2E0</t></si><si><t>+3</t></si></sst>";

    private static String sheet(String rows) {
        return HandXlsx.HEAD + "<sheetData>" + rows + "</sheetData></worksheet>";
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + text + "</t></is></c>";
    }

    private static String number(String ref, String v) {
        return "<c r=\"" + ref + "\"><v>" + v + "</v></c>";
    }

    private static String shared(String ref, int index) {
        return "<c r=\"" + ref + "\" t=\"s\"><v>" + index + "</v></c>";
    }

    // A formula whose cached result is text, as =TEXT(…) leaves it.
    private static String formulaText(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"str\"><f>TEXT(0.1,\"0.0\")</f><v>" + text + "</v></c>";
    }

    private static final String W1 = sheet("<row r=\"1\">" + inline("A1", "input") + inline("B1", "y") + "</row>"
            + "<row r=\"2\">" + inline("A2", "x1") + shared("B2", 0) + "</row>"
            + "<row r=\"3\">" + inline("A3", "x2") + number("B3", "0.25") + "</row>");
    private static final String B1 = sheet("<row r=\"1\">" + inline("A1", "y") + "</row>"
            + "<row r=\"2\">" + formulaText("A2", "0.1") + "</row>");

    private static String inputs(String x1Row2) {
        return sheet("<row r=\"1\">" + inline("A1", "x1") + inline("B1", "x2") + "</row>"
                + "<row r=\"2\">" + x1Row2 + shared("B2", 1) + "</row>"
                + "<row r=\"3\">" + shared("A3", 2) + number("B3", "4") + "</row>");
    }

    private Path textModel(String name, String x1Row2) throws IOException {
        return HandXlsx.smallModel(Map.of("W1", W1, "b1", B1, "Inputs", inputs(x1Row2)))
                .part("xl/sharedStrings.xml", SHARED).write(dir.resolve(name));
    }

    @Test
    void textNumbersScoreAsTheirNumbersBitForBit() throws IOException {
        Path text = textModel("text.xlsx", inline("A2", " 1 "));
        Path real = HandXlsx.smallModel(Map.of()).write(dir.resolve("real.xlsx"));
        Path textOut = dir.resolve("text-scored.xlsx");
        Path realOut = dir.resolve("real-scored.xlsx");
        Cli.Run run = Cli.run("score", text.toString(), "--out", textOut.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(ExitCodes.OK, Cli.run("score", real.toString(), "--out", realOut.toString()).exit(), "real");

        List<List<Object>> predictions = Sheets.rows(textOut, "Predictions");
        assertEquals(1.1, Sheets.number(predictions, 1, "y"), 1e-15, "Predictions row 2, y by hand");
        assertEquals(2.6, Sheets.number(predictions, 2, "y"), 1e-15, "Predictions row 3, y by hand");
        for (String sheet : List.of("L1_pre", "L1_act", "Predictions")) {
            List<List<Object>> a = Sheets.rows(textOut, sheet);
            List<List<Object>> b = Sheets.rows(realOut, sheet);
            for (int r = 1; r <= 2; r++) {
                assertEquals(Double.doubleToRawLongBits(Sheets.number(b, r, "y")),
                        Double.doubleToRawLongBits(Sheets.number(a, r, "y")), sheet + " row " + (r + 1) + " bits");
            }
        }
    }

    @Test
    void theAuditCountsThemAndTheCommandWarnsOnce() throws IOException {
        Path text = textModel("text.xlsx", inline("A2", " 1 "));
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", text.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(List.of(
                "sheetnet: warning: text.xlsx: 'W1'!B2 and 1 other cell held numbers stored as text; read as numbers",
                "sheetnet: warning: text.xlsx: Inputs!A2 and 2 other cells held numbers stored as text; read as numbers"),
                run.stderrLines(), "stderr");
        List<List<Object>> audit = Sheets.rows(out, "Audit");
        assertEquals(List.of("numbers stored as text", 3.0,
                "text.xlsx: Inputs!A2 and 2 other cells held numbers stored as text; read as numbers"),
                find(audit, "numbers stored as text"), "Audit: inputs");
        assertEquals(List.of("numbers stored as text in the model", 2.0,
                "text.xlsx: 'W1'!B2 and 1 other cell held numbers stored as text; read as numbers"),
                find(audit, "numbers stored as text in the model"), "Audit: model");
    }

    @Test
    void aModelWithRealNumbersSaysNone() throws IOException {
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", HandXlsx.smallModel(Map.of()).write(dir.resolve("m.xlsx")).toString(),
                "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals("", run.stderr(), "stderr");
        assertEquals(List.of("numbers stored as text", 0.0, "none"), find(Sheets.rows(out, "Audit"),
                "numbers stored as text"), "Audit: inputs");
    }

    @Test
    void textThatIsNotAPlainNumberIsStillRefused() throws IOException {
        for (String bad : List.of("n/a", "1,5", "12 kg", "1e400", "0x10", "NaN", "$3")) {
            Path model = textModel("bad.xlsx", inline("A2", bad));
            Path out = dir.resolve("bad-scored.xlsx");
            Cli.Run run = Cli.run("score", model.toString(), "--out", out.toString());
            assertEquals(ExitCodes.INPUT, run.exit(), bad + ": " + run.stderr());
            assertEquals("bad.xlsx: Inputs!A2: expected a number, found text \"" + bad + "\"", run.oneLine(), bad);
            assertFalse(Files.exists(out), bad + ": no output");
        }
    }

    @Test
    void aWeightThatIsNotANumberIsRefusedAsAModelError() throws IOException {
        String w1 = W1.replace(shared("B2", 0), inline("B2", "0,5"));
        Path model = HandXlsx.smallModel(Map.of("W1", w1)).write(dir.resolve("bad.xlsx"));
        Cli.Run run = Cli.run("check", model.toString());
        assertEquals(ExitCodes.MODEL, run.exit(), run.stderr());
        assertEquals("bad.xlsx: 'W1'!B2: expected a number, found text \"0,5\"", run.oneLine(), "message");
    }

    @Test
    void formulasOverTextNumbersComputeAndTheCopiesHoldNumbers() throws IOException {
        Path text = textModel("text.xlsx", inline("A2", " 1 "));
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", text.toString(), "--formulas", "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(List.of("input", "y"), Sheets.rows(out, "W1").get(0), "W1 header stays text");
        assertEquals(0.5, Sheets.rows(out, "W1").get(1).get(1), "W1!B2 copied as the number read");
        assertEquals(0.1, Sheets.rows(out, "b1").get(1).get(0), "b1!A2 copied as the number read");
        assertEquals(List.of(1.0, 2.0), Sheets.rows(out, "Inputs").get(1), "Inputs row 2 holds the numbers scored");
        Cli.Run verify = Cli.run("verify", out.toString());
        assertEquals(ExitCodes.OK, verify.exit(), verify.stdout() + verify.stderr());
    }

    @Test
    void checkWarnsOfTheModelsTextNumbers() throws IOException {
        Cli.Run run = Cli.run("check", textModel("text.xlsx", inline("A2", "1")).toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(List.of(
                "sheetnet: warning: text.xlsx: 'W1'!B2 and 1 other cell held numbers stored as text; read as numbers"),
                run.stderrLines(), "stderr");
    }

    @Test
    void anInputWorkbookOfTextFeedsItsFeaturesAndKeepsItsIdsText() throws IOException {
        Path model = TinyModel.write(dir.resolve("model.xlsx"), true, null);
        Path text = new HandXlsx().sheet("Data", new Object[][] {{"id", "x1", "x2"}, {"007", "0.5", "-1"}})
                .write(dir.resolve("text.xlsx"));
        Path real = new HandXlsx().sheet("Data", new Object[][] {{"id", "x1", "x2"}, {"007", 0.5, -1.0}})
                .write(dir.resolve("real.xlsx"));
        Path textOut = dir.resolve("text-scored.xlsx");
        Path realOut = dir.resolve("real-scored.xlsx");
        Cli.Run run = Cli.run("score", model.toString(), "--input", text.toString(), "--out", textOut.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(List.of("sheetnet: warning: text.xlsx: Data!B2 and 1 other cell held numbers stored as text;"
                + " read as numbers"), run.stderrLines(), "stderr");
        assertEquals(ExitCodes.OK, Cli.run("score", model.toString(), "--input", real.toString(), "--out",
                realOut.toString()).exit(), "real");
        List<List<Object>> predictions = Sheets.rows(textOut, "Predictions");
        assertEquals("007", Sheets.at(predictions, 1, "id"), "the id stays text, leading zeros and all");
        assertEquals(Double.doubleToRawLongBits(Sheets.number(Sheets.rows(realOut, "Predictions"), 1, "y")),
                Double.doubleToRawLongBits(Sheets.number(predictions, 1, "y")), "y, bit for bit");
    }

    @Test
    void columnsOfTextAreTakenByPositionWhenTheModelNamesNoInputs() throws IOException {
        Path model = TinyModel.write(dir.resolve("model.xlsx"), false, null);
        Path text = new HandXlsx().sheet("Data", new Object[][] {{"note", "a", "b"}, {"first", "1", "2"}})
                .write(dir.resolve("text.xlsx"));
        Path real = new HandXlsx().sheet("Data", new Object[][] {{"note", "a", "b"}, {"first", 1.0, 2.0}})
                .write(dir.resolve("real.xlsx"));
        Path textOut = dir.resolve("text-scored.xlsx");
        Path realOut = dir.resolve("real-scored.xlsx");
        Cli.Run run = Cli.run("score", model.toString(), "--input", text.toString(), "--out", textOut.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(ExitCodes.OK, Cli.run("score", model.toString(), "--input", real.toString(), "--out",
                realOut.toString()).exit(), "real");
        assertEquals(Sheets.number(Sheets.rows(realOut, "Predictions"), 1, "y"),
                Sheets.number(Sheets.rows(textOut, "Predictions"), 1, "y"), "y as with real numbers");
        assertEquals(List.of("x1", "a", "by position", "B"), find(Sheets.rows(textOut, "Audit"), "x1"), "Audit x1");
    }

    @Test
    void regressionTargetsStoredAsTextAreReadAsNumbers() throws IOException {
        String inputs = sheet("<row r=\"1\">" + inline("A1", "x1") + inline("B1", "x2") + inline("C1", "t") + "</row>"
                + "<row r=\"2\">" + number("A2", "1") + number("B2", "2") + inline("C2", "1.5") + "</row>"
                + "<row r=\"3\">" + number("A3", "3") + number("B3", "4") + inline("C3", "2.5") + "</row>");
        Path model = HandXlsx.smallModel(Map.of("Inputs", inputs)).write(dir.resolve("t.xlsx"));
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", model.toString(), "--target", "t", "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(List.of("sheetnet: warning: t.xlsx: Inputs!C2 and 1 other cell held numbers stored as text;"
                + " read as numbers"), run.stderrLines(), "stderr");
        List<List<Object>> predictions = Sheets.rows(out, "Predictions");
        // By hand: y = 1.1 and 2.6, so prediction − target = 1.1 − 1.5 = −0.4 and 2.6 − 2.5 = 0.1.
        assertEquals(1.5, Sheets.number(predictions, 1, "t"), 0, "target t, row 2, a number");
        assertEquals(-0.4, Sheets.number(predictions, 1, "error"), 1e-12, "error, row 2");
        assertEquals(0.1, Sheets.number(predictions, 2, "error"), 1e-12, "error, row 3");
    }

    @Test
    void checkVectorsStoredAsTextAreReadAndCountedWithTheModel() throws IOException {
        // By hand, (1, 2) gives y = 0.5 + 0.5 + 0.1 = 1.1, as the Checks row expects.
        Path model = HandXlsx.smallModel(Map.of())
                .sheet("Checks", new Object[][] {{"x1", "x2", "expected:y"}, {"1", 2.0, " 1.1 "}})
                .write(dir.resolve("checked.xlsx"));
        Cli.Run run = Cli.run("check", model.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(List.of("sheetnet: warning: checked.xlsx: Checks!A2 and 1 other cell held numbers stored as text;"
                + " read as numbers"), run.stderrLines(), "stderr");
        Cli.assertContains(run.stdout(), "check vectors: 1 check row");
        Path wrong = HandXlsx.smallModel(Map.of())
                .sheet("Checks", new Object[][] {{"x1", "x2", "expected:y"}, {1.0, 2.0, "1,1"}})
                .write(dir.resolve("wrong.xlsx"));
        Cli.Run refused = Cli.run("check", wrong.toString());
        assertEquals(ExitCodes.MODEL, refused.exit(), refused.stderr());
        assertEquals("wrong.xlsx: Checks!C2: expected a number, found text \"1,1\"", refused.oneLine(), "message");
    }

    @Test
    void aFeaturesSheetStoredAsTextPreparesAsItsNumbers() throws IOException {
        // x1' = (x1 − 1) / 2; by hand (1, 2) gives 0.5·0 + 0.25·2 + 0.1 = 0.6 and (3, 4) gives 0.5 + 1 + 0.1 = 1.6.
        Path model = HandXlsx.smallModel(Map.of())
                .sheet("Features", new Object[][] {{"feature", "offset", "scale"}, {"x1", "1", " 2 "}, {"x2", 0.0, 1.0}})
                .write(dir.resolve("prepared.xlsx"));
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", model.toString(), "--formulas", "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(List.of("sheetnet: warning: prepared.xlsx: Features!B2 and 1 other cell held numbers stored as"
                + " text; read as numbers"), run.stderrLines(), "stderr");
        List<List<Object>> predictions = Sheets.rows(out, "Predictions");
        assertEquals(0.6, Sheets.number(predictions, 1, "y"), 1e-15, "row 2, y by hand");
        assertEquals(1.6, Sheets.number(predictions, 2, "y"), 1e-15, "row 3, y by hand");
        assertEquals(List.of("x1", 1.0, 2.0), Sheets.rows(out, "Features").get(1), "Features copied as the numbers read");
        Cli.Run verify = Cli.run("verify", out.toString());
        assertEquals(ExitCodes.OK, verify.exit(), verify.stdout() + verify.stderr());
    }

    // y = 2·x1 − x2 + 0.5 on 12 rows; where text[r][c] is set, that cell is stored as that text instead.
    private Path trainingData(String name, String[][] text) throws IOException {
        StringBuilder rows = new StringBuilder("<row r=\"1\">" + inline("A1", "x1") + inline("B1", "x2")
                + inline("C1", "y") + "</row>");
        for (int r = 0; r < 12; r++) {
            double x1 = r * 0.25;
            double x2 = 3 - r * 0.5;
            double[] v = {x1, x2, 2 * x1 - x2 + 0.5};
            rows.append("<row r=\"").append(r + 2).append("\">");
            for (int c = 0; c < 3; c++) {
                String ref = "ABC".charAt(c) + Integer.toString(r + 2);
                String t = text[r][c];
                rows.append(t == null ? number(ref, Double.toString(v[c])) : inline(ref, t));
            }
            rows.append("</row>");
        }
        return new HandXlsx().sheetXml("Data", sheet(rows.toString())).write(dir.resolve(name));
    }

    @Test
    void trainReadsFeaturesAndTargetsStoredAsTextAsTheirNumbersAndSaysSo() throws IOException {
        String[][] none = new String[12][3];
        String[][] text = new String[12][3];
        text[0][1] = "3";          // B2: x2 = 3
        text[2][0] = " 0.5 ";      // A4: x1 = 0.5, spaces around
        text[2][2] = "-5E-1";      // C4: y = 2·0.5 − 2 + 0.5
        text[7][2] = "4.5";        // C9: y = 2·1.75 − (−0.5) + 0.5
        Path real = trainingData("real.xlsx", none);
        Path stored = trainingData("text.xlsx", text);
        Path realModel = dir.resolve("real-model.xlsx");
        Path textModel = dir.resolve("text-model.xlsx");
        String[] options = {"--features", "x1,x2", "--targets", "y", "--layers", "2,3,1", "--epochs", "20", "--quiet"};
        Cli.Run realRun = Cli.run(concat(new String[] {"train", real.toString(), "--out", realModel.toString()}, options));
        assertEquals(ExitCodes.OK, realRun.exit(), realRun.stderr());
        assertEquals(List.of(), realRun.stderrLines(), "no warning for real numbers");
        Cli.Run textRun = Cli.run(concat(new String[] {"train", stored.toString(), "--out", textModel.toString()}, options));
        assertEquals(ExitCodes.OK, textRun.exit(), textRun.stderr());
        assertEquals(List.of("sheetnet: warning: text.xlsx: Data!B2 and 3 other cells held numbers stored as text;"
                + " read as numbers"), textRun.stderrLines(), "one warning, the first cell in reading order");
        for (String sheet : List.of("W1", "b1", "W2", "b2")) {
            assertEquals(Sheets.rows(realModel, sheet), Sheets.rows(textModel, sheet),
                    sheet + ": the same training data gives the same weights");
        }
        assertEquals(List.of("numbers stored as text", 4.0,
                "text.xlsx: Data!B2 and 3 other cells held numbers stored as text; read as numbers"),
                find(Sheets.rows(textModel, "Audit"), "numbers stored as text"), "Audit");
        List<List<Object>> inputs = Sheets.rows(textModel, "Inputs");
        assertEquals(0.5, Sheets.number(inputs, 3, "x1"), 0.0, "the model's Inputs hold A4's number");
        assertEquals(4.5, Sheets.number(inputs, 8, "y"), 0.0, "and C9's");
    }

    @Test
    void trainStillRefusesTextThatIsNotANumber() throws IOException {
        String[][] text = new String[12][3];
        text[3][1] = "n/a";
        Path data = trainingData("bad.xlsx", text);
        Cli.Run run = Cli.run("train", data.toString(), "--features", "x1,x2", "--targets", "y", "--epochs", "2",
                "--out", dir.resolve("m.xlsx").toString(), "--quiet");
        assertEquals(ExitCodes.INPUT, run.exit(), run.stderr());
        assertEquals(List.of("sheetnet: bad.xlsx: Data!B5: expected a number, found text \"n/a\""), run.stderrLines());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static List<Object> find(List<List<Object>> rows, String label) {
        return rows.stream().filter(r -> !r.isEmpty() && label.equals(r.get(0))).findFirst()
                .orElseThrow(() -> new AssertionError("no Audit row " + label + " in " + rows));
    }
}
