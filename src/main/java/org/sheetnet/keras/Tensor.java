package org.sheetnet.keras;

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

    /** The shape as Keras prints it, {@code (16, 32)}. */
    String describeShape() {
        return Arrays.toString(shape).replace('[', '(').replace(']', ')');
    }
}
