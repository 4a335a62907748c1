package org.sheetnet.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberTextTest {

    @Test
    void everyDoubleReadsBackBitForBitAndReadsLikeDoubleToString() {
        Random random = new Random(5);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            1.0, 0.1, 0.3, 0.1 + 0.2, 1e-4, 1e7, 1e21, 123456789.0, 2.0 / 3, Math.PI, -1e-300};
        for (double d : special) {
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(Double.parseDouble(NumberText.of(d))),
                    "round trip of " + d);
            assertEquals(Double.toString(d), NumberText.of(d), "same text as Double.toString for " + d);
        }
        for (int i = 0; i < 200_000; i++) {
            // Random bit patterns cover every exponent, subnormals included.
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(Double.parseDouble(NumberText.of(d))),
                        "round trip of bits " + Long.toHexString(Double.doubleToRawLongBits(d)));
            }
        }
    }
}
