package org.sheetnet.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * NumberText.write against two oracles, over more than ten million doubles: the bytes must be
 * those of jackson-core's {@code NumberOutput.toString(v, true)} (the format outputs are hashed
 * with), and {@code Double.parseDouble} of the text must give back the same bits.
 */
class NumberTextBytesTest {

    private final byte[] buffer = new byte[64];
    private long checked;

    @Test
    void randomBitPatternsCoverEveryExponent() {
        Random random = new Random(16_1);
        for (int i = 0; i < 3_000_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                check(d);
            }
        }
        assertTrue(checked > 2_900_000, "finite bit patterns checked: " + checked);
    }

    @Test
    void shortDecimalsOfZeroToSeventeenDigitsParsedFromText() {
        Random random = new Random(16_2);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3_000_000; i++) {
            text.setLength(0);
            int digits = random.nextInt(18);
            text.append(random.nextBoolean() ? "-" : "").append('.');
            for (int k = 0; k < digits; k++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            // Exponents mostly near the plain range, where the shortcut applies, some anywhere.
            int exponent = random.nextInt(4) == 0 ? random.nextInt(660) - 330 : random.nextInt(20) - 6;
            text.append('0').append('E').append(exponent);
            check(Double.parseDouble(text.toString()));
        }
    }

    @Test
    void decimalsOfAtMostEightFractionDigitsAsTheInputsOfCaseThree() {
        // Every 3-decimal input of case 3 (np.round(uniform[0, 1), 3)), with both signs.
        for (int k = 0; k <= 1000; k++) {
            check(k / 1000.0);
            check(-k / 1000.0);
        }
        // m / 10^j for random m of every size the shortcut handles, and some it does not.
        Random random = new Random(16_3);
        for (int i = 0; i < 1_500_000; i++) {
            int j = random.nextInt(9);
            long m = random.nextLong() % (long) Math.pow(10, 1 + random.nextInt(16));
            check(m / Math.pow(10, j));
        }
    }

    @Test
    void fullPrecisionValuesAsInTheLayerSheets() {
        Random random = new Random(16_4);
        for (int i = 0; i < 1_000_000; i++) {
            double a = random.nextGaussian() * 4;
            check(1 / (1 + Math.exp(-a)));
            check(Math.tanh(a));
            check(a);
        }
    }

    @Test
    void valuesNextToPowersOfTenAndTheLayoutBoundaries() {
        for (int k = -324; k <= 308; k++) {
            double p = Double.parseDouble("1E" + k);
            for (int ulps = -64; ulps <= 64; ulps++) {
                checkBits(Double.doubleToRawLongBits(p) + ulps);
            }
        }
        // Double.toString switches to E notation below 10^-3 and at 10^7.
        for (double boundary : new double[] {1e-3, 1e7}) {
            long bits = Double.doubleToRawLongBits(boundary);
            for (int ulps = -200_000; ulps <= 200_000; ulps++) {
                checkBits(bits + ulps);
                checkBits((bits + ulps) | Long.MIN_VALUE);
            }
        }
        // The shortcut's own limits: |m|·10^-8 next to 10^7 and 10^-3 in steps of 10^-8.
        for (long m = -100_000; m <= 100_000; m++) {
            check((1_000_000_000_000_000L + m) / 1e8);
            check((100_000 + m) / 1e8);
        }
    }

    @Test
    void integersUpToTwoToTheFiftyThreeAndBeyond() {
        for (long n = 0; n <= 1_000_000; n++) {
            check(n);
        }
        Random random = new Random(16_5);
        for (int i = 0; i < 500_000; i++) {
            check((double) (random.nextLong() >>> (1 + random.nextInt(63))));
            check((double) random.nextLong());
        }
        for (int e = 0; e <= 1023; e++) {
            double power = Math.scalb(1.0, e);
            check(power);
            check(Math.nextUp(power));
            check(Math.nextDown(power));
        }
    }

    @Test
    void subnormalsAndTheExtremes() {
        Random random = new Random(16_6);
        for (int i = 0; i < 500_000; i++) {
            checkBits(random.nextLong() & 0x800F_FFFF_FFFF_FFFFL);
        }
        double[] extremes = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
            Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, Math.nextDown(Double.MAX_VALUE)};
        for (double d : extremes) {
            check(d);
        }
        for (long bits = 0; bits <= 1000; bits++) {
            checkBits(bits);
            checkBits(Double.doubleToRawLongBits(Double.MAX_VALUE) - bits);
        }
    }

    @Test
    void examplesOfTheFormatByHand() {
        String[][] cases = {{"0.123", "0.123"}, {"1e-4", "1.0E-4"}, {"12345678", "1.2345678E7"},
            {"-0", "-0.0"}, {"0", "0.0"}, {"123", "123.0"}, {"0.001", "0.001"}, {"9999999.5", "9999999.5"},
            {"-2.5", "-2.5"}, {"1e7", "1.0E7"}, {"4.9e-324", "4.9E-324"}};
        for (String[] c : cases) {
            double d = Double.parseDouble(c[0]);
            assertEquals(c[1], new String(buffer, 0, NumberText.write(d, buffer, 0), StandardCharsets.US_ASCII),
                    "text of " + c[0]);
        }
        double sum = 0.1 + 0.2;
        int n = NumberText.write(sum, buffer, 0);
        assertEquals("0.30000000000000004", new String(buffer, 0, n, StandardCharsets.US_ASCII),
                "text of 0.1 + 0.2");
    }

    private void checkBits(long bits) {
        double d = Double.longBitsToDouble(bits);
        if (Double.isFinite(d)) {
            check(d);
        }
    }

    // Written at an odd offset into a buffer of garbage, so a byte the writer skips is noticed, and
    // one it writes outside its MAX_LENGTH bytes.
    private void check(double d) {
        checked++;
        Arrays.fill(buffer, (byte) '#');
        int start = 7;
        int end = NumberText.write(d, buffer, start);
        String expected = NumberOutput.toString(d, true);
        if (end - start != expected.length() || end - start > NumberText.MAX_LENGTH) {
            fail(d + " (bits " + Long.toHexString(Double.doubleToRawLongBits(d)) + "): wrote "
                    + (end - start) + " bytes, expected \"" + expected + "\"");
        }
        for (int i = 0; i < expected.length(); i++) {
            if (buffer[start + i] != expected.charAt(i)) {
                fail("bits " + Long.toHexString(Double.doubleToRawLongBits(d)) + ": wrote \""
                        + new String(buffer, start, end - start, StandardCharsets.US_ASCII)
                        + "\", expected \"" + expected + "\"");
            }
        }
        if (buffer[start + NumberText.MAX_LENGTH] != '#' || buffer[start - 1] != '#') {
            fail("bits " + Long.toHexString(Double.doubleToRawLongBits(d)) + ": wrote outside its text");
        }
        if (Double.doubleToRawLongBits(Double.parseDouble(expected)) != Double.doubleToRawLongBits(d)) {
            fail("\"" + expected + "\" does not read back as bits " + Long.toHexString(Double.doubleToRawLongBits(d)));
        }
    }
}
