package org.sheetnet.xlsx;

import javax.xml.stream.XMLStreamConstants;

/**
 * The text of a shared string ({@code <si>}) or an inline string ({@code <is>}): its {@code <t>}
 * elements, directly or in rich-text runs ({@code <r>}), without the phonetic guide ({@code <rPh>},
 * furigana shown above Japanese text, which is not part of the cell's value), with OOXML's
 * {@code _xHHHH_} escapes decoded as Excel does.
 */
final class RichText {

    /** Most characters of one string; Excel's own cell limit is 32,767. */
    static final int MAX_CHARS = 1 << 20;

    private RichText() {
    }

    /** Reads from just after the {@code <si>} or {@code <is>} start tag to its end tag. */
    static String read(XmlPart p) {
        StringBuilder sb = new StringBuilder();
        readChildren(p, sb, true);
        return decode(sb);
    }

    // The text of <t> children, and of <t> in <r> runs at the top level; everything else is skipped whole.
    private static void readChildren(XmlPart p, StringBuilder sb, boolean top) {
        for (int e = p.next(); ; e = p.next()) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                if ("t".equals(p.name())) {
                    sb.append(p.text(MAX_CHARS - sb.length(), () -> "a string"));
                } else if (top && "r".equals(p.name())) {
                    readChildren(p, sb, false);
                } else {
                    p.skip();
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                return;
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw XlsxErrors.damaged(p.file(), p.part(), "it ends inside a string");
            }
        }
    }

    /**
     * Decodes {@code _xHHHH_} (four hex digits) into the character it codes, as Excel does: this is
     * how OOXML stores control characters, and {@code _x005F_} an underscore that would otherwise
     * start an escape.
     */
    static String decode(CharSequence s) {
        int at = indexOf(s, 0);
        if (at < 0) {
            return s.toString();
        }
        StringBuilder out = new StringBuilder(s.length());
        int from = 0;
        for (; at >= 0; at = indexOf(s, from)) {
            out.append(s, from, at).append((char) Integer.parseInt(s.subSequence(at + 2, at + 6).toString(), 16));
            from = at + 7;
        }
        return out.append(s, from, s.length()).toString();
    }

    private static int indexOf(CharSequence s, int from) {
        for (int i = from; i + 7 <= s.length(); i++) {
            if (s.charAt(i) == '_' && s.charAt(i + 1) == 'x' && s.charAt(i + 6) == '_' && hex(s, i + 2)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hex(CharSequence s, int at) {
        for (int i = at; i < at + 4; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
