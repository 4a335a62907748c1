package org.sheetnet.input;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.sheetnet.sheet.CellRef;

/** Turns header cells into column names. */
final class InputHeader {

    private InputHeader() {
    }

    /**
     * Column names from a header row's cell values: text as written, a number as written, and a
     * blank cell named after its column letter, so every column has a name.
     */
    static List<String> names(Object[] cells) {
        List<String> names = new ArrayList<>(cells.length);
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            names.add(v == null ? CellRef.columnName(c) : v instanceof Double d ? numberName(d) : v.toString());
        }
        return Collections.unmodifiableList(names);
    }

    /** A numeric header cell names its column by the number as written: 3.0 → "3". */
    static String numberName(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
