package org.sheetnet.engine;

/** A layer produced NaN or ±∞ for some row: the network cannot be evaluated there. */
public final class NonFiniteValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int layer;
    private final int row;
    private final String unit;
    private final String stage;
    private final double value;

    NonFiniteValueException(int layer, int row, String unit, String stage, double value) {
        super("layer " + layer + ", row " + row + ", unit " + unit + ": " + stage + " is " + value);
        this.layer = layer;
        this.row = row;
        this.unit = unit;
        this.stage = stage;
        this.value = value;
    }

    /** Layer number, from 1. */
    public int layer() {
        return layer;
    }

    /** Row within the batch, from 0. */
    public int row() {
        return row;
    }

    /** Name of the unit whose value is not finite. */
    public String unit() {
        return unit;
    }

    /** "pre-activation" or "activation". */
    public String stage() {
        return stage;
    }

    /** The offending value. */
    public double value() {
        return value;
    }
}
