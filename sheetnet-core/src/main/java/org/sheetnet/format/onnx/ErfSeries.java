package org.sheetnet.format.onnx;

/**
 * erf(x) in double from ONNX arithmetic, for runtimes whose Erf is float only:
 * erf(x) = 2/√π · e^(−x²) · Σₙ (2x²)ⁿ · x / (1·3·5·…·(2n+1)), a series of terms of one sign (no
 * cancellation), on x clipped to [−6, 6] (beyond, erf is ±1 in double: erfc(6) ≈ 2e−17). At |x| = 6 the
 * terms peak near n = 36 and fall below 2⁻⁵³ of the sum before n = {@value #TERMS}; the sum is then good
 * to a few units in the 14th digit.
 */
final class ErfSeries {

    static final int TERMS = 150;

    private ErfSeries() {
    }

    static String apply(GraphWriter g, String x) {
        String xc = g.op("Min", g.op("Max", x, g.constant("minus_six", -6)), g.constant("six", 6));
        String x2 = g.op("Mul", xc, xc);
        String twoX2 = g.op("Add", x2, x2);
        String term = xc;
        String sum = xc;
        for (int n = 1; n < TERMS; n++) {
            term = g.op("Div", g.op("Mul", term, twoX2), g.constant("odd", 2 * n + 1));
            sum = g.op("Add", sum, term);
        }
        String scale = g.op("Mul", g.op("Exp", g.op("Neg", x2)), g.constant("two_over_sqrt_pi", 2 / Math.sqrt(Math.PI)));
        return g.op("Mul", sum, scale);
    }
}
