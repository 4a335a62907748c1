package org.sheetnet.format.onnx;

import java.util.List;

/**
 * Sparsemax (Martins and Astudillo 2016) as ONNX operators, following sheetnet's computation: shift
 * by the row's maximum, sort descending (TopK), cumulative sums, the support size k* = the number of
 * k with 1 + k·z₍k₎ > Σ_{i≤k} z₍i₎, τ = (Σ_{i≤k*} z₍i₎ − 1)/k*, and max(z − τ, 0).
 */
final class Sparsemax {

    private Sparsemax() {
    }

    static String apply(GraphWriter g, String a, int units) {
        String max = g.opset() >= 18
                ? g.op("ReduceMax", List.of(a, g.longs("axes", 1)), GraphWriter.integer("keepdims", 1))
                : g.op("ReduceMax", List.of(a), GraphWriter.integers("axes", 1), GraphWriter.integer("keepdims", 1));
        String z = g.op("Sub", a, max);
        String sorted = g.opWithUnusedSecond("TopK", List.of(z, g.longs("k", units)), GraphWriter.integer("axis", 1),
                GraphWriter.integer("largest", 1), GraphWriter.integer("sorted", 1));
        String cumulative = g.op("CumSum", sorted, g.longs("axis", 1));
        double[] k = new double[units];
        for (int i = 0; i < units; i++) {
            k[i] = i + 1;
        }
        String ks = g.tensor("k", new long[] {units}, k);
        String one = g.constant("one", 1);
        String inSupport = g.op("Greater", g.op("Add", one, g.op("Mul", ks, sorted)), cumulative);
        String size = g.op("ReduceSum", List.of(g.op("Cast", List.of(inSupport),
                GraphWriter.integer("to", g.type().getNumber())), g.longs("axes", 1)), GraphWriter.integer("keepdims", 1));
        String last = g.op("Cast", List.of(g.op("Sub", size, one)), GraphWriter.integer("to", 7)); // int64 index
        String sumOfSupport = g.op("GatherElements", List.of(cumulative, last), GraphWriter.integer("axis", 1));
        String tau = g.op("Div", g.op("Sub", sumOfSupport, one), size);
        return g.op("Max", g.op("Sub", z, tau), g.constant("zero", 0));
    }
}
