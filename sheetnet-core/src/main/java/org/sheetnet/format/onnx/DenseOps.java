package org.sheetnet.format.onnx;

import java.util.Locale;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;

/** Gemm and BatchNormalization read into sheetnet's terms: a layer's weights and bias, a per-unit affine map. */
final class DenseOps {

    /**
     * BatchNormalization at inference, y = (a − mean)·factor + shift, factor = scale/√(var + ε).
     *
     * @param mean    the running mean, per unit
     * @param factor  scale/√(var + ε), per unit
     * @param shift   B, per unit
     * @param epsilon ε as the file states it (a float32 widened)
     */
    record Normalization(double[] mean, double[] factor, double[] shift, double epsilon) {
    }

    private DenseOps() {
    }

    /**
     * Gemm(A = data, B, C): a = alpha·A·op(B) + beta·C as a layer, op(B) = Bᵀ when transB.
     * alpha and beta multiply once, in double, and not at all when 1.
     *
     * @throws org.sheetnet.SheetnetException (MODEL) naming the node for transA, non-constant or misfit B or C
     */
    static Affine gemm(OnnxGraph graph, NodeProto node, int width) {
        if (Attributes.integer(node, "transA", 0) != 0) {
            throw Operands.refuse(graph, node, "transA=1 would multiply across the batch; sheetnet imports Gemm with"
                    + " the data as A, untransposed");
        }
        boolean transB = Attributes.integer(node, "transB", 0) != 0;
        double alpha = Attributes.real(node, "alpha", 1.0);
        double beta = Attributes.real(node, "beta", 1.0);
        TensorData b = Operands.matrix(graph, node, 1, "B (the weights)");
        int units = (int) (transB ? b.dims()[0] : b.dims()[1]);
        Operands.requireRows(graph, node, b, (int) (transB ? b.dims()[1] : b.dims()[0]), width);
        double[] w = new double[width * units];
        for (int i = 0; i < width; i++) {
            for (int j = 0; j < units; j++) {
                double v = transB ? b.values()[j * width + i] : b.values()[i * units + j];
                w[i * units + j] = alpha == 1 ? v : alpha * v;
            }
        }
        Affine layer = Affine.of(width, units, w, node.getName());
        if (node.getInputCount() > 2 && !node.getInput(2).isEmpty()) {
            double[] c = Operands.perUnit(graph, node, graph.requireConstant(node, 2, "C (the bias)"), units, "C (the bias)");
            for (int j = 0; j < units; j++) {
                c[j] = beta == 1 ? c[j] : beta * c[j];
            }
            layer.add(c);
        }
        return layer;
    }

    /** How the layer came from the Gemm, for the Source sheet: {@code W = 0.5·Bᵀ, b = C}. */
    static String describeGemm(NodeProto node) {
        double alpha = Attributes.real(node, "alpha", 1.0);
        double beta = Attributes.real(node, "beta", 1.0);
        boolean transB = Attributes.integer(node, "transB", 0) != 0;
        boolean bias = node.getInputCount() > 2 && !node.getInput(2).isEmpty();
        return String.format(Locale.ROOT, "W = %s%s, b = %s", alpha == 1 ? "" : alpha + "·", transB ? "Bᵀ" : "B",
                bias ? (beta == 1 ? "" : beta + "·") + "C" : "0");
    }

    /**
     * BatchNormalization's constants, checked: inference mode, its statistics outputs unused.
     *
     * @throws org.sheetnet.SheetnetException (MODEL) naming the node otherwise
     */
    static Normalization batchNorm(OnnxGraph graph, NodeProto node, int width) {
        if (Attributes.integer(node, "training_mode", 0) != 0) {
            throw Operands.refuse(graph, node, "training_mode=1; sheetnet computes inference");
        }
        for (int k = 1; k < node.getOutputCount(); k++) {
            if (!node.getOutput(k).isEmpty() && !graph.consumers(node.getOutput(k)).isEmpty()) {
                throw Operands.refuse(graph, node, "its running statistics are used; sheetnet computes inference");
            }
        }
        double eps = Attributes.real(node, "epsilon", 1e-5f);
        double[] scale = Operands.perUnit(graph, node, graph.requireConstant(node, 1, "scale"), width, "scale");
        double[] shift = Operands.perUnit(graph, node, graph.requireConstant(node, 2, "B"), width, "B");
        double[] mean = Operands.perUnit(graph, node, graph.requireConstant(node, 3, "mean"), width, "mean");
        double[] var = Operands.perUnit(graph, node, graph.requireConstant(node, 4, "var"), width, "var");
        double[] factor = new double[width];
        for (int j = 0; j < width; j++) {
            factor[j] = scale[j] / Math.sqrt(var[j] + eps);
        }
        return new Normalization(mean, factor, shift, eps);
    }
}
