package org.sheetnet.format.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sheetnet.SheetnetException;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.format.onnx.proto.Onnx.GraphProto;
import org.sheetnet.format.onnx.proto.Onnx.ModelProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorShapeProto;
import org.sheetnet.format.onnx.proto.Onnx.ValueInfoProto;
import org.sheetnet.model.Model;
import org.sheetnet.testing.OnnxFixtures;
import org.sheetnet.testing.Ort;

/**
 * The ONNX project's own operator tests ({@code shared/onnx/node}, {@code node_compat},
 * {@code node_legacy_pytorch}): each model's weight inputs (input_1.pb, … of its test data) are made
 * initializers, and the model is imported. Where sheetnet imports it, its outputs on input_0.pb equal
 * the test's output_0.pb (computed by ONNX's numpy reference) and ONNX Runtime's on the same file; where
 * it refuses, the refusal is expected (listed below with the reason), in one line naming the node.
 */
class OnnxNodeTestsTest {

    /**
     * The tests sheetnet refuses, with a fragment of the message; every other test must import and agree
     * (test_clip and test_clip_example as hard_tanh, test_clip_default_min, whose only bound is min 0, as
     * relu, test_clip_default_inbounds as no operation).
     */
    private static final Map<String, String> REFUSED = Map.ofEntries(
            Map.entry("test_add", "broadcasts [3, 4, 5] over a rank-3 tensor"),
            Map.entry("test_sub", "broadcasts [3, 4, 5] over a rank-3 tensor"),
            Map.entry("test_mul", "broadcasts [3, 4, 5] over a rank-3 tensor"),
            Map.entry("test_div", "broadcasts [3, 4, 5] over a rank-3 tensor"),
            Map.entry("test_add_bcast", "over a rank-3 tensor"),
            Map.entry("test_sub_bcast", "over a rank-3 tensor"),
            Map.entry("test_mul_bcast", "over a rank-3 tensor"),
            Map.entry("test_div_bcast", "over a rank-3 tensor"),
            Map.entry("test_batchnorm_epsilon", "rank-4 tensor"),
            Map.entry("test_batchnorm_example", "rank-4 tensor"),
            Map.entry("test_gemm_all_attributes", "transA=1"),
            Map.entry("test_gemm_transposeA", "transA=1"),
            Map.entry("test_gemm_default_matrix_bias", "the same for every row"),
            Map.entry("test_hardsigmoid", "beta=0.6"),
            Map.entry("test_hardsigmoid_example", "beta=0.6"),
            Map.entry("test_selu", "alpha=2.0, gamma=3.0"),
            Map.entry("test_selu_example", "alpha=2.0, gamma=3.0"),
            Map.entry("test_gelu_tanh_1", "approximate=tanh"),
            Map.entry("test_gelu_tanh_2", "approximate=tanh"),
            Map.entry("test_softmax_axis_0", "axis 0 of a rank-3"),
            Map.entry("test_softmax_axis_1", "axis 1 of a rank-3"),
            Map.entry("test_softmax_axis_2", "axis 2 of a rank-3"),
            Map.entry("test_softmax_default_axis", "axis 2 of a rank-3"),
            Map.entry("test_softmax_negative_axis", "axis 2 of a rank-3"),
            Map.entry("test_logsoftmax_axis_0", "axis 0 of a rank-3"),
            Map.entry("test_logsoftmax_axis_1", "axis 1 of a rank-3"),
            Map.entry("test_logsoftmax_axis_2", "axis 2 of a rank-3"),
            Map.entry("test_logsoftmax_default_axis", "axis 2 of a rank-3"),
            Map.entry("test_logsoftmax_negative_axis", "axis 2 of a rank-3"),
            Map.entry("test_matmul_bcast", "rank-4 tensor"),
            Map.entry("test_flatten_axis0", "axis 0 mixes the batch"),
            Map.entry("test_flatten_axis2", "axis 2 mixes the batch"),
            Map.entry("test_flatten_axis3", "axis 3 mixes the batch"),
            Map.entry("test_flatten_negative_axis1", "axis 3 mixes the batch"),
            Map.entry("test_flatten_negative_axis2", "axis 2 mixes the batch"),
            Map.entry("test_flatten_negative_axis4", "axis 0 mixes the batch"),
            Map.entry("test_reshape_negative_dim", "reshapes to [2, -1, 2]"),
            Map.entry("test_dropout_default_mask", "mask output"),
            Map.entry("test_dropout_default_mask_ratio", "mask output"),
            Map.entry("test_Linear_no_bias", "(Transpose) is not an operation"),
            Map.entry("test_prelu_broadcast", "slopes ([5]); sheetnet imports PRelu with one slope for every unit"),
            Map.entry("test_prelu_example", "slopes ([3, 4, 5]); sheetnet imports PRelu with one slope for every unit"),
            Map.entry("test_exp", "(Exp) is not an operation"),
            Map.entry("test_exp_example", "(Exp) is not an operation"),
            Map.entry("test_clip_inbounds", "min=-5.0, max=5.0; sheetnet has Clip as relu"),
            Map.entry("test_clip_outbounds", "min=-5.0, max=5.0; sheetnet has Clip as relu"),
            Map.entry("test_clip_splitbounds", "min=-5.0, max=5.0; sheetnet has Clip as relu"),
            Map.entry("test_clip_default_max", "min=none, max=0.0; sheetnet has Clip as relu"),
            Map.entry("test_operator_clip", "min=-0.5, max=0.5; sheetnet has Clip as relu"),
            Map.entry("test_operator_addmm", "is read by 2 nodes"));

    /** ONNX Runtime 1.23.2 cannot run these (IR above 11, or no Gemm-6 or PRelu-6 kernel): compared with output_0.pb only. */
    private static final Set<String> NOT_IN_ORT = Set.of("test_Linear", "test_operator_mm", "test_PReLU_1d");

    static Stream<String> tests() throws IOException {
        List<String> all = new ArrayList<>();
        for (String folder : List.of("node", "node_compat", "node_legacy_pytorch")) {
            try (Stream<Path> dirs = Files.list(OnnxFixtures.root().resolve(folder))) {
                dirs.filter(d -> Files.exists(d.resolve("model.onnx")))
                        .forEach(d -> all.add(folder + "/" + d.getFileName()));
            }
        }
        return all.stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tests")
    void importsAndAgreesOrRefusesInOneLine(String test, @TempDir Path temp) throws IOException {
        Path dir = OnnxFixtures.root().resolve(test);
        String name = dir.getFileName().toString();
        Path frozen = temp.resolve("model.onnx");
        ModelProto proto = freeze(dir, frozen);
        String refusal = REFUSED.get(name);
        if (refusal != null) {
            SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(frozen), test);
            assertTrue(e.getMessage().contains(refusal) && e.getMessage().startsWith("model.onnx: ")
                    && !e.getMessage().contains("\n"), () -> test + ": message " + e.getMessage());
            return;
        }
        Model model = OnnxImport.readModel(frozen);
        TensorData input = tensor(dir.resolve("test_data_set_0/input_0.pb"));
        TensorData expected = tensor(dir.resolve("test_data_set_0/output_0.pb"));
        int width = model.network().inputWidth();
        double[][] rows = rows(input.values(), width);
        double[][] ours = Sheetnet.of(model).score(rows);
        Agreement.FLOAT32_ELEMENTWISE.assertRows(test + " vs output_0.pb", rows(expected.values(), ours[0].length), ours);
        if (proto.getIrVersion() <= 11 && !NOT_IN_ORT.contains(name)) {
            Agreement.FLOAT32_ELEMENTWISE.assertRows(test + " vs ONNX Runtime", Ort.run(frozen, rows, null), ours);
        }
    }

    /**
     * The model with its inputs after the first made initializers from the test data, written to {@code target};
     * a rank-1 input of more than 1000 values is declared [n/100, 100] (the operation is elementwise, and an
     * identity layer of 10⁸ weights would not fit the test's heap).
     */
    static ModelProto freeze(Path dir, Path target) throws IOException {
        ModelProto model = ModelProto.parseFrom(Files.readAllBytes(dir.resolve("model.onnx")));
        GraphProto graph = model.getGraph();
        Set<String> initialized = new java.util.HashSet<>();
        graph.getInitializerList().forEach(t -> initialized.add(t.getName()));
        List<ValueInfoProto> data = graph.getInputList().stream().filter(i -> !initialized.contains(i.getName())).toList();
        GraphProto.Builder g = graph.toBuilder().clearInput();
        graph.getInputList().stream().filter(i -> initialized.contains(i.getName())).forEach(g::addInput);
        g.addInput(wideVector(data.get(0)));
        for (int k = 1; k < data.size(); k++) {
            TensorProto t = TensorProto.parseFrom(Files.readAllBytes(dir.resolve("test_data_set_0/input_" + k + ".pb")));
            g.addInitializer(t.toBuilder().setName(data.get(k).getName()));
        }
        ModelProto frozen = model.toBuilder().setGraph(g).build();
        try (OutputStream out = Files.newOutputStream(target)) {
            frozen.writeTo(out);
        }
        return frozen;
    }

    private static ValueInfoProto wideVector(ValueInfoProto input) {
        TensorShapeProto shape = input.getType().getTensorType().getShape();
        if (shape.getDimCount() != 1 || shape.getDim(0).getDimValue() <= 1000) {
            return input;
        }
        long n = shape.getDim(0).getDimValue();
        ValueInfoProto.Builder b = input.toBuilder();
        b.getTypeBuilder().getTensorTypeBuilder().setShape(TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(n / 100))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(100)));
        return b.build();
    }

    private static TensorData tensor(Path pb) throws IOException {
        return TensorData.decode(TensorProto.parseFrom(Files.readAllBytes(pb)), null, pb.getFileName().toString());
    }

    static double[][] rows(double[] values, int width) {
        assertEquals(0, values.length % width, "values fill whole rows of " + width);
        double[][] rows = new double[values.length / width][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(values, r * width, (r + 1) * width);
        }
        return rows;
    }
}
