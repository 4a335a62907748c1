package org.sheetnet.activation;

/**
 * Where a row's pre-activations stand in a spreadsheet, for writing an activation as a formula.
 * Implementations return A1 references such as {@code L1_pre!B2} and {@code L1_pre!$B2:$D2}.
 */
public interface FormulaRefs {

    /** Reference to the pre-activation of one unit in this row. */
    String cell(int unit);

    /** Number of pre-activations in the row. */
    int units();

    /** Reference to the whole row of pre-activations (for softmax and its kin). */
    String row();
}
