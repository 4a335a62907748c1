package org.sheetnet.evaluate;

/**
 * The targets of one batch, read from the input rows.
 *
 * @param rows    number of rows
 * @param values  regression: the targets, row-major, {@code rows × outputs}; empty for classification
 * @param classes classification: each row's true class, an output unit index; empty for regression
 */
public record TargetBatch(int rows, double[] values, int[] classes) {
}
