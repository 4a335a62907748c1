package org.sheetnet.format.onnx;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sheetnet.format.onnx.proto.Onnx.AttributeProto;
import org.sheetnet.format.onnx.proto.Onnx.GraphProto;
import org.sheetnet.format.onnx.proto.Onnx.ModelProto;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto.DataType;
import org.sheetnet.format.onnx.proto.Onnx.TypeProto;
import org.sheetnet.format.onnx.proto.Onnx.ValueInfoProto;

/**
 * A float64 copy of a float32 model, for the tests: the same graph and the same weights widened exactly,
 * so that ONNX Runtime computes it in double, as sheetnet computes every model. Float32 accumulation in
 * ONNX Runtime differs from double by up to ~1e-5 relative on long sums (a 784-input layer); the twin
 * removes that noise and lets the comparison be 1e-12. A classifier's ZipMap (float only) is dropped and
 * its probabilities become a graph output.
 */
final class Float64Twin {

    private Float64Twin() {
    }

    /**
     * Writes the twin of {@code model} to {@code target}.
     *
     * @return the name of the output to compare: the model's first output, or the ZipMap's input
     */
    static String write(Path model, Path target) throws IOException {
        OnnxFile file = OnnxFile.read(model);
        GraphProto graph = file.proto().getGraph();
        GraphProto.Builder g = graph.toBuilder().clearInitializer().clearNode().clearOutput().clearValueInfo()
                .clearInput();
        for (TensorProto t : graph.getInitializerList()) {
            g.addInitializer(widen(TensorData.decode(t, file.folder(), file.name()), t));
        }
        graph.getInputList().forEach(i -> g.addInput(widen(i)));
        String compared = graph.getOutput(0).getName();
        List<String> dropped = new ArrayList<>();
        for (NodeProto node : graph.getNodeList()) {
            if ("ZipMap".equals(node.getOpType())) {
                dropped.add(node.getOutput(0));
                compared = node.getInput(0);
                g.addOutput(ValueInfoProto.newBuilder().setName(node.getInput(0)).setType(doubleTensor()));
                continue;
            }
            g.addNode(widen(node, file));
        }
        for (ValueInfoProto o : graph.getOutputList()) {
            if (!dropped.contains(o.getName())) {
                g.addOutput(widen(o));
            }
        }
        ModelProto twin = file.proto().toBuilder().setGraph(g).build();
        try (OutputStream out = Files.newOutputStream(target)) {
            twin.writeTo(out);
        }
        return compared;
    }

    private static TypeProto doubleTensor() {
        return TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder().setElemType(DataType.DOUBLE_VALUE))
                .build();
    }

    private static ValueInfoProto widen(ValueInfoProto v) {
        if (!v.getType().hasTensorType() || v.getType().getTensorType().getElemType() != DataType.FLOAT_VALUE) {
            return v;
        }
        ValueInfoProto.Builder b = v.toBuilder();
        b.getTypeBuilder().getTensorTypeBuilder().setElemType(DataType.DOUBLE_VALUE);
        return b.build();
    }

    private static TensorProto widen(TensorData data, TensorProto original) {
        if (original.getDataType() != DataType.FLOAT_VALUE) {
            return original;
        }
        TensorProto.Builder t = TensorProto.newBuilder().setName(original.getName()).setDataType(DataType.DOUBLE_VALUE)
                .addAllDims(original.getDimsList());
        for (double v : data.values()) {
            t.addDoubleData(v);
        }
        return t.build();
    }

    private static NodeProto widen(NodeProto node, OnnxFile file) {
        NodeProto.Builder b = node.toBuilder().clearAttribute();
        for (AttributeProto a : node.getAttributeList()) {
            AttributeProto.Builder ab = a.toBuilder();
            if ("Cast".equals(node.getOpType()) && "to".equals(a.getName()) && a.getI() == DataType.FLOAT_VALUE) {
                ab.setI(DataType.DOUBLE_VALUE);
            }
            if ("Constant".equals(node.getOpType()) && "value".equals(a.getName())
                    && a.getT().getDataType() == DataType.FLOAT_VALUE) {
                ab.setT(widen(TensorData.decode(a.getT(), file.folder(), file.name()), a.getT()));
            }
            b.addAttribute(ab);
        }
        return b.build();
    }
}
