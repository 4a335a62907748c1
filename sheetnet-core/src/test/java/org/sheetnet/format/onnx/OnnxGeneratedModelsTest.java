package org.sheetnet.format.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sheetnet.format.onnx.Graphs.f;
import static org.sheetnet.format.onnx.Graphs.i;
import static org.sheetnet.format.onnx.Graphs.in;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheetnet.SheetnetException;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto.DataType;
import org.sheetnet.model.Model;
import org.sheetnet.testing.Ort;

/**
 * Edge cases written by the test itself, each run by ONNX Runtime and by sheetnet: every Gemm
 * transB/alpha/beta/bias-shape combination (transA refused), Softmax and LogSoftmax before and after
 * opset 13, float16 and float64 models, typed fields against raw_data.
 */
class OnnxGeneratedModelsTest {

    @TempDir
    Path dir;

    private static final double[] B = {0.5, -1.25, 2.0, 0.75, -0.5, 1.5, 0.25, -2.0, 1.0, -0.75, 0.125, 0.375};

    static Stream<Arguments> gemms() {
        List<Arguments> all = new ArrayList<>();
        for (boolean transB : new boolean[] {false, true}) {
            for (double alpha : new double[] {1.0, 0.5}) {
                for (double beta : new double[] {1.0, 0.35}) {
                    for (String bias : new String[] {"none", "scalar", "[1]", "[4]", "[1,4]"}) {
                        all.add(Arguments.of(transB, alpha, beta, bias));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "transB={0} alpha={1} beta={2} bias {3}")
    @MethodSource("gemms")
    void gemmAgreesWithOnnxRuntime(boolean transB, double alpha, double beta, String bias) throws IOException {
        for (DataType type : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            Graphs g = new Graphs(type).input("X", -1, 3).output("Y", -1, 4);
            g.weight("B", transB ? new long[] {4, 3} : new long[] {3, 4}, B);
            List<String> inputs = new ArrayList<>(List.of("X", "B"));
            switch (bias) {
                case "scalar" -> g.weight("C", new long[0], 0.625);
                case "[1]" -> g.weight("C", new long[] {1}, -0.375);
                case "[4]" -> g.weight("C", new long[] {4}, 0.5, -1, 1.5, -2);
                case "[1,4]" -> g.weight("C", new long[] {1, 4}, 0.25, 0.125, -0.5, 3);
                default -> { }
            }
            if (!"none".equals(bias)) {
                inputs.add("C");
            }
            g.node("Gemm", "Y", inputs.toArray(String[]::new), i("transB", transB ? 1 : 0), f("alpha", alpha),
                    f("beta", beta));
            Path file = g.write(dir.resolve("gemm-" + type + ".onnx"), 13);
            double[][] rows = rows(new Random(11), 9, 3);
            double[][] ours = Sheetnet.load(file).score(rows);
            agreement(type).assertRows("Gemm " + type, Ort.run(file, rows, null), ours);
        }
    }

    @Test
    void gemmWithTransposedDataIsRefused() throws IOException {
        Path file = new Graphs(DataType.FLOAT).input("X", 3, 5).output("Y", 5, 4).weight("B", new long[] {3, 4}, B)
                .node("Gemm", "Y", in("X", "B"), i("transA", 1)).write(dir.resolve("transA.onnx"), 13);
        SheetnetException e = assertThrows(SheetnetException.class, () -> Sheetnet.load(file));
        assertEquals("transA.onnx: node \"Gemm_1\" (Gemm) transA=1 would multiply across the batch; sheetnet imports"
                + " Gemm with the data as A, untransposed", e.getMessage());
    }

    /** [N, 2, 3] → Softmax(axis=1) → Flatten: before opset 13 a softmax over the 6 values of each row. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Softmax", "LogSoftmax"})
    void softmaxBeforeOpset13FlattensToRows(String op) throws IOException {
        Path file = new Graphs(DataType.FLOAT).input("X", -1, 2, 3).output("Y", -1, 6)
                .node(op, "S", in("X"), i("axis", 1)).node("Flatten", "Y", in("S"), i("axis", 1))
                .write(dir.resolve("opset11.onnx"), 11);
        double[][] rows = rows(new Random(3), 5, 6);
        Agreement.FLOAT32.assertRows(op + " opset 11", Ort.run(file, rows, null), Sheetnet.load(file).score(rows));
    }

    /** The same graph at opset 13 normalises over axis 1 alone (2 values), which is no row operation: refused. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Softmax", "LogSoftmax"})
    void softmaxFromOpset13OverAnInnerAxisIsRefused(String op) throws IOException {
        Path file = new Graphs(DataType.FLOAT).input("X", -1, 2, 3).output("Y", -1, 6)
                .node(op, "S", in("X"), i("axis", 1)).node("Flatten", "Y", in("S"), i("axis", 1))
                .write(dir.resolve("opset13.onnx"), 13);
        SheetnetException e = assertThrows(SheetnetException.class, () -> Sheetnet.load(file));
        assertTrue(e.getMessage().contains("normalises over axis 1 of a rank-3 tensor (opset 13)"), e.getMessage());
    }

    /** From opset 13 the default axis is the last: after a Flatten, a softmax over each row. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Softmax", "LogSoftmax"})
    void softmaxFromOpset13OverTheLastAxis(String op) throws IOException {
        Path file = new Graphs(DataType.DOUBLE).input("X", -1, 2, 3).output("Y", -1, 6)
                .node("Flatten", "F", in("X"), i("axis", 1)).node(op, "Y", in("F"))
                .write(dir.resolve("opset13-last.onnx"), 13);
        double[][] rows = rows(new Random(4), 5, 6);
        Agreement.FLOAT64.assertRows(op + " opset 13", Ort.run(file, rows, null), Sheetnet.load(file).score(rows));
    }

    /** A float16 model: weights and inputs exactly representable; ONNX Runtime computes in float16. */
    @Test
    void float16ModelAgreesWithinFloat16Rounding() throws IOException {
        Path file = new Graphs(DataType.FLOAT16).input("X", -1, 3).output("Y", -1, 4).weight("B", new long[] {3, 4}, B)
                .weight("C", new long[] {4}, 0.5, -1, 1.5, -2).node("Gemm", "H", in("X", "B", "C"))
                .node("Tanh", "Y", in("H")).write(dir.resolve("f16.onnx"), 13);
        double[][] rows = {{0.5, -1.25, 2}, {1, 0.25, -0.75}, {-2, 0.125, 0.5}};
        double[][] ours = Sheetnet.load(file).score(rows);
        new Agreement(2e-3, 1e-3).assertRows("float16", Ort.run(file, rows, null), ours);
        // the weights themselves are exact: tanh(0.5·0.5 − 1.25·(−0.5) + 2·1.0 + 0.5) = tanh(3.375), by hand
        assertEquals(Math.tanh(3.375), ours[0][0], 1e-15, "Y[0][0] from the float16 weights");
    }

    /** The same weights stored as typed fields and as little-endian raw_data read the same, for each type. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"FLOAT", "DOUBLE", "FLOAT16"})
    void rawDataEqualsTypedFields(String typeName) throws IOException {
        DataType type = DataType.valueOf(typeName);
        TensorProto typed = Graphs.tensor("B", type, new long[] {3, 4}, B);
        TensorProto raw = typed.toBuilder().clearFloatData().clearDoubleData().clearInt32Data()
                .setRawData(raw(type, B)).build();
        Model a = OnnxImport.readModel(single(type, typed, "typed.onnx"));
        Model b = OnnxImport.readModel(single(type, raw, "raw.onnx"));
        assertEquals(a.network().layers().get(0).weights(), b.network().layers().get(0).weights(), typeName + " weights");
        assertEquals(0.5, a.network().layers().get(0).weights().get(0, 0), typeName + " W[0][0]");
        assertEquals(0.375, a.network().layers().get(0).weights().get(2, 3), typeName + " W[2][3]");
    }

    private Path single(DataType type, TensorProto weights, String name) throws IOException {
        return new Graphs(type).input("X", -1, 3).output("Y", -1, 4).initializer(weights)
                .node("MatMul", "Y", in("X", "B")).write(dir.resolve(name), 13);
    }

    static ByteString raw(DataType type, double[] values) {
        int width = type == DataType.DOUBLE ? 8 : type == DataType.FLOAT ? 4 : 2;
        ByteBuffer b = ByteBuffer.allocate(values.length * width).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (type) {
                case DOUBLE -> b.putDouble(v);
                case FLOAT -> b.putFloat((float) v);
                default -> b.putShort((short) Half.fromDouble(v));
            }
        }
        return ByteString.copyFrom(b.array());
    }

    /**
     * A layer (MatMul: Gemm before opset 11 needs a bias) then Clip, its bounds as inputs (opset 13) or attributes (opset 10): [0, 6] is relu6,
     * [−1, 1] hard_tanh, [0, none) relu, each equal to ONNX Runtime's; inputs spread so that both
     * bounds are reached. Other bounds are refused naming the node.
     */
    @ParameterizedTest(name = "opset {0}")
    @ValueSource(ints = {10, 13})
    void clipWithTheBoundsOfAnActivationAgreesWithOnnxRuntime(int opset) throws IOException {
        double[][] bounds = {{0, 6}, {-1, 1}, {0, Double.NaN}};
        for (double[] b : bounds) {
            boolean max = !Double.isNaN(b[1]);
            Graphs g = new Graphs(DataType.FLOAT).input("X", -1, 3).output("Y", -1, 4).weight("B", new long[] {3, 4}, B)
                    .node("MatMul", "H", in("X", "B"));
            if (opset >= 11) {
                g.weight("lo", new long[0], b[0]);
                if (max) {
                    g.weight("hi", new long[0], b[1]);
                }
                g.node("Clip", "Y", max ? in("H", "lo", "hi") : in("H", "lo"));
            } else if (max) {
                g.node("Clip", "Y", in("H"), f("min", b[0]), f("max", b[1]));
            } else {
                g.node("Clip", "Y", in("H"), f("min", b[0]));
            }
            Path file = g.write(dir.resolve("clip-" + opset + ".onnx"), opset);
            double[][] rows = rows(new Random(12), 40, 3);
            for (double[] row : rows) {
                for (int j = 0; j < row.length; j++) {
                    row[j] *= 2; // MatMul outputs up to about ±16: past 6 and −1 both
                }
            }
            double[][] ort = Ort.run(file, rows, null);
            long atLow = values(ort).filter(v -> v == b[0]).count();
            long atHigh = values(ort).filter(v -> v == b[1]).count();
            assertTrue(atLow > 0 && (!max || atHigh > 0), "both bounds reached: " + atLow + ", " + atHigh);
            Agreement.FLOAT32.assertRows("Clip " + java.util.Arrays.toString(b) + " opset " + opset, ort,
                    Sheetnet.load(file).score(rows));
        }
        Path other = new Graphs(DataType.FLOAT).input("X", -1, 3).output("Y", -1, 4).weight("B", new long[] {3, 4}, B)
                .node("MatMul", "H", in("X", "B")).node("Clip", "Y", in("H"), f("min", 0), f("max", 1))
                .write(dir.resolve("clip-0-1.onnx"), 10);
        SheetnetException e = assertThrows(SheetnetException.class, () -> Sheetnet.load(other));
        assertEquals("clip-0-1.onnx: node \"Clip_2\" (Clip): min=0.0, max=1.0; sheetnet has Clip as relu (min 0, no max),"
                + " relu6 (0, 6) and hard_tanh (-1, 1)", e.getMessage());
    }

    /**
     * PRelu with one slope (PyTorch's nn.PReLU()) is leaky_relu, equal to ONNX Runtime's (which has PRelu in
     * float32 only); a slope per unit is refused.
     */
    @Test
    void preluWithOneSlopeAgreesWithOnnxRuntime() throws IOException {
        for (long[] dims : new long[][] {{1}, {}}) {
            Path file = new Graphs(DataType.FLOAT).input("X", -1, 3).output("Y", -1, 4).weight("B", new long[] {3, 4}, B)
                    .weight("slope", dims, 0.25).node("MatMul", "H", in("X", "B")).node("PRelu", "Y", in("H", "slope"))
                    .write(dir.resolve("prelu.onnx"), 13);
            double[][] rows = rows(new Random(13), 20, 3);
            double[][] ort = Ort.run(file, rows, null);
            assertTrue(values(ort).anyMatch(v -> v < 0)
                    && values(ort).anyMatch(v -> v > 0),
                    "both sides of 0 reached");
            Agreement.FLOAT32.assertRows("PRelu slope " + java.util.Arrays.toString(dims), ort, Sheetnet.load(file).score(rows));
        }
        Path perUnit = new Graphs(DataType.FLOAT).input("X", -1, 3).output("Y", -1, 4).weight("B", new long[] {3, 4}, B)
                .weight("slope", new long[] {4}, 0.25, 0.5, 0.1, 0.2).node("MatMul", "H", in("X", "B"))
                .node("PRelu", "Y", in("H", "slope")).write(dir.resolve("prelu-4.onnx"), 13);
        SheetnetException e = assertThrows(SheetnetException.class, () -> Sheetnet.load(perUnit));
        assertEquals("prelu-4.onnx: node \"PRelu_2\" (PRelu) has 4 slopes ([4]); sheetnet imports PRelu with one slope"
                + " for every unit, as leaky_relu", e.getMessage());
    }

    /** Swish (opset 24) with alpha 1 is silu (ONNX's test_swish checks the values); another alpha is refused. */
    @Test
    void swishWithAnotherAlphaIsRefused() throws IOException {
        Path file = new Graphs(DataType.FLOAT).input("X", -1, 3).output("Y", -1, 4).weight("B", new long[] {3, 4}, B)
                .node("MatMul", "H", in("X", "B")).node("Swish", "Y", in("H"), f("alpha", 0.5))
                .write(dir.resolve("swish.onnx"), 24);
        SheetnetException e = assertThrows(SheetnetException.class, () -> Sheetnet.load(file));
        assertEquals("swish.onnx: node \"Swish_2\" (Swish): alpha=0.5; sheetnet's silu is x·sigmoid(x), alpha 1",
                e.getMessage());
    }

    // Every value of a batch's outputs.
    private static java.util.stream.DoubleStream values(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream);
    }

    private static Agreement agreement(DataType type) {
        return type == DataType.DOUBLE ? Agreement.FLOAT64 : Agreement.FLOAT32;
    }

    static double[][] rows(Random random, int n, int width) {
        double[][] rows = new double[n][width];
        for (double[] row : rows) {
            for (int j = 0; j < width; j++) {
                row[j] = Math.rint(64 * (4 * random.nextDouble() - 2)) / 64; // exact in float32
            }
        }
        return rows;
    }
}
