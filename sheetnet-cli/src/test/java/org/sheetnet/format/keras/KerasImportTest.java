package org.sheetnet.format.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sheetnet.format.keras.KerasFixtures.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sheetnet.cli.Main;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;
import org.sheetnet.testing.Sheets;

/**
 * Imports real Keras files (sheetnet-core/src/test/resources/keras-real, provenance in its README) through the command line,
 * reads the workbook back with the contract's reader, and compares with what Keras computed.
 */
class KerasImportTest {

    private static final String DL4J = "keras2-dl4j/examples/";

    @TempDir
    Path dir;

    private int imports;

    private Path importKeras(String... args) {
        Path out = dir.resolve("imported-" + (++imports) + ".xlsx");
        String[] all = new String[args.length + 3];
        all[0] = "import-keras";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--out";
        all[args.length + 2] = out.toString();
        assertEquals(0, Main.run(all), "exit code of sheetnet " + String.join(" ", all));
        return out;
    }

    private static Network read(Path workbook) throws IOException {
        try (ModelWorkbook m = ModelReader.read(workbook)) {
            return m.network();
        }
    }

    /** Keras 2.3.1 Dense(16→32) + an activation layer; Keras's own predictions are stored beside each. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "activations/ELU_0, elu(alpha=0.699999988079071)",
        "activations/LeakyReLU_0, leaky_relu(negative_slope=0.5)",
        "activations/ReLU_0, relu(negative_slope=0.0)",
        "activations/ReLU_1, relu6",
        "activations/ReLU_3, relu(negative_slope=0.5)",
        "activations/Softmax_0, softmax",
        "simple_sparse_xent/simple_sparse_xent_mlp_keras_2, softmax"
    })
    void reproducesKerasPredictions(String name, String activation) throws IOException {
        Path out = importKeras(shared(DL4J + name + "_model.h5").toString(),
                "--expected", shared(DL4J + name + "_inputs_and_outputs.h5").toString());
        Network network = read(out);
        assertEquals(1, network.depth(), name + ": Dense layers");
        assertEquals(activation, network.layers().get(0).activation().describe(), name + ": Model!D2:E2");
        double worst = KerasFixtures.assertChecksReproduced(out, network);
        System.out.printf("%s: largest relative difference to Keras %.2e%n", name, worst);
    }

    @Test
    void weightsOnlyFileWithJsonConfigGivesTheSameNetwork() throws IOException {
        Network full = read(importKeras(shared(DL4J + "activations/ELU_0_model.h5").toString()));
        Network split = KerasImport.read(shared(DL4J + "activations/ELU_0_weights.h5"),
                Optional.of(shared(DL4J + "activations/ELU_0_config.json")));
        assertEquals(full.layers().get(0).weights(), split.layers().get(0).weights(), "W1");
        assertEquals(List.of(full.layers().get(0).bias().length), List.of(split.layers().get(0).bias().length));
        for (int j = 0; j < full.layers().get(0).units(); j++) {
            assertEquals(full.layers().get(0).bias()[j], split.layers().get(0).bias()[j], 0.0, "b1 unit " + j);
        }
    }

    @Test
    void namesUnitsAfterLayersAndWritesTheSourceSheet() throws IOException, NoSuchAlgorithmException {
        Path model = shared("keras2-hls4ml/keras_3layer.h5");
        Path out = importKeras(model.toString());
        Network network = read(out);
        assertShapes(network, 16, 64, 32, 32, 5);
        assertEquals(List.of("relu", "relu", "relu", "softmax"),
                network.layers().stream().map(l -> l.activation().name()).toList(), "Model!D2:D5");
        assertEquals("x1", network.inputNames().get(0), "W1!A2");
        assertEquals("fc1_relu_1", network.layers().get(0).unitNames().get(0), "W1!B1");
        assertEquals("output_softmax_5", network.outputLayer().unitNames().get(4), "W4!F1");
        List<List<Object>> source = Sheets.rows(out, KerasImport.SOURCE_SHEET);
        assertEquals(sha256(model), value(source, "model SHA-256"), "Source: model SHA-256");
        assertEquals("2.3.1", value(source, "keras_version"), "Source: keras_version");
        assertEquals("tensorflow", value(source, "backend"), "Source: backend");
    }

    @Test
    void readsPreKeras22ListConfigs() throws IOException {
        for (String file : List.of("optimizers/adam.h5", "optimizers/sgd.h5")) {
            Network network = read(importKeras(shared("keras2-dl4j/" + file).toString()));
            assertShapes(network, 100, 64, 10);
        }
    }

    @Test
    void readsKeras1NamesAndScopedWeights() throws IOException {
        // Keras 1.2.2: output_dim instead of units, weights under global/shared/dense_1_W:0.
        assertShapes(read(importKeras(shared("keras2-dl4j/tfscope/model.h5").toString())), 70, 256, 2);
        for (String file : List.of("dense_tensorflow_1.h5", "dense_tensorflow_2.h5", "dense_theano_1.h5",
                "dense_theano_2.h5")) {
            assertShapes(KerasImport.read(shared("keras2-dl4j/weights/" + file), Optional.empty()), 4, 6);
        }
    }

    @Test
    void readsTfKerasFunctionalChains() throws IOException {
        int imported = 0;
        try (var files = Files.list(shared("keras2-dl4j/tfkeras"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("mlp_")).toList()) {
                Network network = KerasImport.read(f, Optional.empty());
                assertEquals(6, network.outputLayer().outputWidth(), f.getFileName() + ": outputs");
                imported++;
            }
        }
        assertEquals(120, imported, "mlp_0 … mlp_119");
    }

    @Test
    void readsWeightsOnlyFilesWithArchitectureJson() {
        Network network = KerasImport.read(shared("keras2-hls4ml/KERAS_3layer_weights.h5"),
                Optional.of(shared("keras2-hls4ml/KERAS_3layer.json")));
        assertShapes(network, 16, 64, 32, 32, 5);
        Network dropout = KerasImport.read(shared("keras2-hls4ml/KERAS_dense_16x100x100x100x100x100x5_weights.h5"),
                Optional.of(shared("keras2-hls4ml/KERAS_dense_16x100x100x100x100x100x5.json")));
        assertShapes(dropout, 16, 100, 100, 100, 100, 100, 5);
    }

    @Test
    void readsAKeras3ZipMatchingLayersByOrder() {
        Network network = KerasImport.read(shared("keras3/student_pass_fail.keras"), Optional.empty());
        assertShapes(network, 2, 8, 1);
        assertEquals(List.of("relu", "sigmoid"), network.layers().stream().map(l -> l.activation().name()).toList());
        assertEquals(List.of("x1", "x2"), network.inputNames(), "input_layer is a generated name");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "reject/keras2c_example_model_LSTM.h5 | layer lstm_1 (LSTM): LSTM layers cannot be imported",
        "keras2-hls4ml/qkeras-v3_3layer.keras | layer fc1 (QDense): QDense layers cannot be imported",
        "keras2-dl4j/examples/activations/ReLU_2_model.h5 | layer re_lu_1 (ReLU): ReLU with threshold",
        "keras2-dl4j/examples/activations/ThresholdReLU_0_model.h5 | layer thresholded_re_lu_1 (ThresholdedReLU):"
                + " ThresholdedReLU with theta 0.699999988079071",
        "keras2-dl4j/tfkeras/act_2.h5 | layer dense_1 (Dense): activation \"hard_sigmoid\" cannot be imported exactly",
        "keras2-dl4j/tfkeras/act_1.h5 | layer activation (Activation): an activation before the first Dense layer"
    })
    void refusesWhatItCannotRepresentNamingTheLayer(String file, String message) {
        Path out = dir.resolve("refused.xlsx");
        String err = KerasFixtures.stderrOf(() -> assertEquals(3,
                Main.run("import-keras", shared(file).toString(), "--out", out.toString()), "exit code"));
        assertTrue(err.contains(Path.of(file).getFileName() + ": " + message), err);
        assertTrue(Files.notExists(out), "no workbook after a refusal");
    }

    @Test
    void weightsOnlyWithoutConfigAsksForIt() {
        String err = KerasFixtures.stderrOf(() -> assertEquals(3, Main.run("import-keras",
                shared("keras2-hls4ml/KERAS_1layer_weights.h5").toString(), "--out", dir.resolve("x.xlsx").toString())));
        assertTrue(err.contains("holds weights only; give the model's architecture JSON"), err);
    }

    private static void assertShapes(Network network, int... widths) {
        assertEquals(widths.length - 1, network.depth(), "layers");
        for (int k = 0; k < network.depth(); k++) {
            DenseLayer l = network.layers().get(k);
            assertEquals(widths[k] + "x" + widths[k + 1], l.inputWidth() + "x" + l.units(), "W" + (k + 1) + " shape");
        }
    }

    private static Object value(List<List<Object>> rows, String label) {
        for (List<Object> row : rows) {
            if (!row.isEmpty() && label.equals(row.get(0))) {
                return row.get(1);
            }
        }
        throw new AssertionError("no line " + label);
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
