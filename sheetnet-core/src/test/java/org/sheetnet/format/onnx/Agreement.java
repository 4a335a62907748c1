package org.sheetnet.format.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How close two runtimes must agree: |got − want| ≤ max(absolute, relative·|want|). For float32 models
 * relative 1e-6 and absolute 1e-7 (float32 rounding of short sums), for float64 models 1e-12 both.
 */
record Agreement(double relative, double absolute) {

    static final Agreement FLOAT32 = new Agreement(1e-6, 1e-7);
    static final Agreement FLOAT64 = new Agreement(1e-12, 1e-12);

    /**
     * Float32 activations: as {@link #FLOAT32}, but absolute 2.5e-7 near zero, because a float32 e^x − 1
     * (Elu, Selu, Celu) errs by α·ulp(1) = 1.2e-7 at α = 2 where sheetnet's expm1 does not.
     */
    static final Agreement FLOAT32_ELEMENTWISE = new Agreement(1e-6, 2.5e-7);

    /**
     * A float32 runtime against sheetnet's double on layers of hundreds of inputs: float32 accumulation over
     * n terms errs by up to n·2⁻²⁴ of the sum of |terms|; seen up to 7.5e-6 relative (2.9e-7 absolute) on the
     * 784-input fixtures, and up to 1.1e-5 by the fixtures' own independent float64 check. Hence 1e-5 of
     * max(1, |value|). The exactness of the import is shown by the float64 twin, at 1e-12.
     */
    static final Agreement FLOAT32_LONG_SUMS = new Agreement(1e-5, 1e-5);

    /** Every value of {@code got} agrees with {@code want}, labelled "what[row][column]". */
    void assertRows(String what, double[][] want, double[][] got) {
        assertEquals(want.length, got.length, () -> what + ": rows");
        for (int r = 0; r < want.length; r++) {
            assertEquals(want[r].length, got[r].length, what + "[" + r + "]: width");
            for (int j = 0; j < want[r].length; j++) {
                double w = want[r][j];
                double g = got[r][j];
                double allowed = Math.max(absolute, relative * Math.abs(w));
                int rr = r;
                int jj = j;
                assertTrue(Math.abs(g - w) <= allowed || (Double.isNaN(w) && Double.isNaN(g)),
                        () -> what + "[" + rr + "][" + jj + "]: expected " + w + ", got " + g + " (|diff| "
                                + Math.abs(g - w) + " > " + allowed + ")");
            }
        }
    }

    /** The largest |got − want| / max(1, |want|), for reporting. */
    static double worst(double[][] want, double[][] got) {
        double worst = 0;
        for (int r = 0; r < want.length; r++) {
            for (int j = 0; j < want[r].length; j++) {
                worst = Math.max(worst, Math.abs(got[r][j] - want[r][j]) / Math.max(1, Math.abs(want[r][j])));
            }
        }
        return worst;
    }
}
