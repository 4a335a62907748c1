package org.sheetnet.sheet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written number scanner against its two references: Double.parseDouble for the value (bit
 * for bit) and the regular expression PlainDecimal used before for the grammar.
 */
class DecimalScannerTest {

    /** The grammar as PlainDecimal's regular expression wrote it, the reference for what is a number. */
    private static final Pattern REFERENCE = Pattern.compile("[+-]?(?:\\d++(?:\\.\\d*+)?|\\.\\d++)(?:[eE][+-]?\\d++)?");

    private final DecimalScanner plain = new DecimalScanner(DecimalStyle.PLAIN);

    private void assertSameAsParseDouble(String text) {
        double expected = Double.parseDouble(text);
        double actual = plain.read(text);
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> "\"" + text + "\": Double.parseDouble gives " + expected + ", the scanner " + actual);
    }

    @Test
    void edgeCasesReadAsDoubleParseDoubleReadsThem() {
        for (String t : List.of("0", "-0", "+0", "-0.0", "0e999", "-0e-999", "1", "-1", "+1", "007", "0000000000000000000000001.5",
                ".25", "1.", "+.5e-3", "3.14159", "0.1", "0.3", "0.30000000000000004", "123456789012345",
                "1234567890123456", "12345678901234567", "123456789012345678", "1234567890123456789",
                "12345678901234567890123", "9007199254740992", "9007199254740993", "9007199254740995",
                "0.5488135039273248", "2.718281828459045", "1.7976931348623157e308", "1.7976931348623158e308",
                "1.7976931348623159e308", "1e308", "1e309", "-1e309", "4.9e-324", "5e-324", "2.5e-324", "2.4e-324",
                "1e-324", "1e-323", "2.2250738585072011e-308", "2.2250738585072012e-308", "2.2250738585072014E-308",
                "1e22", "1e23", "1e-22", "1e-23", "123456789012345e22", "123456789012345e-22", "8.41e21",
                "1e0000000000000000000000000000000000000000005", "1e-99999999999999999999", "1e99999999999999999999",
                "1" + "0".repeat(400), "0." + "0".repeat(400) + "1", "1." + "9".repeat(1000),
                "2.4703282292062327e-324", "2.4703282292062328e-324", "6.02214076e23", "-273.15", "1E+03")) {
            assertSameAsParseDouble(t);
        }
    }

    @Test
    void randomPlainDecimalsReadBitForBitAsDoubleParseDouble() {
        SplittableRandom random = new SplittableRandom(16);
        for (int n = 0; n < 2_000_000; n++) {
            assertSameAsParseDouble(randomDecimal(random));
        }
    }

    @Test
    void randomDoublesWrittenByJavaReadBackToTheirBits() {
        SplittableRandom random = new SplittableRandom(17);
        for (int n = 0; n < 1_000_000; n++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                String text = Double.toString(d);
                assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(plain.read(text)), text);
            }
        }
    }

    @Test
    void theGrammarIsThatOfTheRegularExpression() {
        SplittableRandom random = new SplittableRandom(18);
        String alphabet = "0123456789+-.eE,dxa";
        for (int n = 0; n < 2_000_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(8); k > 0; k--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            assertEquals(REFERENCE.matcher(text).matches(), !Double.isNaN(plain.read(text)), () -> "\"" + text + "\"");
        }
    }

    @Test
    void germanAndEnglishGroupingReadTheSameNumber() {
        DecimalScanner german = new DecimalScanner(DecimalStyle.detected(','));
        DecimalScanner english = new DecimalScanner(DecimalStyle.detected('.'));
        assertEquals(1200.5, german.read("1.200,50"), "1.200,50 in German");
        assertTrue(german.grouped(), "1.200,50 is grouped");
        assertEquals(1200.5, english.read("1,200.50"), "1,200.50 in English");
        assertEquals(1234567.0, german.read("1.234.567"), "1.234.567 in German");
        assertEquals(1234567.25, german.read("1\u00A0234\u00A0567,25"), "no-break spaces in French");
        assertEquals(5.84, german.read("5,84"), "5,84");
        assertEquals(-0.5, german.read("-,5"), "-,5");
        assertEquals(1.2, german.read("1,200"), "1,200 with a decimal comma");
        assertEquals(1200.0, english.read("1,200"), "1,200 with a decimal dot and thousands");
        assertEquals(1500.0, german.read("1,5E+03"), "1,5E+03");
        assertEquals(Double.parseDouble("12345678.123456789012"), german.read("12.345.678,123456789012"), "long fraction");
        for (String no : List.of("1.2000", "0.200", "1.200.00", "1.200 300", "1 200.300", "1.200E3", "1,2,3", ".200",
                "1..200", "1.200.", "12.34.56")) {
            assertTrue(Double.isNaN(german.read(no)), "not a German number: \"" + no + "\"");
        }
        assertTrue(Double.isNaN(english.read("5,84")), "5,84 is not an English number");
    }

    // Digits, a mark and an exponent of random lengths: many 16 to 20 digit mantissas, subnormals, overflows.
    private static String randomDecimal(SplittableRandom random) {
        StringBuilder s = new StringBuilder();
        int sign = random.nextInt(3);
        s.append(sign == 0 ? "" : sign == 1 ? "-" : "+");
        int intDigits = random.nextInt(21);
        int fracDigits = random.nextInt(intDigits == 0 ? 1 : 0, 21);
        appendDigits(s, intDigits, random);
        if (fracDigits > 0 || random.nextBoolean()) {
            s.append('.');
            appendDigits(s, fracDigits, random);
        }
        if (random.nextInt(3) == 0) {
            s.append(random.nextBoolean() ? 'e' : 'E');
            int range = random.nextInt(4) == 0 ? 340 : 25;
            s.append(random.nextInt(-range, range + 1));
        }
        return s.toString();
    }

    private static void appendDigits(StringBuilder s, int n, SplittableRandom random) {
        boolean zeros = random.nextInt(4) == 0;
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + (zeros && random.nextBoolean() ? 0 : random.nextInt(10))));
        }
    }
}
