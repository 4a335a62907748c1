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

    /**
     * Whether {@link #backward} gives a gradient that training can follow. False for {@code step},
     * whose derivative is zero wherever it exists.
     */
    default boolean differentiable() {
        return true;
    }

    /**
     * Backpropagates through one row: given ∂L/∂z for the row's activations, computes
     * ∂L/∂a = J_h(a)ᵀ · ∂L/∂z, where J_h is the Jacobian of this activation at the row's pre-activations.
     * For elementwise activations this is ∂L/∂a_j = h'(a_j) · ∂L/∂z_j.
     *
     * @param pre     pre-activations a; not modified
     * @param preOff  offset of the row in {@code pre} and in {@code gradPre}
     * @param units   number of pre-activations in the row
     * @param act     activations z = h(a) of the same row, as {@link #apply} wrote them; not modified
     * @param actOff  offset of the row in {@code act} and in {@code gradAct}
     * @param gradAct ∂L/∂z, {@link #outputWidth(int) outputWidth(units)} values at {@code actOff}; not modified
     * @param gradPre receives ∂L/∂a, {@code units} values at {@code preOff}; modified
     * @throws UnsupportedOperationException if the activation is not {@link #differentiable()}
     */
    default void backward(double[] pre, int preOff, int units, double[] act, int actOff, double[] gradAct,
            double[] gradPre) {
        throw new UnsupportedOperationException(name() + " has no gradient");
    }

    /** Readable form for summaries and the Audit sheet, e.g. {@code leaky_relu(alpha=0.2)}. */
    default String describe() {
        OptionalDouble p = parameter();
        return p.isPresent() ? name() + "(alpha=" + p.getAsDouble() + ")" : name();
    }
}
