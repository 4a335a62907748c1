package org.sheetnet.xlsx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates well-formed XML documents from a seed: nested elements with and without prefixes,
 * default and prefixed namespace declarations (redeclared in children), attributes in either quote
 * holding entity and character references, tabs and line ends (which XML turns into spaces), text
 * with line ends (CR LF and a lone CR become LF), CDATA, comments, processing instructions, empty
 * elements, whitespace wherever XML allows it, non-ASCII names and text, now and then a text,
 * attribute, comment or CDATA section longer than 64 KiB or an element name of nearly 1,000 characters
 * (the JDK's limit), in UTF-8 (with or without a byte order
 * mark and declaration) or UTF-16 with a mark. A quarter of the documents are shaped like a worksheet.
 */
final class WellFormedXml {

    private static final String[] NAMES = {
        "a", "b", "row", "c", "v", "si", "t", "r", "x1", "a-b", "a.b", "_u", "é", "données", "名前", "Ωμέγα", "ab·c",
        "ü", "Ärger", "данные", "표", "A_0",
    };
    private static final String[] PREFIXES = {"p", "q", "x", "ns1", "ü", "名"};
    private static final String[] URIS = {
        "http://schemas.openxmlformats.org/spreadsheetml/2006/main", "urn:x", "urn:y", "http://example.com/ü?a=1&b",
        "relative", "urn:x ",
    };
    private static final String[] SPACES = {" ", " ", " ", "  ", "\t", "\n", "\r\n", " \r ", "\r"};
    private static final String[] REFERENCES = {
        "&lt;", "&gt;", "&amp;", "&apos;", "&quot;", "&#65;", "&#x41;", "&#x1F600;", "&#128512;", "&#9;", "&#10;",
        "&#13;", "&#xD;", "&#x85;", "&#x2028;", "&#0065;", "&#x000041;", "&#xE9;", "&#xFFFD;", "&#x10FFFF;",
    };
    private static final String[] LITERALS = {
        "x", "hello world", "1.5", "-3e10", " ", "  ", "\t", "\r\n", "\r", "\n", "\r\r\n", "\n\r", ">", "]", "]]", "'",
        "\"", "é", "ß", "中文", "😀", "\u0085", "\u2028", "\uFEFF", "\uFFFD", "𝄞", "a=b", "?", "/", "--", "-", "=",
    };

    private final Random random;
    private final StringBuilder out = new StringBuilder();
    private final List<Map<String, String>> scopes = new ArrayList<>();
    private boolean utf16;
    private int longLeft;

    WellFormedXml(long seed) {
        this.random = new Random(seed);
    }

    /** The next document. */
    XmlDoc next() {
        XmlDoc.Encoding encoding = XmlDoc.Encoding.values()[random.nextInt(8) < 5 ? random.nextInt(2) : 2 + random.nextInt(2)];
        utf16 = encoding.utf16();
        longLeft = chance(80) ? 1 : 0; // a long item costs as much as a hundred documents
        out.setLength(0);
        scopes.clear();
        scopes.add(Map.of("xml", "http://www.w3.org/XML/1998/namespace"));
        declaration();
        misc();
        if (chance(4)) {
            sheet();
        } else {
            element(0);
        }
        misc();
        return new XmlDoc(out.toString(), encoding);
    }

    private void declaration() {
        if (chance(4)) {
            return; // none; then whitespace may come first
        }
        String encoding = utf16 ? pick("", " encoding=\"UTF-16\"", " encoding='utf-16'")
                : pick("", " encoding=\"UTF-8\"", " encoding='utf-8'", " encoding=\"UTF-8\" standalone=\"yes\"");
        out.append("<?xml version=").append(pick("\"1.0\"", "'1.0'")).append(encoding).append(pick("", " ", "\n"))
                .append("?>");
    }

    private void misc() {
        for (int n = random.nextInt(4); n > 0; n--) {
            switch (random.nextInt(3)) {
                case 0 -> out.append(pick(" ", "\n", "\r\n", "\t", "\r"));
                case 1 -> comment();
                default -> instruction();
            }
        }
    }

    private void element(int depth) {
        Map<String, String> scope = new HashMap<>(scopes.get(scopes.size() - 1));
        List<String> items = new ArrayList<>();
        declareNamespaces(depth, scope, items);
        String name = qualified(scope, isLong() ? pick(NAMES) + "é-".repeat(490) : pick(NAMES), true);
        attributes(scope, items);
        java.util.Collections.shuffle(items, random);
        out.append('<').append(name);
        for (String item : items) {
            out.append(pick(SPACES)).append(item);
        }
        out.append(chance(4) ? pick(SPACES) : "");
        if (chance(5)) {
            out.append("/>");
            return;
        }
        out.append('>');
        scopes.add(scope);
        content(depth);
        scopes.remove(scopes.size() - 1);
        out.append("</").append(name).append(chance(6) ? pick(SPACES) : "").append('>');
    }

    private void declareNamespaces(int depth, Map<String, String> scope, List<String> items) {
        if (chance(4)) {
            String uri = depth > 0 && chance(3) ? "" : pick(URIS); // xmlns="" undeclares the default in a child
            scope.put("", uri);
            items.add("xmlns=" + quoted(escapeAttribute(uri.replace("&", "&amp;"), '"'), '"'));
        }
        for (int n = chance(3) ? 1 + random.nextInt(2) : 0; n > 0; n--) {
            String prefix = pick(PREFIXES);
            if (items.stream().noneMatch(i -> i.startsWith("xmlns:" + prefix + "="))) {
                String uri = pick(URIS);
                scope.put(prefix, uri);
                items.add("xmlns:" + prefix + "=" + quoted(escapeAttribute(uri.replace("&", "&amp;"), '\''), '\''));
            }
        }
    }

    // A name with a prefix bound in scope (or none); attributes may also use "xml".
    private String qualified(Map<String, String> scope, String local, boolean element) {
        List<String> bound = new ArrayList<>();
        scope.forEach((p, uri) -> {
            if (!p.isEmpty() && (!element || !p.equals("xml"))) {
                bound.add(p);
            }
        });
        bound.sort(null);
        return bound.isEmpty() || chance(2) ? local : bound.get(random.nextInt(bound.size())) + ":" + local;
    }

    private void attributes(Map<String, String> scope, List<String> items) {
        Set<String> expanded = new HashSet<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            String name = qualified(scope, pick(NAMES), false);
            int colon = name.indexOf(':');
            String uri = colon < 0 ? "" : scope.get(name.substring(0, colon));
            if (expanded.add(uri + " " + name.substring(colon + 1))) {
                char quote = chance(2) ? '"' : '\'';
                String eq = pick("=", "=", " = ", "\t=\n");
                items.add(name + eq + quoted(escapeAttribute(value(isLong() ? 70_000 : 6), quote), quote));
            }
        }
    }

    private void content(int depth) {
        for (int n = depth == 0 ? 3 + random.nextInt(12) : random.nextInt(depth < 5 ? 6 : 3); n > 0; n--) {
            switch (random.nextInt(depth < 5 ? 9 : 6)) {
                case 0, 1 -> appendText(text(isLong() ? 70_000 + random.nextInt(100_000) : 1 + random.nextInt(8)));
                case 2 -> cdata();
                case 3 -> comment();
                case 4 -> instruction();
                case 5 -> out.append(pick(SPACES));
                default -> element(depth + 1);
            }
        }
    }

    // The shape the reader meets most: rows of cells, numbers, shared and inline strings, formulas.
    private void sheet() {
        out.append("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r="
                + "\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheetData>");
        for (int row = 1 + random.nextInt(3), rows = row + random.nextInt(20); row < rows; row++) {
            out.append("<row r=\"").append(row).append(chance(3) ? "\" spans=\"1:5\">" : "\">");
            for (int col = 0, cols = random.nextInt(8); col < cols; col++) {
                cell((char) ('A' + col) + Integer.toString(row));
            }
            out.append("</row>");
        }
        out.append("</sheetData></worksheet>");
    }

    private void cell(String ref) {
        out.append("<c r=\"").append(ref).append('"');
        switch (random.nextInt(5)) {
            case 0 -> out.append("><v>").append(number()).append("</v></c>");
            case 1 -> out.append(" t=\"s\"><v>").append(random.nextInt(100)).append("</v></c>");
            case 2 -> out.append(" t=\"inlineStr\"><is><t xml:space=\"preserve\">").append(text(1 + random.nextInt(6)))
                    .append("</t></is></c>");
            case 3 -> out.append(" s=\"1\"/>");
            default -> out.append("><f>SUM(A1:B2)&amp;\"x\"&lt;&gt;1</f><v>").append(number()).append("</v></c>");
        }
    }

    private String number() {
        return switch (random.nextInt(4)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            case 2 -> pick("0", "-0", "1E-3", "1.7976931348623157E308", "4.9E-324", " 1 ");
            default -> Double.toString(random.nextDouble());
        };
    }

    // Two texts in a row must not make "]]>" where they meet: the second then starts with a reference.
    private void appendText(String text) {
        boolean meets = out.length() > 0 && out.charAt(out.length() - 1) == ']';
        if (meets && text.startsWith("]")) {
            out.append("&#93;").append(text, 1, text.length());
        } else if (meets && text.startsWith(">")) {
            out.append("&gt;").append(text, 1, text.length());
        } else {
            out.append(text);
        }
    }

    private String text(int pieces) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < pieces) {
            sb.append(piece());
        }
        return sb.toString().replace("]]>", "]]&gt;"); // the one sequence text may not hold
    }

    // Text pieces: references, literals and now and then any character XML allows.
    private String piece() {
        return switch (random.nextInt(5)) {
            case 0 -> pick(REFERENCES);
            case 1 -> anyCharacter();
            default -> pick(LITERALS);
        };
    }

    private String value(int pieces) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < pieces) {
            sb.append(piece());
        }
        return sb.toString();
    }

    private String anyCharacter() {
        int c = random.nextInt(10) == 0 ? 0x10000 + random.nextInt(0x100000)
                : random.nextBoolean() ? 0x20 + random.nextInt(0xD7FF - 0x20) : 0xE000 + random.nextInt(0xFFFE - 0xE000);
        return c == '<' || c == '&' ? "." : Character.toString(c);
    }

    private void cdata() {
        String body = value(isLong() ? 70_000 : random.nextInt(6)).replace("]]>", "]] >");
        out.append("<![CDATA[").append(body).append("]]>");
    }

    private void comment() {
        String body = value(isLong() ? 70_000 : random.nextInt(4));
        while (body.contains("--")) {
            body = body.replace("--", "- -");
        }
        out.append("<!--").append(body).append(body.endsWith("-") ? " " : "").append("-->");
    }

    private void instruction() {
        String target = pick("pi", "xml-stylesheet", "mso-application", "x", "é");
        String body = chance(3) ? "" : pick(SPACES) + value(random.nextInt(5)).replace("?>", "? >");
        out.append("<?").append(target).append(body).append("?>");
    }

    // Entity references stay (a raw '&' occurs only in them); '<' and the quote are escaped.
    private static String escapeAttribute(String value, char quote) {
        String v = value.replace("<", "&lt;");
        return quote == '"' ? v.replace("\"", "&quot;") : v.replace("'", "&apos;");
    }

    private static String quoted(String value, char quote) {
        return quote + value + quote;
    }

    // Longer than 64 KiB (across any buffer of a reader), or a name as long as the JDK allows; one in a document.
    private boolean isLong() {
        if (longLeft > 0 && chance(3)) {
            longLeft--;
            return true;
        }
        return false;
    }

    private boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
