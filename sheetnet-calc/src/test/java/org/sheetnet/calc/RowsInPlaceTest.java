package org.sheetnet.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheetnet.SheetnetException;
import org.sheetnet.input.InputRow;
import org.sheetnet.input.RowSource;

/** Score with formulas takes the Inputs sheet's rows only where each case is in the row its formulas name. */
class RowsInPlaceTest {

    @Test
    void rowsFromRowTwoOnWithoutGapsPass() {
        RowsInPlace rows = new RowsInPlace(new Lines(2, 3, 4));
        assertEquals(2, rows.next().line(), "first case");
        assertEquals(3, rows.next().line(), "second case");
        assertEquals(4, rows.next().line(), "third case");
        assertEquals(null, rows.next(), "end");
    }

    @Test
    void aBlankRowBetweenCasesStopsTheRunNamingTheRow() {
        RowsInPlace rows = new RowsInPlace(new Lines(2, 4));
        rows.next();
        SheetnetException e = assertThrows(SheetnetException.class, rows::next, "a case after a blank row");
        assertTrue(e.getMessage().startsWith("model.xlsx: Inputs row 4: Score with formulas needs"),
                "message: " + e.getMessage());
        assertTrue(e.getMessage().contains("row 3 was expected"), "message: " + e.getMessage());
    }

    /** Rows standing at the given sheet rows. */
    private static final class Lines implements RowSource {
        private final Deque<Integer> lines = new ArrayDeque<>();

        Lines(int... at) {
            for (int line : at) {
                lines.add(line);
            }
        }

        @Override
        public String describe() {
            return "model.xlsx!Inputs";
        }

        @Override
        public List<String> header() {
            return List.of("x");
        }

        @Override
        public InputRow next() {
            return lines.isEmpty() ? null : InputRow.of(lines.poll(), 1.0);
        }

        @Override
        public String locate(int line, int col) {
            return "model.xlsx: Inputs!A" + line;
        }

        @Override
        public String locateRow(int line) {
            return "model.xlsx: Inputs row " + line;
        }

        @Override
        public int skippedBlankRows() {
            return 0;
        }

        @Override
        public void close() {
            // Nothing to close.
        }
    }
}
