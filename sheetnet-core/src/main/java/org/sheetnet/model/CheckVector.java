package org.sheetnet.model;

/**
 * One stored check: raw inputs (before the model's preparation) and the outputs the original
 * framework produced for them. Immutable: arrays are copied in and out.
 */
public final class CheckVector {

    private final int line;
    private final String where;
    private final double[] inputs;
    private final double[] expected;

    /**
     * A check vector.
     *
     * @param line     its row in the source (sheet row or CSV line), from 1
     * @param where    names the row for messages: {@code model.xlsx: Checks row 3}
     * @param inputs   raw inputs, one per network input, in the network's order; copied
     * @param expected the expected outputs, one per network output; copied
     */
    public CheckVector(int line, String where, double[] inputs, double[] expected) {
        this.line = line;
        this.where = where;
        this.inputs = inputs.clone();
        this.expected = expected.clone();
    }

    /** Its row in the source, from 1. */
    public int line() {
        return line;
    }

    /** Names its row for messages. */
    public String where() {
        return where;
    }

    /** A copy of the raw inputs. */
    public double[] inputs() {
        return inputs.clone();
    }

    /** A copy of the expected outputs. */
    public double[] expected() {
        return expected.clone();
    }

    /** Raw input i. */
    public double input(int i) {
        return inputs[i];
    }

    /** Expected output j. */
    public double expected(int j) {
        return expected[j];
    }
}
