package org.sheetnet.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What text reads as a number: a plain decimal as an English-locale Excel reads it, and nothing else. */
class TextNumbersTest {

    @Test
    void plainDecimalsReadAsTheirNumbers() {
        assertEquals(12.0, TextNumbers.parse("12"), "12");
        assertEquals(-1.5, TextNumbers.parse("-1.5"), "-1.5");
        assertEquals(0.25, TextNumbers.parse("+.25"), "+.25");
        assertEquals(5.0, TextNumbers.parse("5."), "5.");
        assertEquals(1500.0, TextNumbers.parse("1.5E3"), "1.5E3");
        assertEquals(0.001, TextNumbers.parse("1e-3"), "1e-3");
        assertEquals(7.0, TextNumbers.parse("  7\t"), "surrounding spaces");
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(TextNumbers.parse("-0")), "-0 keeps its sign");
    }

    @Test
    void anythingElseStaysText() {
        for (String t : List.of("", " ", "n/a", "1,5", "1,200.50", "12 kg", "$3", "12%", "0x1F", "NaN", "Infinity",
                "1d", "1e", "e5", ".", "-", "1e400", "--1", "1 000")) {
            assertNull(TextNumbers.parse(t), () -> "\"" + t + "\"");
        }
    }

    @Test
    void countsWhatItReadsAndNamesTheFirst() {
        TextNumbers tally = new TextNumbers();
        assertEquals(2.0, tally.number(2.0, () -> "A1"), "a number is read as it is");
        assertNull(tally.number("n/a", () -> "A2"), "text that is no number");
        assertEquals(0, tally.count(), "neither counted");
        assertEquals("none", tally.describe(), "none");
        assertEquals(3.0, tally.number("3", () -> "m.xlsx: Inputs!C7"), "text 3");
        assertEquals("m.xlsx: Inputs!C7 held a number stored as text; read as a number", tally.describe(), "one");
        for (int i = 0; i < 41; i++) {
            tally.number("1", () -> "later");
        }
        assertEquals(42, tally.count(), "count");
        assertEquals("m.xlsx: Inputs!C7 and 41 other cells held numbers stored as text; read as numbers",
                tally.describe(), "many");
    }
}
