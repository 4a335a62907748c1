package org.sheetnet.format.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sheetnet.format.keras.KerasFixtures.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.Sheets;

/**
 * {@code sheetnet score model.h5|model.keras} on the real Keras files: the predictions are bit for bit
 * those of {@code import-keras} then {@code score} of the workbook, and, where Keras's own predictions are
 * stored beside the model, agree with them within {@link KerasFixtures}' tolerance (Keras computed in float32).
 */
class ScoreKerasFileTest {

    private static final String DL4J = "keras2-dl4j/examples/";

    @TempDir
    Path dir;

    /** Keras 2.3.1 models with their inputs_and_outputs.h5 (inputs and Keras's predictions). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"activations/ELU_0", "activations/LeakyReLU_0", "activations/ReLU_0", "activations/ReLU_1",
        "activations/ReLU_3", "activations/Softmax_0", "simple_sparse_xent/simple_sparse_xent_mlp_keras_2"})
    void predictsAsImportThenScoreAndAsKerasDid(String name) throws IOException {
        Path model = shared(DL4J + name + "_model.h5");
        // import-keras --expected writes Keras's inputs (Inputs sheet) and predictions (Checks sheet).
        Path reference = dir.resolve("reference.xlsx");
        run("import-keras", model.toString(), "--expected", shared(DL4J + name + "_inputs_and_outputs.h5").toString(),
                "--out", reference.toString());
        String[] input = {"--input", reference.toString(), "--input-sheet", "Inputs"};
        Path direct = assertSameAsImportThenScore(model, input);

        List<String> outputs = Sheetnet.load(model).outputNames();
        List<List<Object>> checks = Sheets.rows(reference, "Checks");
        List<List<Object>> ours = predictions(direct);
        assertEquals(checks.size(), ours.size(), name + ": rows scored");
        for (int r = 1; r < checks.size(); r++) {
            for (String output : outputs) {
                double keras = Sheets.number(checks, r, "expected:" + output);
                double sheetnet = Sheets.number(ours, r, output);
                assertTrue(Math.abs(sheetnet - keras) <= KerasFixtures.RELATIVE * Math.abs(keras) + KerasFixtures.ZERO,
                        name + " row " + r + " " + output + ": Keras " + keras + ", score model.h5 " + sheetnet);
            }
        }
    }

    /** Files without stored predictions: a functional Keras 2 model, a Keras 3 zip, a Keras 1 file. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"keras2-hls4ml/keras_3layer.h5", "keras3/student_pass_fail.keras",
        "keras2-dl4j/tfscope/model.h5"})
    void predictsAsImportThenScore(String file) throws IOException {
        Path model = shared(file);
        Path rows = randomRows(Sheetnet.load(model).inputNames(), 50, new Random(16));
        assertSameAsImportThenScore(model, "--input", rows.toString());
    }

    @Test
    void theOutputVerifiesAndItsAuditNamesTheKerasFile() throws IOException {
        Path model = shared("keras3/student_pass_fail.keras");
        Path rows = randomRows(Sheetnet.load(model).inputNames(), 10, new Random(3));
        Path out = dir.resolve("scored.xlsx");
        run("score", model.toString(), "--input", rows.toString(), "--out", out.toString(), "--formulas");
        Cli.Run verify = Cli.run("verify", out.toString());
        assertEquals(ExitCodes.OK, verify.exit(), "verify: " + verify.stdout() + verify.stderr());
        Object readAs = Sheets.rows(out, "Audit").stream().filter(r -> r.size() > 1 && "model read as".equals(r.get(0)))
                .findFirst().orElseThrow().get(1);
        assertTrue(String.valueOf(readAs).startsWith("imported from the Keras model file student_pass_fail.keras as"
                + " sheetnet import-keras imports it"), "Audit: model read as: " + readAs);
        assertTrue(Sheets.names(out).contains("Source"), "the import's Source sheet is copied: " + Sheets.names(out));
    }

    // score MODEL and import-keras MODEL then score WORKBOOK, on the same rows: the same predictions file.
    private Path assertSameAsImportThenScore(Path model, String... input) throws IOException {
        Path direct = dir.resolve("direct.csv");
        run(concat(new String[] {"score", model.toString(), "--out", direct.toString()}, input));
        Path workbook = dir.resolve("imported.xlsx");
        run("import-keras", model.toString(), "--out", workbook.toString());
        Path viaWorkbook = dir.resolve("via-workbook.csv");
        run(concat(new String[] {"score", workbook.toString(), "--out", viaWorkbook.toString()}, input));
        assertArrayEquals(Files.readAllBytes(viaWorkbook), Files.readAllBytes(direct), model.getFileName()
                + ": predictions of score on the Keras file, byte for byte those of import-keras then score");
        return direct;
    }

    private static void run(String... args) {
        Cli.Run run = Cli.run(args);
        assertEquals(ExitCodes.OK, run.exit(), "sheetnet " + String.join(" ", args) + ": " + run.stderr());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private Path randomRows(List<String> names, int n, Random random) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(",", names)).append('\n');
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < names.size(); j++) {
                csv.append(j == 0 ? "" : ",").append(4 * random.nextDouble() - 2);
            }
            csv.append('\n');
        }
        return Files.writeString(dir.resolve("rows.csv"), csv);
    }

    // A predictions CSV as rows of cells: the header, then numbers (and the Inputs sheet's case names, passed through).
    private static List<List<Object>> predictions(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<List<Object>> rows = new java.util.ArrayList<>();
        rows.add(List.of((Object[]) lines.get(0).split(",")));
        for (String line : lines.subList(1, lines.size())) {
            rows.add(java.util.Arrays.stream(line.split(",")).map(ScoreKerasFileTest::cell).toList());
        }
        return rows;
    }

    private static Object cell(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return text;
        }
    }
}
