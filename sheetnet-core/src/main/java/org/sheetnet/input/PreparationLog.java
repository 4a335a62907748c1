package org.sheetnet.input;

/** What input preparation did along a run: defaults used for empty cells, values outside [min, max]. */
public final class PreparationLog {

    private long defaults;
    private long outOfRange;
    private String firstDefault = "";
    private String firstOutOfRange = "";

    void defaulted(String where) {
        if (defaults++ == 0) {
            firstDefault = where;
        }
    }

    void outOfRange(String where) {
        if (outOfRange++ == 0) {
            firstOutOfRange = where;
        }
    }

    /** Number of empty cells replaced by their feature's default. */
    public long defaults() {
        return defaults;
    }

    /** Number of raw values outside their feature's [min, max]. */
    public long outOfRange() {
        return outOfRange;
    }

    /** Where the first default was used, e.g. {@code Inputs!C7}, or empty. */
    public String firstDefault() {
        return firstDefault;
    }

    /** The first value out of range, with where it is, or empty. */
    public String firstOutOfRange() {
        return firstOutOfRange;
    }
}
