package org.sheetnet.xlsx;

import java.util.Arrays;

/**
 * A reusable holder of a few characters read from a part (a cell's reference, type or value), so
 * that reading a cell makes no String: a sheet has millions of cells.
 */
final class CharSlice {

    private char[] chars = new char[32];
    private int length;

    /** The characters; valid up to {@link #length()}. */
    char[] chars() {
        return chars;
    }

    /** Number of characters held. */
    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    void append(char[] from, int start, int count) {
        if (length + count > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + count));
        }
        System.arraycopy(from, start, chars, length, count);
        length += count;
    }

    void append(String s) {
        if (length + s.length() > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + s.length()));
        }
        s.getChars(0, s.length(), chars, length);
        length += s.length();
    }

    /** Whether it holds exactly that text. */
    boolean is(String s) {
        if (length != s.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (chars[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether it holds only characters up to the space (the XML parser's trimming), or nothing. */
    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            if (chars[i] > ' ') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
