package org.sheetnet.spark;

import java.math.BigDecimal;
import org.sheetnet.input.PlainDecimal;

/**
 * A Spark value as the cell value core's input binding reads: a Double for a number, null for
 * nothing, otherwise text. Text is read as {@code score} reads a CSV field (trimmed; blank is
 * nothing; a plain decimal is a number), so CSV read as strings by Spark gives the same doubles.
 */
final class CellValue {

    private CellValue() {
    }

    /** The cell value of a field; numbers widen exactly to double (a decimal rounds to the nearest). */
    static Object of(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Double || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Float || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof BigDecimal d) {
            return d.doubleValue();
        }
        return text(v.toString());
    }

    private static Object text(String field) {
        String t = field.trim();
        if (t.isEmpty()) {
            return null;
        }
        double d = PlainDecimal.value(t);
        return Double.isNaN(d) ? t : (Object) d;
    }
}
