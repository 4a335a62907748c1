package org.sheetnet.format.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.OnnxFixtures;
import org.sheetnet.testing.Sheets;

/**
 * {@code sheetnet score model.onnx}: for every whole model in {@code shared/onnx/models}, the predictions
 * are bit for bit those of {@code import-onnx} then {@code score} of the workbook, and agree with the
 * outputs ONNX Runtime stored in the fixture's {@code reference.json} within the tolerances of
 * {@link OnnxFixtureModelsTest}; the output workbook carries the model sheets, so that its formulas and
 * {@code verify} pass; its Audit names the .onnx file and its SHA-256; refusals are one line.
 */
class ScoreOnnxFileTest {

    @TempDir
    Path dir;

    static Stream<String> models() throws IOException {
        return OnnxFixtureModelsTest.models();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void predictsAsImportThenScoreAndAsOnnxRuntimeStored(String folder) throws IOException {
        Path fixture = OnnxFixtures.root().resolve("models").resolve(folder);
        JsonNode ref = new ObjectMapper().readTree(fixture.resolve("reference.json").toFile());
        Path model = fixture.resolve(ref.path("model").asText());
        Path rows = writeRows(model, OnnxFixtureModelsTest.rows(ref.path("inputs")));

        Path direct = dir.resolve("direct.csv");
        run("score", model.toString(), "--input", rows.toString(), "--out", direct.toString());
        Path workbook = dir.resolve("imported.xlsx");
        run("import-onnx", model.toString(), "--out", workbook.toString());
        Path viaWorkbook = dir.resolve("via-workbook.csv");
        run("score", workbook.toString(), "--input", rows.toString(), "--out", viaWorkbook.toString());
        assertArrayEquals(Files.readAllBytes(viaWorkbook), Files.readAllBytes(direct),
                folder + ": predictions of score model.onnx, byte for byte those of import-onnx then score");

        boolean classifier = ref.has("outputs_nontensor");
        List<String> outputs = Sheetnet.load(model).outputNames();
        double[][] ours = columns(direct, outputs);
        String output = classifier ? "output_probability" : ref.path("outputs").fieldNames().next();
        double[][] stored = classifier ? probabilities(ref.path("outputs_nontensor").path(output), outputs)
                : OnnxFixtureModelsTest.rows(ref.path("outputs").path(output));
        Agreement tolerance = "float64".equals(ref.path("input_dtype").asText()) ? Agreement.FLOAT64
                : Agreement.FLOAT32_LONG_SUMS;
        tolerance.assertRows(folder + ": score model.onnx vs reference.json (ONNX Runtime)", stored, ours);
    }

    /** A scikit-learn pipeline (StandardScaler as a Features sheet, float64): formulas over the copied model sheets. */
    @Test
    void formulasAndVerifyPassAndTheAuditNamesTheOnnxFile() throws IOException, NoSuchAlgorithmException {
        Path fixture = OnnxFixtures.root().resolve("models/addmo_skl2onnx_float64");
        JsonNode ref = new ObjectMapper().readTree(fixture.resolve("reference.json").toFile());
        Path model = fixture.resolve("mlp.onnx");
        Path rows = writeRows(model, OnnxFixtureModelsTest.rows(ref.path("inputs")));
        Path out = dir.resolve("scored.xlsx");
        run("score", model.toString(), "--input", rows.toString(), "--out", out.toString(), "--formulas");

        Cli.Run verify = Cli.run("verify", out.toString());
        assertEquals(ExitCodes.OK, verify.exit(), "verify of the output: " + verify.stdout() + verify.stderr());
        assertTrue(verify.stdout().contains("formulas: "), "verify recomputed the formulas: " + verify.stdout());
        List<String> sheets = Sheets.names(out);
        for (String sheet : List.of("Model", "W1", "b1", "W2", "b2", "Features", "Source", "Audit")) {
            assertTrue(sheets.contains(sheet), "output sheet " + sheet + " in " + sheets);
        }
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(model)));
        List<List<Object>> audit = Sheets.rows(out, "Audit");
        assertEquals(model.toAbsolutePath().normalize().toString(), value(audit, "model file"), "Audit: model file");
        assertEquals(hash, value(audit, "model file SHA-256"), "Audit: model file SHA-256");
        assertTrue(String.valueOf(value(audit, "model read as")).startsWith("imported from the ONNX model file mlp.onnx"),
                "Audit: model read as: " + value(audit, "model read as"));
        assertEquals(hash, value(Sheets.rows(out, "Source"), "model SHA-256"), "Source: model SHA-256");
    }

    @Test
    void aDamagedOnnxFileIsOneLineAndLeavesNothing() throws IOException {
        byte[] whole = Files.readAllBytes(OnnxFixtures.root().resolve("models/ezkl_accuracy_pytorch/network.onnx"));
        Path damaged = dir.resolve("damaged.onnx");
        Files.write(damaged, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path rows = dir.resolve("rows.csv");
        Files.writeString(rows, "a,b\n1,2\n");
        Path out = dir.resolve("out.xlsx");
        Cli.Run run = Cli.run("score", damaged.toString(), "--input", rows.toString(), "--out", out.toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertTrue(run.oneLine().startsWith("damaged.onnx: not an ONNX model file"), run.stderr());
        assertFalse(Files.exists(out), "no output");
        Cli.Run check = Cli.run("check", damaged.toString());
        assertEquals(ExitCodes.FILE, check.exit(), check.stderr());
        assertTrue(check.oneLine().startsWith("damaged.onnx: not an ONNX model file"), check.stderr());
    }

    @Test
    void anOnnxFileGivenAsTheInputIsRefusedAsBefore() {
        Path onnx = OnnxFixtures.root().resolve("models/ezkl_accuracy_pytorch/network.onnx");
        Path out = dir.resolve("out.xlsx");
        Cli.Run run = Cli.run("score", "workbooks/xor-perceptron.xlsx", "--input", onnx.toString(), "--out",
                out.toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertEquals(onnx + ": inputs must be an .xlsx workbook or a .csv file", run.oneLine());
        assertFalse(Files.exists(out), "no output");
    }

    @Test
    void withoutInputRowsItSaysWhereTheyMustComeFrom() {
        Path onnx = OnnxFixtures.root().resolve("models/ezkl_accuracy_pytorch/network.onnx");
        Path out = dir.resolve("out.xlsx");
        Cli.Run run = Cli.run("score", onnx.toString(), "--out", out.toString());
        assertEquals(ExitCodes.INPUT, run.exit(), run.stderr());
        assertEquals("network.onnx: ONNX model files hold no input rows; give them with --input FILE (.csv or .xlsx)",
                run.oneLine());
        assertFalse(Files.exists(out), "no output");
    }

    @Test
    void checkPrintsTheLayersAndSaysThereAreNoCheckVectors() {
        Path onnx = OnnxFixtures.root().resolve("models/ezkl_accuracy_pytorch/network.onnx");
        Cli.Run run = Cli.run("check", onnx.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        // ezkl's README: Gemm 41→82, Relu, Gemm 82→82, Relu, Gemm 82→1.
        assertTrue(run.stdout().startsWith("network.onnx: 3 layers, 41 inputs -> 1 output"), run.stdout());
        assertTrue(run.stdout().contains("check vectors: none: ONNX model files hold no check vectors"), run.stdout());
    }

    @Test
    void verifyOfAnOnnxFileSaysWhatVerifyChecks() {
        Path onnx = OnnxFixtures.root().resolve("models/ezkl_accuracy_pytorch/network.onnx");
        Cli.Run run = Cli.run("verify", onnx.toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertTrue(run.oneLine().startsWith("network.onnx: ONNX model files are models, not workbooks written by"
                + " sheetnet score"), run.stderr());
    }

    private static void run(String... args) {
        Cli.Run run = Cli.run(args);
        assertEquals(ExitCodes.OK, run.exit(), "sheetnet " + String.join(" ", args) + ": " + run.stderr());
    }

    // A CSV of the rows under the model's input names, each number written so that it reads back exactly.
    private Path writeRows(Path model, double[][] rows) throws IOException {
        List<String> names = Sheetnet.load(model).inputNames();
        StringBuilder csv = new StringBuilder(String.join(",", names)).append('\n');
        for (double[] row : rows) {
            assertEquals(names.size(), row.length, "reference row width");
            for (int j = 0; j < row.length; j++) {
                csv.append(j == 0 ? "" : ",").append(Double.toString(row[j]));
            }
            csv.append('\n');
        }
        return Files.writeString(dir.resolve("rows.csv"), csv);
    }

    // The named columns of a predictions CSV (numbers, no quoting: sheetnet writes them so).
    private static double[][] columns(Path csv, List<String> names) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = List.of(lines.get(0).split(","));
        List<double[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            double[] row = new double[names.size()];
            for (int j = 0; j < row.length; j++) {
                int c = header.indexOf(names.get(j));
                assertTrue(c >= 0, "predictions column " + names.get(j) + " in " + header);
                row[j] = Double.parseDouble(cells[c]);
            }
            rows.add(row);
        }
        return rows.toArray(double[][]::new);
    }

    private static double[][] probabilities(JsonNode maps, List<String> classes) {
        double[][] rows = new double[maps.size()][classes.size()];
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < classes.size(); j++) {
                rows[r][j] = maps.get(r).path(classes.get(j)).doubleValue();
            }
        }
        return rows;
    }

    private static Object value(List<List<Object>> rows, String label) {
        return rows.stream().filter(r -> r.size() > 1 && label.equals(r.get(0))).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + label)).get(1);
    }
}
