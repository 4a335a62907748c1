package org.sheetnet.xlsx;

/**
 * Checks an XML declaration, {@code <?xml version="1.0" encoding="…" standalone="yes|no"?>}: the
 * pseudo-attributes in that order, version first and required. (The encoding itself was already
 * read by {@link XmlCharset}, before any character.)
 */
final class XmlDeclaration {

    private static final String[] NAMES = {"version", "encoding", "standalone"};

    private XmlDeclaration() {
    }

    /**
     * What is wrong with the declaration whose pseudo-attributes are {@code buf[from, to)}.
     *
     * @return null if it is well-formed, else what is wrong, for a message
     */
    static String problem(char[] buf, int from, int to) {
        int next = 0;
        int q = from;
        while (true) {
            int s = skipSpace(buf, q, to);
            if (s == to) {
                return next == 0 ? "it has no version" : null;
            }
            if (s == q) {
                return "no space between its parts";
            }
            int nameEnd = s;
            while (nameEnd < to && XmlChars.isNameChar(buf[nameEnd])) {
                nameEnd++;
            }
            String name = new String(buf, s, nameEnd - s);
            if (next == 0 && !name.equals("version")) {
                return "it has no version";
            }
            while (next < NAMES.length && !NAMES[next].equals(name)) {
                next++;
            }
            if (next++ == NAMES.length) {
                return "it has \"" + name + "\"";
            }
            int e = skipSpace(buf, nameEnd, to);
            if (e == to || buf[e] != '=') {
                return name + " has no value";
            }
            e = skipSpace(buf, e + 1, to);
            char quote = e < to ? buf[e] : 0;
            int close = e + 1;
            while (close < to && buf[close] != quote) {
                close++;
            }
            if ((quote != '"' && quote != '\'') || close >= to) {
                return name + " has no quoted value";
            }
            String v = new String(buf, e + 1, close - e - 1);
            boolean ok = switch (name) {
                case "version" -> v.equals("1.0"); // XML 1.1 reads control characters and line ends otherwise
                case "encoding" -> v.matches("[A-Za-z][A-Za-z0-9._-]*");
                default -> v.equals("yes") || v.equals("no");
            };
            if (!ok) {
                return name + " \"" + WorkbookRels.shorten(v) + "\"" + (name.equals("version") ? " (sheetnet reads XML 1.0)" : "");
            }
            q = close + 1;
        }
    }

    private static int skipSpace(char[] buf, int p, int to) {
        while (p < to && XmlChars.isSpace(buf[p])) {
            p++;
        }
        return p;
    }
}
