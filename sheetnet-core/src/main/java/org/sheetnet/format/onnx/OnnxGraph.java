package org.sheetnet.format.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.onnx.proto.Onnx.AttributeProto;
import org.sheetnet.format.onnx.proto.Onnx.GraphProto;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;
import org.sheetnet.format.onnx.proto.Onnx.StringStringEntryProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto;
import org.sheetnet.format.onnx.proto.Onnx.ValueInfoProto;

/**
 * The graph of a model file, indexed: its constant tensors (initializers and Constant nodes,
 * decoded when first asked for), which nodes read each tensor, its outputs, and its one data input.
 */
final class OnnxGraph {

    private final OnnxFile file;
    private final GraphProto graph;
    private final Map<String, TensorProto> constants = new HashMap<>();
    private final Map<String, TensorData> decoded = new HashMap<>();
    private final Map<String, List<NodeProto>> consumers = new HashMap<>();
    private final Set<String> outputs = new HashSet<>();
    private final ValueInfoProto input;

    OnnxGraph(OnnxFile file) {
        this.file = file;
        this.graph = file.proto().getGraph();
        graph.getInitializerList().forEach(t -> constants.put(t.getName(), t));
        for (NodeProto node : graph.getNodeList()) {
            if ("Constant".equals(node.getOpType()) && node.getOutputCount() == 1) {
                constants.put(node.getOutput(0), constantValue(node));
            }
            for (String in : node.getInputList()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(node);
            }
        }
        graph.getOutputList().forEach(o -> outputs.add(o.getName()));
        List<ValueInfoProto> data = graph.getInputList().stream().filter(i -> !constants.containsKey(i.getName())).toList();
        if (data.size() != 1) {
            throw SheetnetException.model(file.name() + ": the graph has " + data.size() + " data inputs "
                    + data.stream().map(ValueInfoProto::getName).toList() + "; sheetnet imports models with one");
        }
        this.input = data.get(0);
    }

    OnnxFile file() {
        return file;
    }

    GraphProto proto() {
        return graph;
    }

    /** The graph's one input that is not a weight. */
    ValueInfoProto input() {
        return input;
    }

    /** Whether a tensor is one of the graph's outputs. */
    boolean isOutput(String tensor) {
        return outputs.contains(tensor);
    }

    /** The nodes reading a tensor, in graph order. */
    List<NodeProto> consumers(String tensor) {
        return consumers.getOrDefault(tensor, List.of());
    }

    /** Whether a tensor is constant: an initializer or a Constant node's output. */
    boolean isConstant(String tensor) {
        return constants.containsKey(tensor);
    }

    /** A constant tensor's values, if the name is one. */
    Optional<TensorData> constant(String tensor) {
        if (!constants.containsKey(tensor)) {
            return Optional.empty();
        }
        return Optional.of(decoded.computeIfAbsent(tensor, k -> TensorData.decode(constants.get(k), folder(), file.name())));
    }

    /**
     * Input {@code index} of a node, which must be a constant.
     *
     * @throws SheetnetException (MODEL) naming the node when the input is missing or computed
     */
    TensorData requireConstant(NodeProto node, int index, String role) {
        String name = index < node.getInputCount() ? node.getInput(index) : "";
        return constant(name).orElseThrow(() -> SheetnetException.model(file.name() + ": " + Attributes.describe(node)
                + ": its " + role + (name.isEmpty() ? " is missing" : " \"" + name + "\" is computed, not a constant")
                + "; sheetnet imports layers whose weights are stored in the file"));
    }

    /**
     * Names stored by sheetnet's export in the model's metadata (a JSON array under {@code key}), when
     * there are {@code width} of them, distinct and non-blank; else empty.
     */
    Optional<List<String>> metadataNames(String key, int width) {
        for (StringStringEntryProto e : file.proto().getMetadataPropsList()) {
            if (!e.getKey().equals(key)) {
                continue;
            }
            try {
                JsonNode array = new ObjectMapper().readTree(e.getValue());
                List<String> names = new ArrayList<>();
                array.forEach(n -> names.add(n.asText()));
                boolean usable = array.isArray() && names.size() == width && new HashSet<>(names).size() == width
                        && names.stream().noneMatch(String::isBlank);
                return usable ? Optional.of(List.copyOf(names)) : Optional.empty();
            } catch (IOException ex) {
                return Optional.empty(); // not sheetnet's JSON: the names come from the graph instead
            }
        }
        return Optional.empty();
    }

    private Path folder() {
        return file.folder();
    }

    /** A Constant node's value as a tensor ({@code value}, {@code value_float(s)}, {@code value_int(s)}). */
    private TensorProto constantValue(NodeProto node) {
        for (AttributeProto a : node.getAttributeList()) {
            TensorProto.Builder t = TensorProto.newBuilder().setName(node.getOutput(0));
            switch (a.getName()) {
                case "value":
                    return a.getT().toBuilder().setName(node.getOutput(0)).build();
                case "value_float":
                    return t.setDataType(TensorProto.DataType.FLOAT_VALUE).addFloatData(a.getF()).build();
                case "value_floats":
                    return t.setDataType(TensorProto.DataType.FLOAT_VALUE).addDims(a.getFloatsCount())
                            .addAllFloatData(a.getFloatsList()).build();
                case "value_int":
                    return t.setDataType(TensorProto.DataType.INT64_VALUE).addInt64Data(a.getI()).build();
                case "value_ints":
                    return t.setDataType(TensorProto.DataType.INT64_VALUE).addDims(a.getIntsCount())
                            .addAllInt64Data(a.getIntsList()).build();
                default:
                    break;
            }
        }
        throw SheetnetException.model(file.name() + ": " + Attributes.describe(node) + ": a Constant sheetnet cannot read"
                + " (it reads value, value_float(s) and value_int(s))");
    }
}
