package org.sheetnet.format.onnx;

import java.util.Set;
import java.util.TreeSet;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;

/** Which operators a dense chain may hold, and that every node of the graph is on the chain. */
final class OperatorScope {

    /** Operators that are not a chain of dense layers: named first when a graph holds one. */
    static final Set<String> STRUCTURAL = Set.of("Conv", "ConvTranspose", "LSTM", "GRU", "RNN", "Attention",
            "MultiHeadAttention", "Loop", "If", "Scan", "MaxPool", "AveragePool", "GlobalAveragePool", "Einsum");

    static final Set<String> CHAIN_OPS = Set.of("Gemm", "MatMul", "Add", "Sub", "Mul", "Div",
            "BatchNormalization", "Softmax", "LogSoftmax", "Clip", "PRelu", "Identity", "Dropout", "Cast", "Flatten", "Reshape",
            "Constant");

    private OperatorScope() {
    }

    /** Names the first node that no dense chain has, preferring the telling ones (Conv, LSTM, …). */
    static void refuseForeignOperators(OnnxGraph graph) {
        NodeProto first = null;
        for (NodeProto node : graph.proto().getNodeList()) {
            String op = node.getOpType();
            boolean known = CHAIN_OPS.contains(op) || OnnxActivations.ELEMENTWISE.contains(op) || LabelTail.OPS.contains(op);
            if (STRUCTURAL.contains(op)) {
                first = node;
                break;
            }
            if (!known && first == null) {
                first = node;
            }
        }
        if (first != null) {
            throw Operands.refuse(graph, first, "is not an operation of a chain of dense layers; sheetnet imports Gemm, MatMul, Add,"
                    + " Sub, Mul, Div, BatchNormalization, the activations (" + String.join(", ",
                            new TreeSet<>(OnnxActivations.ELEMENTWISE)) + ", Softmax, LogSoftmax, Clip as relu, relu6 or hard_tanh, PRelu with one slope), Identity,"
                    + " Dropout, Cast, Flatten, Reshape and a classifier's label outputs");
        }
    }

    static void requireAllUsed(OnnxGraph graph, Set<NodeProto> used) {
        for (NodeProto node : graph.proto().getNodeList()) {
            if (!used.contains(node) && !"Constant".equals(node.getOpType())) {
                throw Operands.refuse(graph, node, "is not on the chain from input \"" + graph.input().getName()
                        + "\" to the output; sheetnet imports a single chain of layers");
            }
        }
    }
}
