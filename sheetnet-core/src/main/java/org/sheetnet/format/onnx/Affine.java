package org.sheetnet.format.onnx;

import org.sheetnet.activation.Activation;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Matrix;
import java.util.List;

/**
 * A layer being assembled, a = x·W + b, before its activation is known: the ONNX operations between
 * two activations (Gemm or MatMul, Add, Sub, Mul, Div by constants, BatchNormalization) fold into it.
 */
final class Affine {

    private final int in;
    private final int out;
    private final double[] w;
    private final double[] b;
    private final String origin;

    private Affine(int in, int out, double[] w, double[] b, String origin) {
        this.in = in;
        this.out = out;
        this.w = w;
        this.b = b;
        this.origin = origin;
    }

    /** x·W with W given row-major, n_in × n_out, and no bias. */
    static Affine of(int in, int out, double[] w, String origin) {
        return new Affine(in, out, w, new double[out], origin);
    }

    /** The identity x·I + 0 over {@code width} values, for operations that come with no matrix of their own. */
    static Affine identity(int width, String origin) {
        double[] w = new double[width * width];
        for (int i = 0; i < width; i++) {
            w[i * width + i] = 1;
        }
        return of(width, width, w, origin);
    }

    int out() {
        return out;
    }

    /** The node the layer started at, for its name. */
    String origin() {
        return origin;
    }

    /** a + c, c broadcast over the units. */
    void add(double[] c) {
        for (int j = 0; j < out; j++) {
            b[j] += c[j];
        }
    }

    /** a · c per unit: column j of W and b_j times c_j. */
    void multiply(double[] c) {
        for (int j = 0; j < out; j++) {
            for (int i = 0; i < in; i++) {
                w[i * out + j] *= c[j];
            }
            b[j] *= c[j];
        }
    }

    /** a / c per unit (dividing, not multiplying by 1/c, as ONNX's Div does). */
    void divide(double[] c) {
        for (int j = 0; j < out; j++) {
            for (int i = 0; i < in; i++) {
                w[i * out + j] /= c[j];
            }
            b[j] /= c[j];
        }
    }

    /** c − a. */
    void subtractFrom(double[] c) {
        for (int k = 0; k < w.length; k++) {
            w[k] = -w[k];
        }
        for (int j = 0; j < out; j++) {
            b[j] = c[j] - b[j];
        }
    }

    /** Whether every weight and bias is a finite number. */
    boolean isFinite() {
        for (double v : w) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        for (double v : b) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** The finished layer. */
    DenseLayer toLayer(String name, Activation activation, List<String> inputNames, List<String> unitNames) {
        return new DenseLayer(name, new Matrix(in, out, w), b, activation, inputNames, unitNames);
    }
}
