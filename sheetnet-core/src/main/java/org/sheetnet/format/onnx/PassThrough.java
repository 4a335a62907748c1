package org.sheetnet.format.onnx;

import java.util.Arrays;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto.DataType;

/**
 * The operations that change nothing in one row of features at inference, and the conditions under
 * which that is so: Dropout (its mask unused, not training), Cast to a float type, Flatten(axis=1),
 * Reshape to [N, width] or [N, −1]. Each returns the tensor's rank afterwards, or refuses naming the node.
 */
final class PassThrough {

    private PassThrough() {
    }

    static void dropout(OnnxGraph graph, NodeProto node) {
        for (int k = 1; k < node.getOutputCount(); k++) {
            String mask = node.getOutput(k);
            if (!mask.isEmpty() && (!graph.consumers(mask).isEmpty() || graph.isOutput(mask))) {
                throw Operands.refuse(graph, node, "its mask output \"" + mask + "\" is used; at inference Dropout"
                        + " passes its input");
            }
        }
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            TensorData training = graph.requireConstant(node, 2, "training_mode");
            if (training.size() > 0 && training.values()[0] != 0) {
                throw Operands.refuse(graph, node, "training_mode is true; sheetnet computes inference");
            }
        }
    }

    static void cast(OnnxGraph graph, NodeProto node) {
        long to = Attributes.integer(node, "to", 0);
        if (to != DataType.FLOAT_VALUE && to != DataType.DOUBLE_VALUE && to != DataType.FLOAT16_VALUE) {
            throw Operands.refuse(graph, node, "casts to " + DataType.forNumber((int) to) + "; in the chain sheetnet"
                    + " passes only casts to float, double and float16");
        }
    }

    /** Flatten(axis=1): [N, d1, d2, …] → [N, d1·d2·…], the row-major order sheetnet's rows already have. */
    static int flatten(OnnxGraph graph, NodeProto node, int rank) {
        long axis = Attributes.integer(node, "axis", 1);
        if (axis < 0) {
            axis += rank;
        }
        if (axis != 1) {
            throw Operands.refuse(graph, node, "axis " + axis + " mixes the batch with the features; sheetnet passes"
                    + " Flatten(axis=1)");
        }
        return 2;
    }

    /**
     * Reshape to [N, width] (N given as −1, 0 or the file's fixed batch) or [N, −1] (N as 0 or the fixed batch),
     * or a rank-1 tensor to itself.
     *
     * @throws SheetnetException (MODEL) naming the node for any other target shape
     */
    static int reshape(OnnxGraph graph, NodeProto node, int rank, int width, long batch) {
        long[] to = node.getInputCount() > 1 ? Operands.longs(graph.requireConstant(node, 1, "shape"))
                : Attributes.find(node, "shape").map(a -> a.getIntsList().stream().mapToLong(Long::longValue).toArray())
                        .orElse(new long[0]);
        boolean keepsRows = to.length == 2 && ((to[1] == width && (to[0] == -1 || to[0] == 0 || to[0] == batch))
                || (to[1] == -1 && (to[0] == 0 || (batch > 0 && to[0] == batch))));
        boolean sameVector = to.length == 1 && rank == 1 && (to[0] == -1 || to[0] == width);
        if (!keepsRows && !sameVector) {
            throw Operands.refuse(graph, node, "reshapes to " + Arrays.toString(to) + "; sheetnet passes a Reshape to"
                    + " [N, " + width + "] or [N, -1] only (one row of features per sample)");
        }
        return to.length;
    }
}
