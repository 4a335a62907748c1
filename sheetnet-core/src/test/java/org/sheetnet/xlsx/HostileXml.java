package org.sheetnet.xlsx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Malformed and hostile XML: a hand list of documents XML 1.0 and its namespaces refuse, a hand
 * list of odd documents they accept, and seeded mutations of well-formed documents (a snippet put
 * in, a run cut out or repeated, characters swapped or replaced) and truncations.
 */
final class HostileXml {

    /** Documents every conforming parser refuses, one rule broken in each. */
    static final List<String> REFUSED = List.of(
            "", "   ", "<?xml version=\"1.0\"?>", "<!-- only -->", "<a", "<a x=\"1\"", "</a>", "<a>", "<a></a></a>",
            "<a></b>", "<a><b></a></b>", "<a></a x=\"1\">", "<a/><b/>", "<a/>junk", "<a/>&amp;", "<a/>]]>", "text<a/>",
            "&#32;<a/>", "<a/><![CDATA[x]]>", "<a x=\"1\" x=\"2\"/>", "<a x=\"1\" x='1'/>",
            "<a xmlns:p=\"u\" xmlns:q=\"u\" p:x=\"1\" q:x=\"2\"/>", "<a xmlns=\"u\" xmlns=\"v\"/>",
            "<a xmlns:p=\"u\" xmlns:p=\"v\"/>", "<p:a/>", "<a p:x=\"1\"/>", "<a><p:b xmlns:q=\"u\"/></a>",
            "<a xmlns:p=\"u\"></a><p:b/>", "<a xmlns:p=\"\"/>", "<a xmlns:xmlns=\"u\"/>", "<a xmlns:xml=\"u\"/>",
            "<a xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/>", "<xmlns:a/>", "<a:b:c xmlns:a=\"u\"/>",
            "<a x:=\"1\"/>", "<a x=\"<\"/>", "<a x=\"&\"/>", "<a x=\"a & b\"/>", "<a x=\"&amp\"/>",
            "<a>&foo;</a>", "<a x=\"&foo;\"/>", "<a>&#0;</a>", "<a>&#xD800;</a>", "<a>&#xDFFF;</a>", "<a>&#x110000;</a>",
            "<a>&#xFFFE;</a>", "<a>&#xFFFF;</a>", "<a>&#1;</a>", "<a x=\"&#1;\"/>", "<a>&#;</a>", "<a>&#x;</a>",
            "<a>&#12a;</a>", "<a>&#xG;</a>", "<a>&amp</a>", "<a>&</a>", "<a>& amp;</a>", "<a>&#99999999999;</a>",
            "<a>\u0001</a>", "<a>\u0002</a>", "<a>\u0003</a>", "<a>\u0004</a>", "<a>\u0005</a>", "<a>\u0006</a>",
            "<a>\u0007</a>", "<a>\b</a>", "<a>\u000B</a>", "<a>\f</a>", "<a>\u001F</a>", "<a>\uFFFE</a>", "<a>\uFFFF</a>",
            "<a x=\"\u0001\"/>", "<a x=\"\b\"/>", "<a><!--\u0001--></a>", "<a><![CDATA[\u0002]]></a>", "<a><?pi \u0003?></a>",
            "<a\u0001/>", "<a>]]></a>", "<a>x]]>y</a>", "<a x=\"]]>\"><!-- a -- b --></a>", "<a><!-- a -- b --></a>",
            "<a><!-- a ---></a>", "<a><!----></a><!-- a -- -->", "<a><!- a --></a>", "<a><!-- a --</a>",
            "<a x=1/>", "<a x=\"1/>", "<a x='1\"/>", "<a x/>", "<a x=/>", "<a x==\"1\"/>", "<a b=\"1\"c=\"2\"/>",
            "<1a/>", "<-a/>", "<.a/>", "<a 1x=\"1\"/>", "<a -x=\"1\"/>", "< a/>", "<a/ >", "</ a>", "<a></ a>", "<a>< b/></a>",
            " <?xml version=\"1.0\"?><a/>", "\n<?xml version=\"1.0\"?><a/>", "<!-- c --><?xml version=\"1.0\"?><a/>",
            "<a/><?xml version=\"1.0\"?>", "<a><?xml version=\"1.0\"?></a>", "<a><?XML x?></a>", "<a><?xMl x?></a>",
            "<?xml version=\"1.0\"?><?xml version=\"1.0\"?><a/>", "<?xml version=\"2.0\"?><a/>", "<?xml encoding=\"UTF-8\"?><a/>",
            "<?xml version=\"1.0\" standalone=\"maybe\"?><a/>", "<?xml version=\"1.0\" standalone=\"yes\" encoding=\"UTF-8\"?><a/>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"standalone=\"yes\"?><a/>", "<?xml version=\"1.0\" foo=\"x\"?><a/>",
            "<?xml version=\"1.0\" encoding=\"no-such-charset\"?><a/>", "<?xml version=1.0?><a/>", "<?xml?><a/>",
            "<?xml version=\"1.0\"><a/>", "<??><a/>", "<? pi?><a/>", "<a><?pi x</a>",
            "<!DOCTYPE a><a/>", "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", "<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>",
            "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY % p SYSTEM \"http://x/\"> %p;]><a/>", "<a><!DOCTYPE a></a>",
            "<!doctype a><a/>", "<!ELEMENT a ANY><a/>", "<a><!ENTITY e \"x\"></a>", "<a><![CDATA[x</a>", "<a><![cdata[x]]></a>",
            "<a><![CDATA [x]]></a>", "<a>\u0000</a>", "<a\u0000/>",
            // Not XML's rules but the JDK's (jdk.xml.maxXMLNameLimit, jdk.xml.elementAttributeLimit): StAX refuses
            // a name longer than 1,000 characters and more than 10,000 attributes on an element.
            "<" + "é".repeat(1001) + "/>", "<a " + "b".repeat(1001) + "='1'/>", "<a xmlns:" + "b".repeat(1001) + "='u'/>",
            "<a><?" + "b".repeat(1001) + "?></a>", "<a" + attributes(10_001) + "/>");

    /** Odd documents that are well-formed all the same: the reader must read them as StAX does. */
    static final List<String> ACCEPTED = List.of(
            "<a/>", "<a></a>", "<a >x</a\n>", "<a\r\nx\r\n=\r\n'1'\r\n/>", "<a x=\"\t\r\n\r&#9;&#13;&#10;\"/>",
            "<a>\r\n\r\r\n\n&#13;&#xD;\r&#10;</a>", "<a>]]</a>", "<a>]</a>", "<a>]]]</a>", "<a>&gt;]]&gt;</a>",
            "<a><![CDATA[]]]]><![CDATA[>]]></a>", "<a><![CDATA[]]></a>", "<a><![CDATA[<&\r\n\r]]></a>",
            "<a x=\">'&quot;\" y='\"&apos;'/>", "<a>&#x1F600;&#128512;😀&#xFFFD;&#x10FFFF;</a>", "<a>&#0000065;&#x00041;</a>",
            "<a xml:space=\"preserve\" xml:lang=\"en\"/>", "<a xmlns:p=\"u\"><p:b p:x=\"1\" x=\"2\"/></a>",
            "<a xmlns=\"u\" x=\"1\"><b xmlns=\"\" y=\"2\"/></a>", "<p:a xmlns:p=\"u\"><p:b xmlns:p=\"v\" p:x=\"1\"/></p:a>",
            "<a xmlns:p=\"u\" xmlns:q=\"v\" p:x=\"1\" q:x=\"2\" x=\"3\"/>", "<a xmlns:p=\"urn:x\" xmlns:q=\"urn:x \" p:x=\"1\" q:x=\"2\"/>",
            "<a xmlns:xml=\"http://www.w3.org/XML/1998/namespace\"/>", "<a><!----><!-- - --><?pi?><?pi ?></a>",
            "<?xml version=\"1.0\"?>\r\n<!-- c -->\r\n<?pi x?>\r\n<a/>\r\n<!-- c -->\r\n<?pi?>\r\n", "\r\n\t <a/>",
            "<?xml version='1.0' encoding='UTF-8' standalone='no' ?><a/>", "<?xml version=\"1.0\"   ?><a/>",
            "<?xml version=\"1.1\"?><a>&#1;\u0085\u2028</a>", "<?xml version=\"1.1\"?><a x=\"\r\u0085\u2028\"/>",
            "<?xml version=\"1.0\"?><a>\u0085\u2028\u0080\u009F</a>", "<a>\uFEFF</a>", "<é données=\"ü\"><名前>中文</名前></é>",
            "<a\u00B7/>", "<_/>", "<a-.0/>", "<a x=\"1\"></a  >", "<a b:c=\"1\" xmlns:b=\"u\"/>",
            "<a><?xml-stylesheet href=\"x\"?></a>", "<a>a&amp;b&lt;c&gt;d&apos;e&quot;f</a>",
            // Not namespace-well-formed, but the JDK's StAX reads a name that starts with a colon.
            "<:a/>", "<a :x=\"1\"/>",
            // Comments that start with ">" or "->": "<!-->" does not end a comment.
            "<a><!--><!x--></a>", "<a><!--->y<!z--></a>", "<a><!-->--></a>",
            // As long and as many as the JDK allows.
            "<" + "é".repeat(1000) + "/>", "<p:" + "a".repeat(1000) + " xmlns:p='u'/>", "<a" + attributes(10_000) + "/>");

    /** Byte sequences no encoding check may let through, and encodings declared, marked and mixed. */
    static final List<byte[]> BYTES = List.of(
            bytes("<a>", 0xC3, "</a>"), bytes("<a>", 0xC0, 0xAF, "</a>"), bytes("<a>", 0xED, 0xA0, 0x80, "</a>"),
            bytes("<a>", 0xF4, 0x90, 0x80, 0x80, "</a>"), bytes("<a>", 0xFF, "</a>"), bytes("<a>", 0x80, "</a>"),
            bytes("<a>", 0xE4, 0xB8, "</a>"), bytes("<a x='", 0xC3, "'/>"), bytes("<", 0xC3, 0xA9, 0xC3, "/>"),
            bytes("<a>", 0xEF, 0xBF, 0xBE, "</a>"), bytes("<a>", 0xF0, 0x9F, 0x98, 0x80, "</a>"), bytes("<a>", 0, "</a>"),
            bytes(0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, "<a/>"), bytes(0xEF, 0xBB, "<a/>"), bytes(0xFF, 0xFE, "<a/>"),
            bytes(0xFE, 0xFF, "<a/>"), bytes(0xFF, 0xFE, '<', 0, 'a', 0, '/', 0, '>'),
            bytes(0xFF, 0xFE, '<', 0, 'a', 0, '>', 0, 0x00, 0xD8, '<', 0, '/', 0, 'a', 0, '>', 0),
            bytes(0xFF, 0xFE, '<', 0, 'a', 0, '>', 0, 0x00, 0xDC, '<', 0, '/', 0, 'a', 0, '>', 0),
            bytes(0xFE, 0xFF, 0, '<', 0, 'a', 0, '>', 0x21, 0x3C, 0, 'b', 0, '<', 0, '/', 0, 'a', 0, '>'),
            bytes(0xFF, 0xFE, '<', 0, 'a', 0, '>', 0, 0x3C, 0x21, 'b', 0, '<', 0, '/', 0, 'a', 0, '>', 0),
            bytes(0xFF, 0xFE, '<', 0, 'a', 0, '>', 0, 0x3C, 0x3E, '<', 0, '/', 0, 'a', 0, '>', 0),
            bytes(0, '<', 0, '?', 0, 'x', 0, 'm', 0, 'l', 0, ' ', 0, 'v', 0, 'e', 0, 'r', 0, 's', 0, 'i', 0, 'o', 0, 'n', 0,
                    '=', 0, '\'', 0, '1', 0, '.', 0, '0', 0, '\'', 0, '?', 0, '>', 0, '<', 0, 'a', 0, '/', 0, '>'),
            bytes(0, 0, 0xFE, 0xFF, 0, 0, 0, '<', 0, 0, 0, 'a', 0, 0, 0, '/', 0, 0, 0, '>'),
            bytes(0xEF, 0xBB, 0xBF, "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>"),
            bytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>", 0xE9, "</a>"),
            bytes("<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a>", 0xE9, "</a>"),
            bytes("<?xml version=\"1.0\" encoding=\"US-ASCII\"?><a>e</a>"),
            bytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?><a>", 0x80, "</a>"),
            bytes("<?xml version=\"1.0\" encoding=\"UTF-16LE\"?><a/>"),
            bytes('<', 0, '?', 0, 'x', 0, 'm', 0, 'l', 0, ' ', 0, 'v', 0, 'e', 0, 'r', 0, 's', 0, 'i', 0, 'o', 0, 'n', 0,
                    '=', 0, '\'', 0, '1', 0, '.', 0, '0', 0, '\'', 0, '?', 0, '>', 0, '<', 0, 'a', 0, '/', 0, '>'));

    private static final String[] SNIPPETS = {
        "<", ">", "&", "&foo;", "&#0;", "&#xD800;", "&#x110000;", "\u0001", "\u0008", "\u001F", "\uFFFE", "]]>", "--",
        "\"", "'", "=", "<a>", "</a>", "</b>", "<b/>", "<!DOCTYPE r>", "<?xml version=\"1.0\"?>", "1", " x", " x=\"1\"",
        " xmlns:p=\"\"", " xmlns:p=\"u\"", " p:x=\"1\"", "<p:a/>", "<!--", "-->", "<![CDATA[", "?>", "/>", ":", "&#x1F600",
        "&#", "&amp", "\u00A0", "\u2028", "\r", "\t", " ", "<?", "<!", "\uD83D", "&lt", "xml", "a:b:",
    };

    private final Random random;

    HostileXml(long seed) {
        this.random = new Random(seed);
    }

    /** One mutation of a document, named. */
    record Mutant(XmlDoc doc, String how) {
    }

    /** A seeded mutation of the document: a snippet inserted, a run cut out or repeated, characters changed. */
    Mutant mutate(XmlDoc doc) {
        String s = doc.text();
        int at = random.nextInt(s.length() + 1);
        int to = Math.min(s.length(), at + 1 + random.nextInt(8));
        return switch (random.nextInt(6)) {
            case 0, 1 -> {
                String snippet = SNIPPETS[random.nextInt(SNIPPETS.length)];
                yield new Mutant(doc.with(s.substring(0, at) + snippet + s.substring(at)), "insert " + XmlTrace.quote(snippet));
            }
            case 2 -> new Mutant(doc.with(s.substring(0, at) + s.substring(to)), "cut " + at + ".." + to);
            case 3 -> new Mutant(doc.with(s.substring(0, to) + s.substring(at, to) + s.substring(to)), "repeat " + at + ".." + to);
            case 4 -> new Mutant(doc.with(swap(s, Math.min(at, Math.max(0, s.length() - 2)))), "swap at " + at);
            default -> {
                String c = Character.toString(random.nextInt(8) == 0 ? random.nextInt(0x20) : random.nextInt(0x3000));
                String replaced = at < s.length() ? s.substring(0, at) + c + s.substring(at + 1) : s + c;
                yield new Mutant(doc.with(replaced), "replace at " + at + " by " + XmlTrace.quote(c));
            }
        };
    }

    /** The document's bytes cut after every {@code step}-th byte (the whole document excluded). */
    static List<byte[]> truncations(byte[] document, int step) {
        List<byte[]> cut = new ArrayList<>();
        for (int n = step; n < document.length; n += step) {
            cut.add(Arrays.copyOf(document, n));
        }
        return cut;
    }

    private static String attributes(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(" a").append(i).append("=''");
        }
        return sb.toString();
    }

    // Strings as UTF-8, numbers as single bytes.
    private static byte[] bytes(Object... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.writeBytes(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (p instanceof Character c) {
                out.write(c);
            } else {
                out.write((Integer) p);
            }
        }
        return out.toByteArray();
    }

    private static String swap(String s, int i) {
        if (s.length() < 2) {
            return s;
        }
        char[] c = s.toCharArray();
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
    }
}
