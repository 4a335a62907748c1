package org.sheetnet.sink;

/**
 * Text as a worksheet stores it (ECMA-376 ST_Xstring): a character XML 1.0 cannot hold (control
 * characters other than tab and line feed, U+FFFE, U+FFFF, a lone surrogate) is written
 * {@code _xHHHH_}, and a literal {@code _xHHHH_} in the text has its underscore written
 * {@code _x005F_}, so that Excel and POI read back exactly the text written. A carriage return is
 * escaped too: an XML parser would turn it into a line feed.
 */
final class OoxmlText {

    private OoxmlText() {
    }

    /**
     * The text with the escapes above; the same string when it needs none.
     *
     * @param text any Java string, lone surrogates included
     */
    static String encode(String text) {
        int first = firstToEscape(text);
        if (first < 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sb.append(ch).append(text.charAt(++i));
            } else if (forbidden(ch)) {
                sb.append(String.format("_x%04X_", (int) ch));
            } else if (ch == '_' && isEscape(text, i)) {
                sb.append("_x005F_");
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static int firstToEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (forbidden(ch) || ch == '_' && isEscape(text, i)) {
                return i;
            }
        }
        return -1;
    }

    // Characters outside XML 1.0's Char production, and CR, which XML parsers normalise away.
    private static boolean forbidden(char ch) {
        return ch < 0x20 && ch != '\t' && ch != '\n' || ch == 0xFFFE || ch == 0xFFFF || Character.isSurrogate(ch);
    }

    // Whether _xHHHH_ (four hexadecimal digits) starts at i: what a reader would decode.
    private static boolean isEscape(String text, int i) {
        if (i + 7 > text.length() || text.charAt(i + 1) != 'x' || text.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(text.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
