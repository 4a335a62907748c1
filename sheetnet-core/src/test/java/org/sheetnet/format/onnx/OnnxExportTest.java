package org.sheetnet.format.onnx;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.FeatureScaling;
import org.sheetnet.model.InputPreparation;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;
import org.sheetnet.model.Provenance;
import org.sheetnet.testing.Ort;

/**
 * Every activation sheetnet has, in a model of Features + two layers, exported to ONNX and run by ONNX
 * Runtime: float64 equals sheetnet to 1e-12, float32 to float32 rounding.
 */
class OnnxExportTest {

    static List<String> activations() {
        return Activations.known();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void onnxRuntimeComputesWhatSheetnetComputes(String name, @TempDir Path dir) {
        Activation act = Activations.find(name, parameterOf(name)).orElseThrow();
        Model model = model(act, new Random(name.hashCode()));
        double[][] rows = rows(new Random(7), 64, 3, 8);
        double[][] ours = Sheetnet.of(model).score(rows);
        for (int opset : new int[] {OnnxExport.MIN_OPSET, OnnxExport.DEFAULT_OPSET, OnnxExport.MAX_OPSET}) {
            Path file = dir.resolve(name + "-" + opset + ".onnx");
            OnnxExport.write(model, opset, false, file, false);
            Agreement.FLOAT64.assertRows(act.describe() + " float64 opset " + opset, ours, Ort.run(file, rows, null));
        }
        // float32: rows in [−2, 2], where the model's float32 rounding stays near 1e-6 (over [−8, 8] the
        // exponential's float32 pre-activations near 9 alone err by 1e-5 relative)
        double[][] small = rows(new Random(8), 64, 3, 2);
        Path f32 = dir.resolve(name + "-f32.onnx");
        OnnxExport.write(model, OnnxExport.DEFAULT_OPSET, true, f32, false);
        Agreement.FLOAT32_LONG_SUMS.assertRows(act.describe() + " float32", Sheetnet.of(model).score(small),
                Ort.run(f32, small, null));
    }

    /** A parameter other than the default where the activation takes one, to see it used. */
    private static OptionalDouble parameterOf(String name) {
        return Activations.of(name).parameter().isPresent() ? OptionalDouble.of(0.35) : OptionalDouble.empty();
    }

    /** Features (offset, scale) → 3×4 layer with the activation → 4(or 2, 8)×2 linear layer. */
    static Model model(Activation act, Random random) {
        DenseLayer first = layer("dense_1", 3, 4, act, random, 2.0);
        DenseLayer second = layer("dense_2", first.outputWidth(), 2, Activations.of("linear"), random, 1.0);
        List<FeatureScaling> features = List.of(new FeatureScaling("a", 1.5, 2.0, Double.NaN, -10, 10),
                new FeatureScaling("b", -0.25, 0.5, Double.NaN, -10, 10),
                new FeatureScaling("c", 0, 3.0, 0.5, -10, 10));
        return new Model(new Network(List.of(first, second)), Optional.of(new InputPreparation(features)),
                Optional.empty(), Provenance.inMemory("OnnxExportTest"));
    }

    private static DenseLayer layer(String name, int in, int out, Activation act, Random random, double spread) {
        double[] w = new double[in * out];
        double[] b = new double[out];
        for (int k = 0; k < w.length; k++) {
            w[k] = spread * (2 * random.nextDouble() - 1);
        }
        for (int j = 0; j < out; j++) {
            b[j] = 2 * random.nextDouble() - 1;
        }
        List<String> units = java.util.stream.IntStream.rangeClosed(1, out).mapToObj(j -> name + "_" + j).toList();
        return new DenseLayer(name, new Matrix(in, out, w), b, act, List.of(), units);
    }

    /** Rows spread over [−spread, spread]; at 8 every activation's branches are taken. */
    static double[][] rows(Random random, int n, int width, double spread) {
        double[][] rows = new double[n][width];
        for (double[] row : rows) {
            for (int i = 0; i < width; i++) {
                row[i] = spread * (2 * random.nextDouble() - 1);
            }
        }
        return rows;
    }
}
