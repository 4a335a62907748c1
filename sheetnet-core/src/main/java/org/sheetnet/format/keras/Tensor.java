package org.sheetnet.format.keras;

import java.util.Arrays;

/**
 * A numeric array read from an HDF5 dataset, widened to double (float32 values exactly).
 *
 * @param path   the dataset's path in its file, for messages
 * @param shape  its dimensions, outermost first
 * @param values its elements in row-major (C) order
 * @param dtype  the stored element type, {@code float32} or {@code float64} (or {@code int64}, {@code int32} for
 *               counts)
 */
record Tensor(String path, int[] shape, double[] values, String dtype) {

    /** Number of dimensions. */
    int rank() {
        return shape.length;
    }

    /** Whether it holds floating-point numbers (float32 or float64). */
    boolean floating() {
        return dtype.startsWith("float");
    }

    /**
     * Refuses a floating tensor holding NaN or an infinity: imported, it would become a #NUM! cell
     * and every output a NaN.
     *
     * @param file  the file's name, for the message
     * @param owner what the tensor is, e.g. {@code weight 0 of layer dense (Dense)}
     * @throws org.sheetnet.SheetnetException (MODEL) naming the tensor and the first such element's index
     */
    void requireFinite(String file, String owner) {
        if (!floating()) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw org.sheetnet.SheetnetException.model(file + ": " + path + " (" + owner + ") holds " + values[i]
                        + " at index " + index(i) + "; a model with non-finite weights cannot be scored");
            }
        }
    }

    // The element's index in each dimension, outermost first, as Keras prints it: [2, 0].
    private String index(int flat) {
        int[] index = new int[shape.length];
        int rest = flat;
        for (int d = shape.length - 1; d >= 0; d--) {
            int size = Math.max(1, shape[d]);
            index[d] = rest % size;
            rest /= size;
        }
        return Arrays.toString(index);
    }

    /** The shape as Keras prints it, {@code (16, 32)}. */
    String describeShape() {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }
}
