package org.sheetnet.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sheetnet.SheetnetException;
import org.sheetnet.sheet.CellValues.ErrorValue;

/**
 * An input row keeps numbers unboxed and everything else as it was given: numbers come back bit for
 * bit, other values as the same objects, and a number stored as text is replaced by its number.
 */
class InputRowTest {

    /** Doubles whose bits a careless copy (through float, text or arithmetic) would change. */
    private static final double[] AWKWARD = {-0.0, 0.0, Double.MIN_VALUE, 2.2250738585072009e-308, 4.9e-322,
        1e308, -1e308, Double.MAX_VALUE, 0.1, 1.0 / 3, Double.NaN, Double.POSITIVE_INFINITY};

    @Test
    void numbersRoundTripBitForBit() {
        InputRow row = new InputRow(7, AWKWARD.length);
        for (int c = 0; c < AWKWARD.length; c++) {
            row.setNumber(c, AWKWARD[c]);
        }
        for (int c = 0; c < AWKWARD.length; c++) {
            long bits = Double.doubleToRawLongBits(AWKWARD[c]);
            assertTrue(row.isNumber(c), "cell " + c + " is a number");
            assertEquals(bits, Double.doubleToRawLongBits(row.number(c)), "number(" + c + ") bits of " + AWKWARD[c]);
            assertEquals(Double.valueOf(AWKWARD[c]), row.value(c), "value(" + c + ") is Double.valueOf(" + AWKWARD[c] + ")");
        }
        assertEquals(7, row.line(), "line");
        assertEquals(AWKWARD.length, row.size(), "size");
    }

    @Test
    void doublesGivenAsObjectsAreKeptAsNumbers() {
        Object[] given = {-0.0, 1e308, 4.9e-324};
        InputRow row = InputRow.of(3, given);
        for (int c = 0; c < given.length; c++) {
            assertTrue(row.isNumber(c), "cell " + c + " is a number");
            assertEquals(Double.doubleToRawLongBits((Double) given[c]), Double.doubleToRawLongBits(row.number(c)),
                    "cell " + c + " bits");
        }
        given[0] = "changed";
        assertTrue(row.isNumber(0), "the row does not keep the array it was made from");
    }

    @Test
    void otherValuesStayThemselves() {
        String text = "n/a";
        ErrorValue error = new ErrorValue("#N/A");
        InputRow row = InputRow.of(2, text, Boolean.TRUE, error, null, 5.0);
        assertSame(text, row.value(0), "A: the same String");
        assertSame(Boolean.TRUE, row.value(1), "B: the same Boolean");
        assertSame(error, row.value(2), "C: the same error value");
        assertNull(row.value(3), "D: blank");
        for (int c = 0; c < 4; c++) {
            assertFalse(row.isNumber(c), "cell " + c + " is not a number");
            int col = c;
            assertThrows(IllegalStateException.class, () -> row.number(col), "number(" + c + ") of a non-number");
        }
        assertTrue(row.isBlank(3), "D is blank");
        assertFalse(row.isBlank(0), "A is not blank");
        assertFalse(row.isBlank(4), "E (a number) is not blank");
        assertArrayEquals(new Object[] {text, true, error, null, 5.0}, row.toArray(), "toArray");
    }

    @Test
    void aRowIsBlankOnlyWhenEveryCellIs() {
        assertTrue(new InputRow(1, 3).isBlank(), "a new row");
        assertTrue(InputRow.of(1, null, null).isBlank(), "of nulls");
        assertTrue(new InputRow(1, 0).isBlank(), "no columns");
        assertFalse(InputRow.of(1, null, 0.0).isBlank(), "a zero");
        assertFalse(InputRow.of(1, "x", null).isBlank(), "a text");
        InputRow cleared = InputRow.of(1, "x", 1.0);
        cleared.set(0, null);
        cleared.set(1, null);
        assertTrue(cleared.isBlank(), "every cell set back to blank");
    }

    @Test
    void cellsBeyondSixtyFourColumnsAreTrackedApart() {
        InputRow row = new InputRow(1, 130);
        row.setNumber(63, 1.5);
        row.setNumber(64, -2.5);
        row.set(65, "text");
        row.setNumber(129, 3.5);
        assertEquals(1.5, row.number(63), "column 63");
        assertEquals(-2.5, row.number(64), "column 64");
        assertEquals("text", row.value(65), "column 65");
        assertEquals(3.5, row.number(129), "column 129");
        for (int c : new int[] {0, 1, 62, 65, 66, 127, 128}) {
            assertFalse(row.isNumber(c), "column " + c + " holds no number");
        }
    }

    @Test
    void aCellCanChangeBetweenNumberAndText() {
        InputRow row = InputRow.of(4, " 12.5 ", 3.0);
        row.setNumber(0, 12.5);
        assertTrue(row.isNumber(0), "A: the text replaced by its number");
        assertEquals(12.5, row.value(0), "A's value");
        row.set(1, "three");
        assertFalse(row.isNumber(1), "B: the number replaced by text");
        assertEquals("three", row.value(1), "B's value");
        row.set(1, 4.0);
        assertEquals(4.0, row.number(1), "B: a Double set as an object is a number again");
        assertArrayEquals(new Object[] {12.5, 4.0}, row.toArray(), "toArray after the changes");
        Object[] copy = row.toArray();
        copy[0] = "changed";
        assertEquals(12.5, row.value(0), "toArray gives a copy");
    }

    @Test
    void storedTextNumbersBecomeNumbersAndAreCounted() {
        InputBinding binding = new InputBinding(new int[] {0, 1}, new int[] {2}, false, null, new PreparationLog(),
                new TextNumbers());
        InputRow first = InputRow.of(2, " 1.5", 2.0, "7");
        InputRow second = InputRow.of(3, 3.0, "n/a", "8");
        RowSource source = new Located();
        binding.storeTextNumbers(List.of(first, second), source, Set.of());
        assertTrue(first.isNumber(0), "A2 \" 1.5\" is read as a number");
        assertEquals(1.5, first.number(0), "A2's number");
        assertEquals(2.0, first.number(1), "B2 stays a number");
        assertEquals("7", first.value(2), "C2, not a feature, stays text");
        assertEquals("n/a", second.value(1), "B3 \"n/a\" stays text");
        assertEquals(1, binding.textNumbers().count(), "cells read as numbers");
        assertEquals("in.csv:2 column A", binding.textNumbers().first(), "the first of them");

        double[] x = new double[2];
        binding.raw(first, source, x, 0);
        assertArrayEquals(new double[] {1.5, 2.0}, x, "row 2's features");
        SheetnetException e = assertThrows(SheetnetException.class, () -> binding.raw(second, source, x, 0), "row 3");
        assertEquals("in.csv:3 column B: expected a number, found text \"n/a\"", e.getMessage(), "row 3's message");
    }

    /** A source that only names cells, for the binding's messages. */
    private static final class Located implements RowSource {
        @Override
        public String describe() {
            return "in.csv";
        }

        @Override
        public List<String> header() {
            return List.of("A", "B", "C");
        }

        @Override
        public InputRow next() {
            return null;
        }

        @Override
        public String locate(int line, int col) {
            return "in.csv:" + line + " column " + (char) ('A' + col);
        }

        @Override
        public String locateRow(int line) {
            return "in.csv:" + line;
        }

        @Override
        public int skippedBlankRows() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
