package org.sheetnet.format.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.api.SheetnetModel;
import org.sheetnet.testing.OnnxFixtures;
import org.sheetnet.testing.Ort;

/**
 * Every whole model in {@code shared/onnx/models} (exported by PyTorch, skl2onnx, tf2onnx and keras2onnx),
 * loaded by sheetnet through the front door and run on the rows of its {@code reference.json}, agrees
 * with ONNX Runtime run on the same file and rows, and with the outputs stored in {@code reference.json}
 * (computed by onnxruntime-node from the unmodified file), within float32 rounding of long sums; and with
 * ONNX Runtime run on the model's float64 twin (same graph, weights widened) within 1e-12.
 */
class OnnxFixtureModelsTest {

    static Stream<String> models() throws IOException {
        try (Stream<Path> dirs = Files.list(OnnxFixtures.root().resolve("models"))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void agreesWithOnnxRuntimeAndTheStoredReference(String folder, @TempDir Path temp) throws IOException {
        Path dir = OnnxFixtures.root().resolve("models").resolve(folder);
        JsonNode ref = new ObjectMapper().readTree(dir.resolve("reference.json").toFile());
        Path model = dir.resolve(ref.path("model").asText());
        double[][] inputs = rows(ref.path("inputs"));
        Agreement tolerance = "float64".equals(ref.path("input_dtype").asText()) ? Agreement.FLOAT64
                : Agreement.FLOAT32_LONG_SUMS;

        SheetnetModel sheetnet = Sheetnet.load(model);
        double[][] ours = sheetnet.score(inputs);

        // skl2onnx classifiers: the probabilities are the ZipMap output, the labels the output units' names
        boolean classifier = ref.has("outputs_nontensor");
        List<String> classes = classifier ? sheetnet.outputNames() : List.of();
        String output = classifier ? "output_probability" : ref.path("outputs").fieldNames().next();
        double[][] ort = Ort.run(model, inputs, output);
        tolerance.assertRows(folder + " vs ONNX Runtime", ort, ours);

        Path twin = temp.resolve("twin.onnx");
        String compared = Float64Twin.write(model, twin);
        Agreement.FLOAT64.assertRows(folder + " vs ONNX Runtime on its float64 twin", Ort.run(twin, inputs, compared),
                ours);

        double[][] stored = !classifier ? rows(ref.path("outputs").path(output))
                : probabilities(ref.path("outputs_nontensor").path(output), classes);
        tolerance.assertRows(folder + " vs reference.json", stored, ours);
        if (classifier) {
            double[][] labels = rows(ref.path("outputs").path("output_label"));
            for (int r = 0; r < ours.length; r++) {
                assertEquals(String.valueOf((long) labels[r][0]), classes.get(argMax(ours[r])),
                        folder + " row " + r + ": the predicted class label");
            }
        }
    }

    static double[][] rows(JsonNode node) {
        double[][] rows = new double[node.size()][];
        for (int r = 0; r < rows.length; r++) {
            JsonNode row = node.get(r);
            if (!row.isArray()) {
                rows[r] = new double[] {row.doubleValue()};
                continue;
            }
            rows[r] = new double[row.size()];
            for (int j = 0; j < rows[r].length; j++) {
                rows[r][j] = row.get(j).doubleValue();
            }
        }
        return rows;
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

    private static int argMax(double[] v) {
        int best = 0;
        for (int j = 1; j < v.length; j++) {
            if (v[j] > v[best]) {
                best = j;
            }
        }
        return best;
    }
}
