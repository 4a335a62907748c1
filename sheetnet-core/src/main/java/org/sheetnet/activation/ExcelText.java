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

    /**
     * tanh(x) as TANH(x), except by its series x − x³/3 + 2x⁵/15 − 17x⁷/315 for |x| < 0.01 (truncation
     * below 3e-18 relative) and as ±1 for |x| > 20 (where tanh(x) rounds to ±1 in double). Apache POI
     * computes TANH as (e^x − e^−x)/(e^x + e^−x), which loses digits near 0 (relative error about
     * 1e-16/|x|) and gives #NUM! beyond |x| ≈ 709; the guards make every engine agree to 1e-14.
     */
    static String tanh(String x) {
        String s = x + "*" + x;
        return "IF(ABS(" + x + ")<0.01," + x + "*(1-" + s + "*(1/3-" + s + "*(2/15-" + s + "*17/315))),"
                + tanhOutsideSeries(x) + ")";
    }

    /** tanh(x) for |x| ≥ 0.01: TANH(x), or its sign beyond 20 (see {@link #tanh}). */
    static String tanhOutsideSeries(String x) {
        return "IF(ABS(" + x + ")>20,SIGN(" + x + "),TANH(" + x + "))";
    }

    /**
     * tanh_shrink(x) = x − tanh(x). Near 0 the difference cancels (it is about x³/3), so for |x| < 0.2
     * it is taken by its series to x¹⁷ (truncation below 5e-15 relative), computed in exactly the order
     * of {@link Catalogue#tanhShrink}; beyond, the cancellation costs at most a factor 75 on TANH's error.
     */
    static String tanhShrink(String x) {
        String s = x + "*" + x;
        return "IF(ABS(" + x + ")<0.2," + x + "*" + s + "*(1/3-" + s + "*(2/15-" + s + "*(17/315-" + s + "*(62/2835-"
                + s + "*(1382/155925-" + s + "*(21844/6081075-" + s + "*(929569/638512875-" + s
                + "*6404582/10854718875))))))),"  + x + "-" + tanhOutsideSeries(x) + ")";
    }

    /**
     * mish(x) = x·tanh(softplus(x)), with tanh(log(1 + e^x)) written without TANH or LN as
     * u(u + 2) / (u(u + 2) + 2), u = e^x, for x ≤ 0, and (1 + 2v) / (1 + 2v + 2v²), v = e^−x, for x > 0:
     * sums of positive terms, so no digit is lost and nothing overflows.
     */
    static String mish(String x) {
        String u = "EXP(" + x + ")";
        String v = "EXP(-" + x + ")";
        return x + "*IF(" + x + "<=0," + u + "*(" + u + "+2)/(" + u + "*(" + u + "+2)+2),(1+2*" + v + ")/(1+2*" + v
                + "+2*" + v + "*" + v + "))";
    }

    /** hard_sigmoid(x) = 0 below −3, 1 above 3, x/6 + 1/2 between. */
    static String hardSigmoid(String x) {
        return "IF(" + x + "<=-3,0,IF(" + x + ">=3,1," + x + "/6+0.5))";
    }
}
