package org.sheetnet.report;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.sheetnet.input.InputRow;
import org.sheetnet.model.Matrix;
import org.sheetnet.files.Sha256;
import org.sheetnet.sheet.CellValues;

/**
 * SHA-256 of cell values rather than file bytes, so that a block copied into another workbook hashes
 * the same, and any edited number changes the hash. Each value is tagged with its type: a number by
 * its IEEE 754 bits, text by its UTF-8 bytes and length, a blank as a blank.
 */
public final class ValueDigest {

    private final MessageDigest digest = Sha256.digest();
    private final ByteBuffer buffer = ByteBuffer.allocate(9);

    /** Adds one cell value (Double, String, Boolean, {@link CellValues.ErrorValue} or null). */
    public ValueDigest add(Object value) {
        if (value instanceof Double d) {
            return add(d.doubleValue());
        }
        if (value == null) {
            digest.update((byte) 0);
            return this;
        }
        // An error code no workbook knows is written as its text (SheetSink.value), so it is hashed as text.
        boolean error = value instanceof CellValues.ErrorValue e && e.standard();
        String string = value instanceof CellValues.ErrorValue e ? e.code() : value.toString();
        byte[] text = string.getBytes(StandardCharsets.UTF_8);
        buffer.clear();
        buffer.put((byte) (value instanceof Boolean ? 3 : error ? 4 : 2)).putInt(text.length);
        digest.update(buffer.array(), 0, 5);
        digest.update(text);
        return this;
    }

    /** Adds an input row's cells in column order, numbers by their bits without boxing them. */
    public ValueDigest addRow(InputRow row) {
        for (int c = 0; c < row.size(); c++) {
            if (row.isNumber(c)) {
                add(row.number(c));
            } else {
                add(row.value(c));
            }
        }
        return this;
    }

    /** Adds one number, by its exact bits. */
    public ValueDigest add(double value) {
        buffer.clear();
        buffer.put((byte) 1).putLong(Double.doubleToLongBits(value));
        digest.update(buffer.array(), 0, 9);
        return this;
    }

    /** The hash of a parameter block: its shape, then its values row by row. */
    public static String of(Matrix m) {
        ValueDigest d = new ValueDigest().add((double) m.rows()).add((double) m.cols());
        for (double v : m.toArray()) {
            d.add(v);
        }
        return d.hex();
    }

    /** The hash of a vector: its length, then its values. */
    public static String of(double[] v) {
        ValueDigest d = new ValueDigest().add((double) v.length);
        for (double x : v) {
            d.add(x);
        }
        return d.hex();
    }

    /** Lower-case hex of the hash so far; ends this digest. */
    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
