package org.sheetnet.train;

import java.util.List;

/**
 * Training rows as numbers: features x and targets t, in the order of the data file.
 *
 * @param rows         number of rows
 * @param x            features, row-major, {@code rows × featureNames.size()}
 * @param t            targets, row-major, {@code rows × targetNames.size()}; one-hot rows for classes
 * @param featureNames names of the features (the model's input names)
 * @param targetNames  names of the target columns, or of the classes (the model's output unit names)
 */
public record Dataset(int rows, double[] x, double[] t, List<String> featureNames, List<String> targetNames) {

    public Dataset {
        featureNames = List.copyOf(featureNames);
        targetNames = List.copyOf(targetNames);
        if (x.length != rows * featureNames.size() || t.length != rows * targetNames.size()) {
            throw new IllegalArgumentException("dataset of " + rows + " rows with " + x.length + " feature and "
                    + t.length + " target values");
        }
    }

    /** Number of features. */
    public int features() {
        return featureNames.size();
    }

    /** Number of target values per row. */
    public int targets() {
        return targetNames.size();
    }

    /** The rows [from, to) as a new dataset. */
    public Dataset slice(int from, int to) {
        int f = features();
        int k = targets();
        return new Dataset(to - from, java.util.Arrays.copyOfRange(x, from * f, to * f),
                java.util.Arrays.copyOfRange(t, from * k, to * k), featureNames, targetNames);
    }
}
