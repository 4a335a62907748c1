package org.sheetnet.activation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The function h of a layer, z = h(a), applied to one row of pre-activations at a time.
 *
 * <p>Most activations act on each unit alone ({@link Elementwise}); a few (softmax, sparsemax,
 * glu, crelu) need the whole row, and two of them change its width. Implementations are
 * immutable and thread-safe.
 */
public interface Activation {

    /** The Keras name of this activation, as written in a {@code Model} sheet. */
    String name();

    /** The value of its parameter ({@code alpha} column), if it takes one. */
    OptionalDouble parameter();

    /**
     * Number of values this activation produces from a row of {@code units} pre-activations.
     *
     * @throws IllegalArgumentException if the activation cannot take a row of that width
     */
    default int outputWidth(int units) {
        return units;
    }

    /** Names of the produced values, given the names of the layer's units. */
    default List<String> outputNames(List<String> unitNames) {
        return unitNames;
    }

    /**
     * Applies the activation to one row.
     *
     * @param pre    pre-activations; not modified
     * @param preOff offset of the row in {@code pre}
     * @param units  number of pre-activations in the row
     * @param out    receives {@link #outputWidth(int) outputWidth(units)} values; modified
     * @param outOff offset of the row in {@code out}
     */
    void apply(double[] pre, int preOff, int units, double[] out, int outOff);

    /**
     * This activation's output as an Excel formula over the row's pre-activation cells, so that a
     * spreadsheet recomputes it; empty when it has no formula form (then values are written).
     *
     * @param refs   where the row's pre-activations are
     * @param output which output, from 0
     */
    default Optional<String> formula(FormulaRefs refs, int output) {
        return Optional.empty();
    }

    /** Readable form for summaries and the Audit sheet, e.g. {@code leaky_relu(alpha=0.2)}. */
    default String describe() {
        OptionalDouble p = parameter();
        return p.isPresent() ? name() + "(alpha=" + p.getAsDouble() + ")" : name();
    }
}
