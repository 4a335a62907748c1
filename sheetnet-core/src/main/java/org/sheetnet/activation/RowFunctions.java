package org.sheetnet.activation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Activations that need the whole row of a layer: the softmax family, glu and crelu. */
final class RowFunctions {

    private RowFunctions() {
    }

    /** Base for parameterless row activations. */
    abstract static class RowActivation implements Activation {
        private final String name;

        RowActivation(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public OptionalDouble parameter() {
            return OptionalDouble.empty();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static double rowMax(double[] a, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, a[off + j]);
        }
        return max;
    }

    /**
     * Σ_k EXP(a_k − m) written term by term, in the order the Java code sums: an array expression
     * such as SUMPRODUCT(EXP(row − m)) would be shorter, but POI's evaluator cannot compute it.
     */
    static String sumOfExp(FormulaRefs refs, String max) {
        StringBuilder sum = new StringBuilder();
        for (int k = 0; k < refs.units(); k++) {
            sum.append(k == 0 ? "" : "+").append("EXP(").append(refs.cell(k)).append('-').append(max).append(')');
        }
        return sum.toString();
    }

    /** softmax(a)_j = exp(a_j − m) / Σ_k exp(a_k − m), m = max_k a_k, so no term overflows. */
    static final class Softmax extends RowActivation {
        Softmax() {
            super("softmax");
        }

        @Override
        public void apply(double[] pre, int preOff, int units, double[] out, int outOff) {
            double max = rowMax(pre, preOff, units);
            double sum = 0;
            for (int j = 0; j < units; j++) {
                double e = Math.exp(pre[preOff + j] - max);
                out[outOff + j] = e;
                sum += e;
            }
            for (int j = 0; j < units; j++) {
                out[outOff + j] /= sum;
            }
        }

        @Override
        public Optional<String> formula(FormulaRefs refs, int output) {
            String max = "MAX(" + refs.row() + ")";
            return Optional.of("EXP(" + refs.cell(output) + "-" + max + ")/(" + sumOfExp(refs, max) + ")");
        }

        // ∂L/∂a_j = z_j·(g_j − Σ_k g_k·z_k): the softmax Jacobian diag(z) − z·zᵀ times g
        @Override
        public void backward(double[] pre, int preOff, int units, double[] act, int actOff, double[] gradAct,
                double[] gradPre) {
            double dot = 0;
            for (int k = 0; k < units; k++) {
                dot += gradAct[actOff + k] * act[actOff + k];
            }
            for (int j = 0; j < units; j++) {
                gradPre[preOff + j] = act[actOff + j] * (gradAct[actOff + j] - dot);
            }
        }
    }

    /** log_softmax(a)_j = a_j − m − log Σ_k exp(a_k − m). */
    static final class LogSoftmax extends RowActivation {
        LogSoftmax() {
            super("log_softmax");
        }

        @Override
        public void apply(double[] pre, int preOff, int units, double[] out, int outOff) {
            double max = rowMax(pre, preOff, units);
            double sum = 0;
            for (int j = 0; j < units; j++) {
                sum += Math.exp(pre[preOff + j] - max);
            }
            double logSum = Math.log(sum);
            for (int j = 0; j < units; j++) {
                out[outOff + j] = pre[preOff + j] - max - logSum;
            }
        }

        @Override
        public Optional<String> formula(FormulaRefs refs, int output) {
            String max = "MAX(" + refs.row() + ")";
            return Optional.of(refs.cell(output) + "-" + max + "-LN(" + sumOfExp(refs, max) + ")");
        }

        // z_j = a_j − logΣe^a, so ∂L/∂a_j = g_j − p_j·Σ_k g_k with p_j = e^(z_j) = softmax(a)_j
        @Override
        public void backward(double[] pre, int preOff, int units, double[] act, int actOff, double[] gradAct,
                double[] gradPre) {
            double sum = 0;
            for (int k = 0; k < units; k++) {
                sum += gradAct[actOff + k];
            }
            for (int j = 0; j < units; j++) {
                gradPre[preOff + j] = gradAct[actOff + j] - Math.exp(act[actOff + j]) * sum;
            }
        }
    }

    /**
     * sparsemax(a)_j = max(a_j − τ, 0), where τ is chosen so that the outputs sum to 1
     * (Martins and Astudillo 2016): with a sorted descending, k = max{k : 1 + k·a_(k) > Σ_{i≤k} a_(i)}
     * and τ = (Σ_{i≤k} a_(i) − 1) / k. The row is first shifted by its maximum m (sparsemax(a − m) =
     * sparsemax(a)), so that k = 1 always qualifies (1 + 0 > 0) even when 1 + a_(1) rounds to a_(1).
     */
    static final class Sparsemax extends RowActivation {
        Sparsemax() {
            super("sparsemax");
        }

        @Override
        public void apply(double[] pre, int preOff, int units, double[] out, int outOff) {
            double max = rowMax(pre, preOff, units);
            double[] sorted = new double[units];
            for (int j = 0; j < units; j++) {
                sorted[j] = pre[preOff + j] - max;
            }
            Arrays.sort(sorted);
            double cumulative = 0;
            double tau = 0;
            for (int k = 1; k <= units; k++) {
                double value = sorted[units - k];
                cumulative += value;
                if (1 + k * value > cumulative) {
                    tau = (cumulative - 1) / k;
                }
            }
            for (int j = 0; j < units; j++) {
                out[outOff + j] = Math.max(pre[preOff + j] - max - tau, 0);
            }
        }

        // On the support S = {j : z_j > 0}: ∂L/∂a_j = g_j − (1/|S|)·Σ_{k∈S} g_k; 0 outside S
        // (Martins and Astudillo 2016, eq. 14).
        @Override
        public void backward(double[] pre, int preOff, int units, double[] act, int actOff, double[] gradAct,
                double[] gradPre) {
            double sum = 0;
            int support = 0;
            for (int k = 0; k < units; k++) {
                if (act[actOff + k] > 0) {
                    sum += gradAct[actOff + k];
                    support++;
                }
            }
            double mean = support == 0 ? 0 : sum / support;
            for (int j = 0; j < units; j++) {
                gradPre[preOff + j] = act[actOff + j] > 0 ? gradAct[actOff + j] - mean : 0;
            }
        }
    }

    /** glu(a) = a_left · sigmoid(a_right), the row split into two equal halves: width n/2. */
    static final class Glu extends RowActivation {
        Glu() {
            super("glu");
        }

        @Override
        public int outputWidth(int units) {
            if (units % 2 != 0) {
                throw new IllegalArgumentException("glu needs an even number of units, found " + units);
            }
            return units / 2;
        }

        @Override
        public List<String> outputNames(List<String> unitNames) {
            return unitNames.subList(0, outputWidth(unitNames.size()));
        }

        @Override
        public void apply(double[] pre, int preOff, int units, double[] out, int outOff) {
            int half = outputWidth(units);
            for (int j = 0; j < half; j++) {
                out[outOff + j] = pre[preOff + j] * Catalogue.sigmoid(pre[preOff + half + j]);
            }
        }

        @Override
        public Optional<String> formula(FormulaRefs refs, int output) {
            int half = outputWidth(refs.units());
            return Optional.of(refs.cell(output) + "*" + ExcelText.sigmoid(refs.cell(half + output)));
        }

        // z_j = u_j·σ(v_j) with u the left half, v the right: ∂L/∂u_j = g_j·σ(v_j), ∂L/∂v_j = g_j·u_j·σ(v_j)(1 − σ(v_j))
        @Override
        public void backward(double[] pre, int preOff, int units, double[] act, int actOff, double[] gradAct,
                double[] gradPre) {
            int half = outputWidth(units);
            for (int j = 0; j < half; j++) {
                double u = pre[preOff + j];
                double s = Catalogue.sigmoid(pre[preOff + half + j]);
                double g = gradAct[actOff + j];
                gradPre[preOff + j] = g * s;
                gradPre[preOff + half + j] = g * u * s * (1 - s);
            }
        }
    }

    /** crelu(a) = [relu(a), relu(−a)]: width 2n. */
    static final class Crelu extends RowActivation {
        Crelu() {
            super("crelu");
        }

        @Override
        public int outputWidth(int units) {
            return 2 * units;
        }

        @Override
        public List<String> outputNames(List<String> unitNames) {
            List<String> names = new ArrayList<>(unitNames);
            for (String name : unitNames) {
                names.add("-" + name);
            }
            return names;
        }

        @Override
        public void apply(double[] pre, int preOff, int units, double[] out, int outOff) {
            for (int j = 0; j < units; j++) {
                double a = pre[preOff + j];
                out[outOff + j] = Math.max(a, 0);
                out[outOff + units + j] = Math.max(-a, 0);
            }
        }

        @Override
        public Optional<String> formula(FormulaRefs refs, int output) {
            int units = refs.units();
            return Optional.of(output < units ? "MAX(" + refs.cell(output) + ",0)" : "MAX(-" + refs.cell(output - units) + ",0)");
        }

        // z = [relu(a), relu(−a)]: ∂L/∂a_j = g_j·[a_j > 0] − g_{n+j}·[a_j < 0]
        @Override
        public void backward(double[] pre, int preOff, int units, double[] act, int actOff, double[] gradAct,
                double[] gradPre) {
            for (int j = 0; j < units; j++) {
                double a = pre[preOff + j];
                gradPre[preOff + j] = (a > 0 ? gradAct[actOff + j] : 0) - (a < 0 ? gradAct[actOff + units + j] : 0);
            }
        }
    }
}
