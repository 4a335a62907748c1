package org.sheetnet.format.onnx;

import java.util.List;
import org.sheetnet.format.onnx.proto.Onnx.AttributeProto;
import org.sheetnet.format.onnx.proto.Onnx.GraphProto;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto.DataType;

/**
 * Builds an ONNX graph node by node: each operation gets a unique node and output name, each constant
 * an initializer in the graph's element type (double, or float when exporting float32).
 */
final class GraphWriter {

    private final GraphProto.Builder graph;
    private final boolean float32;
    private final int opset;
    private int counter;

    GraphWriter(GraphProto.Builder graph, boolean float32, int opset) {
        this.graph = graph;
        this.float32 = float32;
        this.opset = opset;
    }

    /** The element type of the graph's values. */
    DataType type() {
        return float32 ? DataType.FLOAT : DataType.DOUBLE;
    }

    int opset() {
        return opset;
    }

    /** Adds a node and returns its (first) output's name. */
    String op(String type, List<String> inputs, AttributeProto... attributes) {
        String name = type + "_" + (++counter);
        NodeProto.Builder node = NodeProto.newBuilder().setName(name).setOpType(type).addAllInput(inputs)
                .addOutput(name);
        for (AttributeProto a : attributes) {
            node.addAttribute(a);
        }
        graph.addNode(node);
        return name;
    }

    /** Adds a node with two outputs (the second unused, e.g. TopK's indices) and returns the first's name. */
    String opWithUnusedSecond(String type, List<String> inputs, AttributeProto... attributes) {
        String name = op(type, inputs, attributes);
        NodeProto.Builder node = graph.getNodeBuilder(graph.getNodeCount() - 1);
        node.addOutput(name + "_unused");
        return name;
    }

    /** {@link #op} with the inputs given one by one. */
    String op(String type, String... inputs) {
        return op(type, List.of(inputs));
    }

    /** A constant of the graph's type: a scalar for one value, else a vector. */
    String constant(String hint, double... values) {
        return tensor(hint, values.length == 1 ? new long[0] : new long[] {values.length}, values);
    }

    /** A constant of the graph's type with the given shape, values row-major. */
    String tensor(String hint, long[] dims, double[] values) {
        String name = hint + "_" + (++counter);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type().getNumber());
        for (long d : dims) {
            t.addDims(d);
        }
        for (double v : values) {
            if (float32) {
                t.addFloatData((float) v);
            } else {
                t.addDoubleData(v);
            }
        }
        graph.addInitializer(t);
        return name;
    }

    /** An int64 vector constant (shapes, axes, indices). */
    String longs(String hint, long... values) {
        String name = hint + "_" + (++counter);
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(DataType.INT64_VALUE)
                .addDims(values.length);
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return name;
    }

    static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    static AttributeProto integers(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            a.addInts(v);
        }
        return a.build();
    }
}
