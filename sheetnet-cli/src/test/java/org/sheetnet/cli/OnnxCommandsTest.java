package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.api.SheetnetModel;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.OnnxFixtures;
import org.sheetnet.testing.Ort;
import org.sheetnet.testing.Sheets;

/**
 * {@code sheetnet import-onnx} and {@code export-onnx} from the command line: a scikit-learn pipeline
 * with its StandardScaler and reference rows becomes a workbook whose checks pass, with its source
 * recorded; an ONNX test folder gives the Checks sheet; the example workbooks exported to ONNX are
 * computed by ONNX Runtime as sheetnet computes them; refusals are one line with their exit code and
 * leave nothing behind.
 */
class OnnxCommandsTest {

    @TempDir
    Path dir;

    @Test
    void importsAScikitLearnPipelineWithItsReferenceRows() throws IOException, NoSuchAlgorithmException {
        Path src = OnnxFixtures.root().resolve("models/addmo_skl2onnx_float64");
        Path out = dir.resolve("addmo.xlsx");
        Cli.Run run = Cli.run("import-onnx", src.resolve("mlp.onnx").toString(), "--expected",
                src.resolve("reference.json").toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertTrue(run.stdout().startsWith("imported 2 layers from 9 nodes of mlp.onnx (skl2onnx 1.16.0, IR 9, opset 19),"
                + " 8 inputs -> 1 output, inputs prepared by a Features sheet, "), run.stdout());
        Cli.Run check = Cli.run("check", out.toString(), "--check-tolerance", "1e-12");
        assertEquals(ExitCodes.OK, check.exit(), "the reference rows reproduce to 1e-12: " + check.stdout() + check.stderr());
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(src.resolve("mlp.onnx"))));
        List<List<Object>> source = Sheets.rows(out, "Source");
        assertTrue(source.contains(List.of("model SHA-256", hash)), "Source sheet records the file's hash");
        assertTrue(source.contains(List.of("producer", "skl2onnx 1.16.0")), "Source sheet records the producer");
        assertTrue(source.contains(List.of("opsets", "ai.onnx 19")), "Source sheet records the opset");
    }

    @Test
    void anOnnxTestFolderGivesTheChecksSheet() throws IOException {
        Path test = OnnxFixtures.root().resolve("node/test_softmax_example");
        Path out = dir.resolve("softmax.xlsx");
        Cli.Run run = Cli.run("import-onnx", test.resolve("model.onnx").toString(), "--expected",
                test.resolve("test_data_set_0").toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertTrue(run.stdout().contains(", 1 checks -> "), run.stdout());
        assertEquals(ExitCodes.OK, Cli.run("check", out.toString()).exit(), "ONNX's expected softmax reproduces");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"reject/ezkl_lstm/network.onnx", "reject/marabou_tinytaxinet_conv/KJ_TinyTaxiNet.onnx"})
    void aModelThatIsNoDenseChainIsRefusedInOneLine(String file) {
        Path out = dir.resolve("refused.xlsx");
        Cli.Run run = Cli.run("import-onnx", OnnxFixtures.root().resolve(file).toString(), "--out", out.toString());
        assertEquals(ExitCodes.MODEL, run.exit(), "exit code");
        List<String> lines = run.stderr().lines().toList();
        assertEquals(1, lines.size(), run.stderr());
        assertTrue(lines.get(0).matches("sheetnet: \\S+\\.onnx: node \".+\" \\((LSTM|Conv)\\) is not an operation .*"),
                lines.get(0));
        assertFalse(Files.exists(out), "no workbook written");
    }

    /** Every example workbook exported as float64 ONNX: ONNX Runtime gives sheetnet's outputs to 1e-12. */
    @Test
    void exportedExampleWorkbooksComputeInOnnxRuntimeAsInSheetnet() throws IOException {
        List<Path> workbooks;
        try (Stream<Path> files = Files.list(Path.of("workbooks"))) {
            workbooks = files.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        assertTrue(workbooks.size() >= 5, "example workbooks: " + workbooks);
        for (Path workbook : workbooks) {
            Path onnx = dir.resolve(workbook.getFileName().toString().replace(".xlsx", ".onnx"));
            Cli.Run run = Cli.run("export-onnx", workbook.toString(), "--out", onnx.toString());
            assertEquals(ExitCodes.OK, run.exit(), workbook + ": " + run.stderr());
            SheetnetModel model = Sheetnet.load(workbook);
            double[][] rows = rows(new Random(5), 20, model.inputNames().size());
            double[][] ours = model.score(rows);
            double[][] ort = Ort.run(onnx, rows, null);
            for (int r = 0; r < rows.length; r++) {
                for (int j = 0; j < ours[r].length; j++) {
                    assertEquals(ours[r][j], ort[r][j], 1e-12 * Math.max(1, Math.abs(ours[r][j])),
                            workbook + " row " + r + " output " + j);
                }
            }
        }
    }

    @Test
    void exportRefusesAnOpsetItDoesNotWriteAndAnExistingOutput() throws IOException {
        Path onnx = dir.resolve("m.onnx");
        Cli.Run old = Cli.run("export-onnx", "workbooks/seed-2-3-2-2.xlsx", "--opset", "9", "--out", onnx.toString());
        assertEquals(ExitCodes.MODEL, old.exit(), old.stderr());
        assertEquals("sheetnet: opset 9: sheetnet writes opsets 13 to 21", old.stderr().strip());
        assertFalse(Files.exists(onnx), "nothing written");
        Files.writeString(onnx, "keep me");
        Cli.Run exists = Cli.run("export-onnx", "workbooks/seed-2-3-2-2.xlsx", "--out", onnx.toString());
        assertEquals(ExitCodes.OUTPUT, exists.exit(), exists.stderr());
        assertEquals("keep me", Files.readString(onnx), "an existing output is kept without --force");
    }

    private static double[][] rows(Random random, int n, int width) {
        double[][] rows = new double[n][width];
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                row[j] = 4 * random.nextDouble() - 2;
            }
        }
        return rows;
    }
}
