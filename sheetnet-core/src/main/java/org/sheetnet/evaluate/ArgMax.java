package org.sheetnet.evaluate;

/** The predicted class of a row of outputs. */
public final class ArgMax {

    private ArgMax() {
    }

    /**
     * The index of the largest of {@code v[offset] … v[offset + width − 1]}, from 0; ties go to the
     * first, as numpy's argmax and the {@code predicted_class} column do.
     */
    public static int of(double[] v, int offset, int width) {
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (v[offset + j] > v[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}
