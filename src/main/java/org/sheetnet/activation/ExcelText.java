package org.sheetnet.activation;

/**
 * Pieces of Excel formula text shared by the activations' formula forms. Each is written to agree
 * with the Java computation to about 1e-13 relative, the accuracy a spreadsheet can be held to.
 */
final class ExcelText {

    private ExcelText() {
    }

    /** A number literal that Excel, LibreOffice and POI all read back as the same double. */
    static String literal(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** sigmoid(x), branching on the sign so that EXP never overflows. */
    static String sigmoid(String x) {
        return "IF(" + x + ">=0,1/(1+EXP(-" + x + ")),EXP(" + x + ")/(1+EXP(" + x + ")))";
    }

    /**
     * e^x − 1 without the cancellation of EXP(x)−1 near 0: a 4-term Taylor series for |x| < 0.001
     * (truncation error below x⁴/120 relative), EXP(x)−1 elsewhere (error below 1.2e-13 relative).
     */
    static String expm1(String x) {
        return "IF(ABS(" + x + ")<0.001," + x + "*(1+" + x + "*(1/2+" + x + "*(1/6+" + x + "/24))),EXP(" + x + ")-1)";
    }

    /** softplus(x) = max(x, 0) + log(1 + e^−|x|), the logarithm by series where its argument is tiny. */
    static String softplus(String x) {
        String y = "EXP(-ABS(" + x + "))";
        return "(MAX(" + x + ",0)+IF(" + y + "<0.001," + y + "*(1-" + y + "*(1/2-" + y + "*(1/3-" + y + "/4))),LN(1+"
                + y + ")))";
    }

    /** hard_sigmoid(x) = 0 below −3, 1 above 3, x/6 + 1/2 between. */
    static String hardSigmoid(String x) {
        return "IF(" + x + "<=-3,0,IF(" + x + ">=3,1," + x + "/6+0.5))";
    }
}
