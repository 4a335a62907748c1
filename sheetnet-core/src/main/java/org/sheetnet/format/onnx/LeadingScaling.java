package org.sheetnet.format.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sheetnet.model.FeatureScaling;
import org.sheetnet.model.InputPreparation;

/**
 * Sub/Add and then Div/Mul by constants before the first layer, as a scikit-learn StandardScaler
 * exports: x' = (x − offset) / scale per feature, sheetnet's Features sheet. Sub is exact; Add c is
 * offset −c (exact); Div is exact; Mul c is scale 1/c (rounded once, the one inexact step).
 */
final class LeadingScaling {

    private final int width;
    private double[] offset;
    private double[] scale;
    private String last = "";

    LeadingScaling(int width) {
        this.width = width;
    }

    /**
     * Takes one operation into the scaling if it fits: Sub or Add before any Div or Mul, then one Div or Mul
     * by non-zero finite values.
     *
     * @param op        Sub, Add, Div or Mul
     * @param dataFirst whether the data is the operation's first input
     * @param c         the constant, one per feature
     * @return whether it was taken (else the caller folds it into a layer)
     */
    boolean accepts(String op, boolean dataFirst, double[] c) {
        if (scale != null || Arrays.stream(c).anyMatch(v -> !Double.isFinite(v))) {
            return false;
        }
        switch (op) {
            case "Sub", "Add" -> {
                if ("Sub".equals(op) && !dataFirst) {
                    return false;
                }
                double[] o = offset == null ? new double[width] : offset.clone();
                for (int j = 0; j < width; j++) {
                    o[j] = "Sub".equals(op) ? o[j] + c[j] : o[j] - c[j];
                }
                if (Arrays.stream(o).anyMatch(v -> !Double.isFinite(v))) {
                    return false;
                }
                offset = o;
                last = "offset";
                return true;
            }
            default -> {
                if ("Div".equals(op) && !dataFirst || Arrays.stream(c).anyMatch(v -> v == 0)) {
                    return false;
                }
                double[] s = "Div".equals(op) ? c.clone() : Arrays.stream(c).map(v -> 1 / v).toArray();
                if (Arrays.stream(s).anyMatch(v -> !Double.isFinite(v))) {
                    return false; // 1/c overflows: left to a layer, which divides by nothing
                }
                scale = s;
                last = "Div".equals(op) ? "scale" : "scale = 1 / the multiplier";
                return true;
            }
        }
    }

    /** What the last accepted operation set. */
    String describeLast() {
        return last;
    }

    boolean isEmpty() {
        return offset == null && scale == null;
    }

    /** The Features sheet's rows, named after the inputs; no default and no range (ONNX states none). */
    InputPreparation toPreparation(List<String> names) {
        List<FeatureScaling> features = new ArrayList<>(width);
        for (int j = 0; j < width; j++) {
            features.add(new FeatureScaling(names.get(j), offset == null ? 0 : offset[j], scale == null ? 1 : scale[j],
                    Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        }
        return new InputPreparation(features);
    }
}
