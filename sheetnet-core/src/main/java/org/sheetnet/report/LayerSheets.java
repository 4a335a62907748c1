package org.sheetnet.report;

/** Names of the sheets that hold each layer's values. */
public final class LayerSheets {

    private LayerSheets() {
    }

    /** {@code L2_pre}: a = z₁·W₂ + b₂ for layer 2. */
    public static String pre(int layer) {
        return "L" + layer + "_pre";
    }

    /** {@code L2_act}: z = h(a) for layer 2. */
    public static String act(int layer) {
        return "L" + layer + "_act";
    }
}
