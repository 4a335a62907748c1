package org.sheetnet.format.onnx;

/** IEEE 754 half precision (float16) to and from double; every half value is exactly a double. */
final class Half {

    private Half() {
    }

    /** The value of the 16 low bits of {@code bits} read as a half-precision number. */
    static double toDouble(int bits) {
        int sign = (bits & 0x8000) != 0 ? -1 : 1;
        int exponent = (bits >> 10) & 0x1f;
        int fraction = bits & 0x3ff;
        if (exponent == 0x1f) {
            return fraction == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (exponent == 0) {
            return sign * Math.scalb((double) fraction, -24); // subnormal: fraction · 2^−24
        }
        return sign * Math.scalb(1024.0 + fraction, exponent - 25); // (1 + f/1024) · 2^(e−15)
    }

    /** The half-precision number nearest to {@code v} (ties to even), as 16 bits. */
    static int fromDouble(double v) {
        int sign = (Double.doubleToRawLongBits(v) < 0) ? 0x8000 : 0;
        double a = Math.abs(v);
        if (Double.isNaN(v)) {
            return 0x7e00;
        }
        if (a >= 65520) { // halfway between 65504, the largest half, and 65536 rounds to infinity (to even)
            return sign | 0x7c00;
        }
        if (a < 0x1p-14) { // subnormal: a multiple of 2^−24; 1024·2^−24 rounds up into the smallest normal
            return sign | (int) Math.rint(a * 0x1p24);
        }
        int e = Math.getExponent(a);
        int f = (int) Math.rint((Math.scalb(a, -e) - 1) * 1024); // exact until rint, which ties to even
        if (f == 1024) {
            e++;
            f = 0;
        }
        return e > 15 ? sign | 0x7c00 : sign | ((e + 15) << 10) | f;
    }
}
