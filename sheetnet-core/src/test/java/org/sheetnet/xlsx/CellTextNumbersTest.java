package org.sheetnet.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sheetnet.sheet.DecimalScanner;
import org.sheetnet.sheet.DecimalStyle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sheet reader's number parser (DecimalScanner in the plain style, as SheetStream uses it) against the JDK's Double.parseDouble (the reference: correctly
 * rounded), bit for bit, on the decimals workbooks hold: shortest round-trip texts of random doubles
 * of every magnitude, fixed-point texts with many digits, halfway cases and the limits of double.
 */
class CellTextNumbersTest {

    private static final DecimalScanner CELLS = new DecimalScanner(DecimalStyle.PLAIN);

    private static void assertSameAsJdk(String text) {
        double read = CELLS.read(text);
        assertTrue(!Double.isNaN(read), "a plain decimal: " + text);
        assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
                Double.doubleToRawLongBits(read), () -> "bits of " + text);
    }

    @Test
    void shortestTextsOfRandomDoublesOfEveryMagnitude() {
        Random random = new Random(16);
        for (int i = 0; i < 200_000; i++) {
            double v = random.nextGaussian() * Math.pow(10, random.nextInt(600) - 300);
            assertSameAsJdk(Double.toString(v));
            assertSameAsJdk(new BigDecimal(v).toPlainString().substring(0, Math.min(40,
                    new BigDecimal(v).toPlainString().length())));
        }
    }

    @Test
    void fixedPointTextsWithUpToTwentyFiveDigits() {
        Random random = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            int digits = 1 + random.nextInt(25);
            StringBuilder s = new StringBuilder(random.nextBoolean() ? "-" : "").append(random.nextInt(1000)).append('.');
            for (int d = 0; d < digits; d++) {
                s.append((char) ('0' + random.nextInt(10)));
            }
            assertSameAsJdk(s.toString());
            assertSameAsJdk(String.format(Locale.ROOT, "%sE%d", s, random.nextInt(40) - 20));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "0.0", "+1", ".5", "5.", "1e308", "1.7976931348623157E308",
        "4.9E-324", "2.4703282292062328E-324", "2.4703282292062327E-324", "2.2250738585072011E-308",
        "9007199254740993", "9007199254740992.5", "0.1", "0.30000000000000004", "123456789012345678901234567890",
        "1.00000000000000011102230246251565404236316680908203125", "1E-400", "1E400"})
    void hardCasesAndLimits(String text) {
        assertSameAsJdk(text);
    }
}
