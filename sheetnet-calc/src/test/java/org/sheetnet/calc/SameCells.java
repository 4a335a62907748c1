package org.sheetnet.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.sheetnet.sheet.CellRef;

/** Compares a sheet in the document with the same sheet read from a file: numbers bit for bit, text exactly. */
final class SameCells {

    private SameCells() {
    }

    /**
     * @param where    the sheet, for messages
     * @param expected rows read by POI (Double, String or null)
     * @param actual   rows as getDataArray or POI gives them ("" or null for blank)
     * @return the number of numbers compared
     */
    static int assertSame(String where, List<List<Object>> expected, Object[][] actual) {
        return assertClose(where, expected, actual, 0);
    }

    /**
     * As {@link #assertSame}, numbers within a relative tolerance (0: the same bits).
     *
     * @param relative largest |a − e| / |e| accepted
     */
    static int assertClose(String where, List<List<Object>> expected, Object[][] actual, double relative) {
        int rows = Math.max(expected.size(), actual.length);
        int numbers = 0;
        for (int r = 0; r < rows; r++) {
            int width = Math.max(r < expected.size() ? expected.get(r).size() : 0, r < actual.length ? actual[r].length : 0);
            for (int c = 0; c < width; c++) {
                Object e = blankAsNull(r < expected.size() && c < expected.get(r).size() ? expected.get(r).get(c) : null);
                Object a = blankAsNull(r < actual.length && c < actual[r].length ? actual[r][c] : null);
                String cell = where + "!" + new CellRef(r, c);
                if (e instanceof Double d) {
                    if (!(a instanceof Double x)) {
                        fail(cell + ": expected the number " + d + ", found " + a);
                        return numbers;
                    }
                    if (relative == 0) {
                        assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(x),
                                cell + ": " + d + " (sheetnet score) vs " + x + " (Calc), bit for bit");
                    } else {
                        assertEquals(d, x, Math.abs(d) * relative, cell + ": within " + relative + " relative");
                    }
                    numbers++;
                } else {
                    assertEquals(e, a, cell);
                }
            }
        }
        return numbers;
    }

    static Object[][] toArray(List<List<Object>> rows) {
        Object[][] out = new Object[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            out[r] = rows.get(r).toArray();
        }
        return out;
    }

    private static Object blankAsNull(Object v) {
        return v instanceof String s && s.isEmpty() ? null : v;
    }
}
