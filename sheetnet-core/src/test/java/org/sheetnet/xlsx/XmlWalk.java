package org.sheetnet.xlsx;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a document the way sheetnet's part readers do, not event by event: at each start tag the
 * attributes are looked up by local name ({@link XmlPart#attribute}, {@link XmlPart#attributeNamespace}),
 * then, by a plan fixed by the tag's ordinal, the element's text is read whole ({@link XmlPart#text}, with
 * a large or a small limit), the element is skipped ({@link XmlPart#skip}), or the walk goes inside.
 * A reader may take shortcuts in these methods; the reference is the same walk over the JDK's StAX,
 * with each method's documented meaning written out over its events.
 */
final class XmlWalk {

    private static final int SMALL = 8;
    private static final int LARGE = 32_767;
    private static final String[] PROBES = {"r", "t", "missing"};

    private XmlWalk() {
    }

    /** The walk over XmlPart. */
    static XmlOutcome ofXmlPart(byte[] document) {
        int cap = XmlTrace.eventCap(document);
        return XmlTrace.readPart(document, part -> {
            List<String> lines = new ArrayList<>();
            int ordinal = 0;
            int events = 0;
            for (int e = part.next(); e != XMLStreamConstants.END_DOCUMENT; e = part.next()) {
                if (++events > cap) {
                    throw new IllegalStateException("more than " + cap + " events: the reader does not end");
                }
                if (e == XMLStreamConstants.START_ELEMENT) {
                    lines.add(startTag(part.name(), names(part), part::attribute, part::attributeNamespace));
                    switch (plan(ordinal++)) {
                        case 0 -> lines.add("text " + XmlTrace.quote(part.text(LARGE, () -> "a test's element")));
                        case 1 -> lines.add("text " + XmlTrace.quote(part.text(SMALL, () -> "a test's element")));
                        case 2 -> {
                            part.skip();
                            lines.add("skipped");
                        }
                        default -> { }
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    lines.add("</" + part.name() + ">");
                }
            }
            return lines;
        });
    }

    /** The same walk over StAX, each method's meaning written out. */
    static XmlOutcome ofStax(byte[] document) {
        return XmlTrace.readStax(document, xml -> {
            List<String> lines = new ArrayList<>();
            int ordinal = 0;
            for (int e = XmlTrace.next(xml); e != XMLStreamConstants.END_DOCUMENT; e = XmlTrace.next(xml)) {
                if (e == XMLStreamConstants.START_ELEMENT) {
                    lines.add(startTag(xml.getLocalName(), names(xml), n -> value(xml, n, false), n -> value(xml, n, true)));
                    switch (plan(ordinal++)) {
                        case 0 -> lines.add("text " + XmlTrace.quote(text(xml, LARGE)));
                        case 1 -> lines.add("text " + XmlTrace.quote(text(xml, SMALL)));
                        case 2 -> {
                            skip(xml);
                            lines.add("skipped");
                        }
                        default -> { }
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    lines.add("</" + xml.getLocalName() + ">");
                }
            }
            return lines;
        });
    }

    // 0: text with a large limit, 1: with a small one, 2: skip, else inside; mixed from the ordinal alone.
    private static int plan(int ordinal) {
        return Math.floorMod(Long.hashCode((ordinal + 1) * 0x9E3779B97F4A7C15L), 6);
    }

    // The tag, then each attribute's and each probe's lookup by local name (the first of that name wins).
    private static String startTag(String name, List<String> names, java.util.function.UnaryOperator<String> value,
            java.util.function.UnaryOperator<String> namespace) {
        StringBuilder sb = new StringBuilder("<").append(name);
        List<String> asked = new ArrayList<>(names);
        asked.addAll(List.of(PROBES));
        for (String n : asked) {
            String v = value.apply(n);
            String ns = namespace.apply(n);
            sb.append(' ').append(n).append('=').append(v == null ? "null" : XmlTrace.quote(v))
                    .append(ns == null || ns.isEmpty() ? "" : "{" + ns + "}");
        }
        return sb.append('>').toString();
    }

    private static List<String> names(XmlPart part) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < part.attributeCount(); i++) {
            names.add(part.attributeName(i));
        }
        return names;
    }

    private static List<String> names(XMLStreamReader xml) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            names.add(xml.getAttributeLocalName(i));
        }
        return names;
    }

    // The first attribute of that local name, in any namespace: its value or its namespace.
    private static String value(XMLStreamReader xml, String localName, boolean namespace) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (localName.equals(xml.getAttributeLocalName(i))) {
                return namespace ? xml.getAttributeNamespace(i) : xml.getAttributeValue(i);
            }
        }
        return null;
    }

    // The text directly inside the element, children skipped; refused past the limit or at the document's end.
    private static String text(XMLStreamReader xml, int maxChars) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int e = XmlTrace.next(xml); ; e = XmlTrace.next(xml)) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
                return sb.toString();
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw new XmlTrace.Refused("the document ends inside an element");
            } else if (depth == 0 && (e == XMLStreamConstants.CHARACTERS || e == XMLStreamConstants.CDATA
                    || e == XMLStreamConstants.SPACE)) {
                sb.append(xml.getText());
                if (sb.length() > maxChars) {
                    throw new XmlTrace.Refused("the text holds more than " + maxChars + " characters");
                }
            }
        }
    }

    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 0;
        for (int e = XmlTrace.next(xml); e != XMLStreamConstants.END_DOCUMENT; e = XmlTrace.next(xml)) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
                return;
            }
        }
    }
}
