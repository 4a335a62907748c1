package org.sheetnet.xlsx;

/** The character classes of XML 1.0 (fifth edition) that {@link XmlScanner} needs. */
final class XmlChars {

    private XmlChars() {
    }

    /** Whether a code point may appear in a document at all (production Char). */
    static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    /**
     * Whether a UTF-16 unit is never allowed: a control character other than tab and the line ends,
     * or U+FFFE/U+FFFF. (Surrogates come in pairs: the strict decoder in front refuses a lone one.)
     */
    static boolean isForbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c >= 0xFFFE;
    }

    /** XML's white space (production S). */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    /** NameStartChar; surrogates stand for the planes above U+FFFF, which are allowed. */
    static boolean isNameStart(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        }
        return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
                || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
                || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xDFFF)
                || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD);
    }

    /** NameChar. */
    static boolean isNameChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':'
                    || c == '-' || c == '.';
        }
        return isNameStart(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
    }

    /**
     * The code point a reference stands for, from the characters between {@code &} and {@code ;}:
     * one of XML's five predefined entities or a character reference to an XML character.
     *
     * @return the code point, or −1 if it is none of these (any other entity needs a DTD, which sheetnet never reads)
     */
    static int reference(char[] buf, int from, int to) {
        int n = to - from;
        if (n >= 2 && buf[from] == '#') {
            boolean hex = buf[from + 1] == 'x';
            int radix = hex ? 16 : 10;
            int i = hex ? from + 2 : from + 1;
            if (i == to) {
                return -1;
            }
            int cp = 0;
            for (; i < to; i++) {
                int d = buf[i] > 'f' ? -1 : Character.digit(buf[i], radix);
                if (d < 0) {
                    return -1;
                }
                cp = cp * radix + d;
                if (cp > 0x10FFFF) {
                    return -1;
                }
            }
            return isXmlChar(cp) ? cp : -1;
        }
        if (n == 2 && buf[from + 1] == 't' && (buf[from] == 'l' || buf[from] == 'g')) {
            return buf[from] == 'l' ? '<' : '>';
        }
        return switch (new String(buf, from, n)) {
            case "amp" -> '&';
            case "apos" -> '\'';
            case "quot" -> '"';
            default -> -1;
        };
    }
}
