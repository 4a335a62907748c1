package org.sheetnet.format.onnx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.onnx.proto.Onnx.AttributeProto;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;

/**
 * A classifier's label outputs after its probabilities, as skl2onnx writes them: ArgMax →
 * ArrayFeatureExtractor(classes) → Reshape/Cast → the label output, and ZipMap(classlabels) → a sequence
 * of maps. They compute nothing sheetnet does not show (the label is the unit with the highest
 * probability); what they give is the class labels, which become the output units' names.
 *
 * @param labels the class labels, one per probability, or empty when the tail names none
 * @param nodes  the tail's nodes
 */
record LabelTail(List<String> labels, Set<NodeProto> nodes) {

    /** The operators a label tail may consist of. */
    static final Set<String> OPS = Set.of("ArgMax", "ArrayFeatureExtractor", "ZipMap", "Cast", "Reshape", "Identity",
            "Squeeze", "Flatten");

    /** Whether a node reading the probabilities starts a label tail. */
    static boolean starts(NodeProto node) {
        return "ArgMax".equals(node.getOpType()) || "ZipMap".equals(node.getOpType());
    }

    /**
     * Reads the tail hanging off the probabilities.
     *
     * @param graph         the graph
     * @param probabilities the tensor of probabilities
     * @param starts        the nodes reading it that start the tail
     * @param width         the number of probabilities
     * @throws SheetnetException (MODEL) naming a node that is not part of a label tail, or labels that do not fit
     */
    static LabelTail read(OnnxGraph graph, String probabilities, List<NodeProto> starts, int width) {
        String file = graph.file().name();
        Set<NodeProto> nodes = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<NodeProto> queue = new ArrayDeque<>(starts);
        List<String> labels = new ArrayList<>();
        while (!queue.isEmpty()) {
            NodeProto node = queue.poll();
            if (!nodes.add(node)) {
                continue;
            }
            if (!OPS.contains(node.getOpType())) {
                throw SheetnetException.model(file + ": " + Attributes.describe(node) + " follows the class probabilities;"
                        + " sheetnet reads only a classifier's label outputs there (" + String.join(", ", OPS) + ")");
            }
            labels(graph, node, labels, width);
            for (String out : node.getOutputList()) {
                queue.addAll(graph.consumers(out));
            }
        }
        requireOwnInputs(graph, probabilities, nodes);
        return new LabelTail(List.copyOf(labels), nodes);
    }

    /** Every input of the tail is the probabilities, a constant, or another tail node's output. */
    private static void requireOwnInputs(OnnxGraph graph, String probabilities, Set<NodeProto> nodes) {
        Set<String> produced = new java.util.HashSet<>();
        nodes.forEach(n -> produced.addAll(n.getOutputList()));
        for (NodeProto node : nodes) {
            for (String in : node.getInputList()) {
                if (!in.isEmpty() && !in.equals(probabilities) && !graph.isConstant(in) && !produced.contains(in)) {
                    throw SheetnetException.model(graph.file().name() + ": " + Attributes.describe(node) + " reads \"" + in
                            + "\" beside the class probabilities; sheetnet reads only a classifier's label outputs there");
                }
            }
        }
    }

    /** The labels a ZipMap or ArrayFeatureExtractor names, checked against those found before. */
    private static void labels(OnnxGraph graph, NodeProto node, List<String> labels, int width) {
        List<String> found = new ArrayList<>();
        if ("ZipMap".equals(node.getOpType())) {
            for (AttributeProto a : node.getAttributeList()) {
                if ("classlabels_int64s".equals(a.getName())) {
                    a.getIntsList().forEach(i -> found.add(Long.toString(i)));
                } else if ("classlabels_strings".equals(a.getName())) {
                    a.getStringsList().forEach(s -> found.add(s.toStringUtf8()));
                }
            }
        } else if ("ArrayFeatureExtractor".equals(node.getOpType()) && graph.isConstant(node.getInput(0))) {
            TensorData classes = graph.constant(node.getInput(0)).orElseThrow();
            if (!classes.strings().isEmpty()) {
                found.addAll(classes.strings());
            } else {
                for (int i = 0; i < classes.size(); i++) {
                    found.add(Long.toString(classes.asLong(i)));
                }
            }
        }
        if (found.isEmpty()) {
            return;
        }
        String file = graph.file().name();
        if (found.size() != width) {
            throw SheetnetException.model(file + ": " + Attributes.describe(node) + " names " + found.size()
                    + " classes, but the model gives " + width + " probabilities");
        }
        if (!labels.isEmpty() && !labels.equals(found)) {
            throw SheetnetException.model(file + ": " + Attributes.describe(node) + " names the classes " + found
                    + ", another node " + labels);
        }
        if (labels.isEmpty()) {
            labels.addAll(found);
        }
    }
}
