package org.sheetnet.input;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a CSV field must look like to be read as a number, and that deciding it is never slow. */
class PlainDecimalTest {

    @Test
    void plainDecimalsMatchAndJavasOtherNumberFormsDoNot() {
        for (String yes : List.of("1", "-1.5e3", ".25", "1.", "+2E-3", "007", "3.14159")) {
            assertTrue(PlainDecimal.matches(yes), yes);
        }
        for (String no : List.of("1d", "1f", "0x10", "NaN", "Infinity", "1e", ".", "", "-", "1.2.3", "1e+", "١٢")) {
            assertFalse(PlainDecimal.matches(no), no);
        }
    }

    /**
     * The fuzz test found a field of 900,000 digits in a quoted CSV field with one stray character
     * taking minutes: the pattern gave digits back one by one, trying every split. A million digits
     * and a letter must be refused at once (the bound is generous; the linear pattern takes milliseconds).
     */
    @Test
    void aMillionDigitsThenALetterIsRefusedInLinearTime() {
        String field = "9".repeat(1_000_000) + "x";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertFalse(PlainDecimal.matches(field)));
        String fraction = "1." + "5".repeat(1_000_000) + "e";
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertFalse(PlainDecimal.matches(fraction)));
    }
}
