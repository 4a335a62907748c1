package org.sheetnet.format.keras;

import java.util.List;
import org.sheetnet.SheetnetException;

/** Checks a Dense layer's weight tensors: a kernel of shape (n_in, units), then a bias of shape (units,). */
final class DenseWeights {

    private DenseWeights() {
    }

    /**
     * The kernel, the first tensor.
     *
     * @throws SheetnetException (MODEL) if it is missing or its shape is not (n_in, units)
     */
    static Tensor kernel(List<Tensor> tensors, int units, String where) {
        if (tensors.isEmpty()) {
            throw SheetnetException.model(where + ": the file holds no weights for this Dense layer");
        }
        Tensor k = tensors.get(0);
        requireFloating(k, where);
        if (k.rank() != 2 || k.shape()[1] != units) {
            throw SheetnetException.model(where + ": kernel " + k.path() + " has shape " + k.describeShape()
                    + "; expected (inputs, " + units + ")");
        }
        return k;
    }

    /**
     * The bias, the second tensor, or zeros for a layer without one.
     *
     * @throws SheetnetException (MODEL) if the tensors do not match {@code use_bias} or the shape is not (units,)
     */
    static double[] bias(List<Tensor> tensors, int units, boolean useBias, String where) {
        int expected = useBias ? 2 : 1;
        if (tensors.size() != expected) {
            throw SheetnetException.model(where + ": the file holds " + tensors.size() + " weights for this Dense"
                    + " layer; expected " + expected + " (kernel" + (useBias ? " and bias" : "") + ")");
        }
        if (!useBias) {
            return new double[units];
        }
        Tensor b = tensors.get(1);
        requireFloating(b, where);
        if (b.rank() != 1 || b.shape()[0] != units) {
            throw SheetnetException.model(where + ": bias " + b.path() + " has shape " + b.describeShape()
                    + "; expected (" + units + ",)");
        }
        return b.values();
    }

    /**
     * Refuses a weight stored as integers.
     *
     * @throws SheetnetException (MODEL) naming the dataset
     */
    static void requireFloating(Tensor t, String where) {
        if (!t.floating()) {
            throw SheetnetException.model(where + ": " + t.path() + " holds " + t.dtype()
                    + " values; expected float32 or float64 weights");
        }
    }
}
