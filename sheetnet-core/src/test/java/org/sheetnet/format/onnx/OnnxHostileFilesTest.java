package org.sheetnet.format.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sheetnet.format.onnx.Graphs.in;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.onnx.proto.Onnx.AttributeProto;
import org.sheetnet.format.onnx.proto.Onnx.GraphProto;
import org.sheetnet.format.onnx.proto.Onnx.ModelProto;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;
import org.sheetnet.format.onnx.proto.Onnx.StringStringEntryProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto.DataType;
import org.sheetnet.model.Model;
import org.sheetnet.testing.OnnxFixtures;

/**
 * Files that must be refused in one line naming the file (and node or tensor): real models that are no
 * chain of dense layers, damaged or lying protobuf, external data outside the model's folder or beyond
 * its file; and external data read right when it is where it should be.
 */
class OnnxHostileFilesTest {

    @TempDir
    Path dir;

    private static final double[] W = {1, 2, 3, 4, 5, 6};

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "ezkl_lstm/network.onnx | network.onnx: node \"/LSTM\" (LSTM) is not an operation of a chain of dense layers",
        "marabou_tinytaxinet_conv/KJ_TinyTaxiNet.onnx | KJ_TinyTaxiNet.onnx: node \"conv2d/Conv2D\" (Conv) is not an"
            + " operation of a chain of dense layers"
    })
    void realModelsThatAreNoDenseChainAreRefusedByTheirNode(String file, String start) {
        Path model = OnnxFixtures.root().resolve("reject").resolve(file);
        SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(model));
        assertEquals(SheetnetException.Problem.MODEL, e.problem(), "problem kind");
        assertTrue(e.getMessage().startsWith(start) && !e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void bytesThatAreNoProtobufAreRefused() throws IOException {
        Path file = Files.write(dir.resolve("junk.onnx"), "PK\u0003\u0004 not a model at all".getBytes());
        SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(file));
        assertEquals(SheetnetException.Problem.FILE, e.problem());
        assertTrue(e.getMessage().startsWith("junk.onnx: not an ONNX model file"), e.getMessage());
    }

    @Test
    void aTruncatedModelIsRefused() throws IOException {
        Path whole = chain(dir.resolve("whole.onnx"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.onnx"), java.util.Arrays.copyOf(bytes, bytes.length - 7));
        SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(cut));
        assertTrue(e.getMessage().startsWith("cut.onnx: not an ONNX model file"), e.getMessage());
    }

    /** Graphs nested in attributes 40 deep: protobuf stops at {@link OnnxFile#MAX_NESTING}, before recursing on. */
    @Test
    void deepNestingIsRefused() throws IOException {
        GraphProto inner = GraphProto.newBuilder().setName("g").build();
        for (int k = 0; k < 40; k++) {
            AttributeProto a = AttributeProto.newBuilder().setName("body").setType(AttributeProto.AttributeType.GRAPH)
                    .setG(inner).build();
            inner = GraphProto.newBuilder().addNode(NodeProto.newBuilder().setOpType("If").addAttribute(a)).build();
        }
        Path file = dir.resolve("deep.onnx");
        Files.write(file, ModelProto.newBuilder().setIrVersion(7).setGraph(inner).build().toByteArray());
        SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(file));
        assertTrue(e.getMessage().startsWith("deep.onnx: not an ONNX model file") && e.getMessage().contains("nest"),
                e.getMessage());
    }

    /** A weight claiming 2^40 values (with 24 bytes of data) is refused before anything is allocated. */
    @Test
    void aTensorClaimingHugeDimensionsIsRefusedBeforeAllocating() throws IOException {
        TensorProto huge = TensorProto.newBuilder().setName("B").setDataType(DataType.FLOAT_VALUE).addDims(1L << 20)
                .addDims(1L << 20).setRawData(ByteString.copyFrom(new byte[24])).build();
        Path file = new Graphs(DataType.FLOAT).input("X", -1, 3).output("Y", -1, 2).initializer(huge)
                .node("MatMul", "Y", in("X", "B")).write(dir.resolve("huge.onnx"), 13);
        SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(file));
        assertEquals("huge.onnx: tensor \"B\" has shape [1048576, 1048576]; sheetnet reads tensors of at most 268435456"
                + " elements", e.getMessage());
    }

    /** A node reading its own output would send the walk round forever. */
    @Test
    void aCycleIsRefused() throws IOException {
        Path file = new Graphs(DataType.FLOAT).input("X", -1, 3).output("Y", -1, 3).node("Relu", "X", in("X"))
                .write(dir.resolve("cycle.onnx"), 13);
        SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(file));
        assertEquals("cycle.onnx: node \"Relu_1\" (Relu) is reached twice: the graph has a cycle", e.getMessage());
    }

    /** An activation straight on 5000 inputs would need an identity layer of 25 million weights: refused. */
    @Test
    void anIdentityLayerTooLargeIsRefused() throws IOException {
        Path file = new Graphs(DataType.FLOAT).input("X", -1, 5000).output("Y", -1, 5000).node("Relu", "Y", in("X"))
                .write(dir.resolve("wide.onnx"), 13);
        SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(file));
        assertEquals("wide.onnx: node \"Relu_1\" (Relu) has no layer before it, and an identity layer over 5000 values"
                + " would hold 25000000 weights (sheetnet makes at most 16777216)", e.getMessage());
    }

    @Test
    void aNonFiniteWeightIsRefused() throws IOException {
        Path file = new Graphs(DataType.FLOAT).input("X", -1, 3).output("Y", -1, 2)
                .weight("B", new long[] {3, 2}, 1, 2, Double.POSITIVE_INFINITY, 4, 5, 6).node("MatMul", "Y", in("X", "B"))
                .write(dir.resolve("inf.onnx"), 13);
        SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(file));
        assertEquals("inf.onnx: layer 1 (from node \"MatMul_1\") has a weight or bias that is not a finite number",
                e.getMessage());
    }

    @Test
    void externalDataBesideTheModelIsRead() throws IOException {
        Files.write(dir.resolve("w.bin"), concat(new byte[5], OnnxGeneratedModelsTest.raw(DataType.FLOAT, W).toByteArray()));
        Model model = OnnxImport.readModel(external(dir.resolve("ext.onnx"), "w.bin", 5, 24));
        assertEquals(org.sheetnet.model.Matrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}),
                model.network().layers().get(0).weights(), "weights read at offset 5 of w.bin");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"../w.bin", "/tmp/w.bin", "sub/w.bin", "sub\\w.bin", ".."})
    void externalDataNamedWithAPathIsRefused(String location) throws IOException {
        Path model = external(dir.resolve("ext.onnx"), location, 0, 24);
        SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(model));
        assertEquals("ext.onnx: tensor \"B\" names external data \"" + location + "\"; sheetnet reads external data"
                + " only from a file beside the model, named without a folder", e.getMessage());
    }

    @Test
    void missingExternalDataIsRefused() throws IOException {
        Path model = external(dir.resolve("ext.onnx"), "gone.bin", 0, 24);
        SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(model));
        assertTrue(e.getMessage().startsWith("ext.onnx: tensor \"B\" is stored in \"gone.bin\", which is not in "),
                e.getMessage());
    }

    @Test
    void externalDataBeyondItsFileIsRefused() throws IOException {
        Files.write(dir.resolve("w.bin"), new byte[30]);
        Path model = external(dir.resolve("ext.onnx"), "w.bin", 10, 24);
        SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(model));
        assertEquals("w.bin: tensor \"B\" of ext.onnx lies at bytes 10+24, beyond the file's 30 bytes", e.getMessage());
    }

    @Test
    void externalDataThroughALinkOutOfTheFolderIsRefused() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.write(outside.resolve("secret.bin"), new byte[24]);
        Path folder = Files.createDirectories(dir.resolve("model"));
        Files.createSymbolicLink(folder.resolve("w.bin"), outside.resolve("secret.bin"));
        Path model = external(folder.resolve("ext.onnx"), "w.bin", 0, 24);
        SheetnetException e = assertThrows(SheetnetException.class, () -> OnnxImport.readModel(model));
        assertEquals("ext.onnx: external data \"w.bin\" is a link to a file outside the model's folder; sheetnet does"
                + " not follow it", e.getMessage());
    }

    /** X[N,3] → MatMul(B [3,2] stored externally) → Y. */
    private Path external(Path file, String location, long offset, long length) throws IOException {
        TensorProto b = TensorProto.newBuilder().setName("B").setDataType(DataType.FLOAT_VALUE).addDims(3).addDims(2)
                .setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("offset").setValue(Long.toString(offset)))
                .addExternalData(StringStringEntryProto.newBuilder().setKey("length").setValue(Long.toString(length)))
                .build();
        return new Graphs(DataType.FLOAT).input("X", -1, 3).output("Y", -1, 2).initializer(b)
                .node("MatMul", "Y", in("X", "B")).write(file, 13);
    }

    private static Path chain(Path file) throws IOException {
        return new Graphs(DataType.FLOAT).input("X", -1, 3).output("Y", -1, 2).weight("B", new long[] {3, 2}, W)
                .node("MatMul", "H", in("X", "B")).node("Relu", "Y", in("H")).write(file, 13);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
