package org.sheetnet.format.onnx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sheetnet.format.onnx.proto.Onnx.AttributeProto;
import org.sheetnet.format.onnx.proto.Onnx.GraphProto;
import org.sheetnet.format.onnx.proto.Onnx.ModelProto;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;
import org.sheetnet.format.onnx.proto.Onnx.OperatorSetIdProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto.DataType;
import org.sheetnet.format.onnx.proto.Onnx.TensorShapeProto;
import org.sheetnet.format.onnx.proto.Onnx.TypeProto;
import org.sheetnet.format.onnx.proto.Onnx.ValueInfoProto;

/** Small ONNX graphs written by the tests with the generated protobuf classes. */
final class Graphs {

    private final GraphProto.Builder graph = GraphProto.newBuilder().setName("test");
    private final DataType type;
    private int counter;

    Graphs(DataType type) {
        this.type = type;
    }

    /** Declares the data input, shape given with −1 for a symbolic batch. */
    Graphs input(String name, long... dims) {
        graph.addInput(value(name, dims));
        return this;
    }

    Graphs output(String name, long... dims) {
        graph.addOutput(value(name, dims));
        return this;
    }

    /** A node with one output named {@code out}. */
    Graphs node(String op, String out, String[] inputs, AttributeProto... attributes) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(op + "_" + (++counter)).addOutput(out);
        for (String in : inputs) {
            n.addInput(in);
        }
        for (AttributeProto a : attributes) {
            n.addAttribute(a);
        }
        graph.addNode(n);
        return this;
    }

    /** A weight in the graph's type, in typed fields. */
    Graphs weight(String name, long[] dims, double... values) {
        graph.addInitializer(tensor(name, type, dims, values));
        return this;
    }

    Graphs initializer(TensorProto t) {
        graph.addInitializer(t);
        return this;
    }

    static TensorProto tensor(String name, DataType type, long[] dims, double... values) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        for (double v : values) {
            switch (type) {
                case DOUBLE -> t.addDoubleData(v);
                case FLOAT16 -> t.addInt32Data(Half.fromDouble(v));
                case INT64 -> t.addInt64Data((long) v);
                default -> t.addFloatData((float) v);
            }
        }
        return t.build();
    }

    static AttributeProto f(String name, double v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF((float) v).build();
    }

    static AttributeProto i(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    static String[] in(String... names) {
        return names;
    }

    private ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            shape.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("N")
                    : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape))).build();
    }

    /** The model at an opset (and the IR version that goes with it), written to {@code file}. */
    Path write(Path file, int opset) throws IOException {
        ModelProto model = ModelProto.newBuilder().setIrVersion(opset <= 14 ? 7 : 8).setProducerName("sheetnet-test")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).setGraph(graph).build();
        try (OutputStream out = Files.newOutputStream(file)) {
            model.writeTo(out);
        }
        return file;
    }
}
