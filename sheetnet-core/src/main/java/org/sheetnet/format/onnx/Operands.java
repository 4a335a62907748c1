package org.sheetnet.format.onnx;

import java.util.Arrays;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;

/** A node's constant operands as sheetnet needs them, and the one-line refusal naming the node. */
final class Operands {

    private Operands() {
    }

    /** The refusal: {@code file: node "name" (Op) why}. */
    static SheetnetException refuse(OnnxGraph graph, NodeProto node, String why) {
        return SheetnetException.model(graph.file().name() + ": " + Attributes.describe(node) + " " + why);
    }

    /** Input {@code index}, a constant matrix (rank 2). */
    static TensorData matrix(OnnxGraph graph, NodeProto node, int index, String role) {
        TensorData b = graph.requireConstant(node, index, role);
        if (b.dims().length != 2) {
            throw refuse(graph, node, role + " has shape " + b.describeShape() + "; expected a matrix");
        }
        return b;
    }

    /** Refuses weights whose input count is not the width the previous step gives. */
    static void requireRows(OnnxGraph graph, NodeProto node, TensorData b, int rows, int width) {
        if (rows != width) {
            throw refuse(graph, node, "its weights " + b.describeShape() + " take " + rows + " inputs, but the previous"
                    + " step gives " + width);
        }
    }

    /**
     * A constant as one value per unit: a single value repeated, or n values of shape [n] or [1, n] (the same
     * for every row).
     */
    static double[] perUnit(OnnxGraph graph, NodeProto node, TensorData t, int n, String role) {
        if (t.size() == 1) {
            double[] c = new double[n];
            Arrays.fill(c, t.values()[0]);
            return c;
        }
        long[] d = t.dims();
        boolean vector = t.size() == n && (d.length == 1 || (d.length == 2 && d[0] == 1));
        if (!vector) {
            throw refuse(graph, node, role + " has shape " + t.describeShape() + "; sheetnet takes one value or one per"
                    + " unit (" + n + "), the same for every row");
        }
        return t.values().clone();
    }

    static double[] negate(double[] c) {
        double[] m = new double[c.length];
        for (int j = 0; j < c.length; j++) {
            m[j] = -c[j];
        }
        return m;
    }

    static long[] longs(TensorData t) {
        long[] v = new long[t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = t.asLong(i);
        }
        return v;
    }
}
