package org.sheetnet.io;

/** Turns header cells into column names. */
final class InputHeader {

    private InputHeader() {
    }

    /** A numeric header cell names its column by the number as written: 3.0 → "3". */
    static String numberName(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
