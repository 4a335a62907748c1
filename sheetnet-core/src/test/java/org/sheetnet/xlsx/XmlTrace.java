package org.sheetnet.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sheetnet.SheetnetException;

/**
 * What a reader makes of one XML document, as a list of lines: {@code <name {ns}attr="value" …>},
 * {@code </name>} and {@code "text"}. Comments and processing instructions are dropped, adjacent text
 * events (characters, CDATA, ignorable space) are joined, and text outside the root element (only
 * whitespace in a well-formed document) is dropped: two readers may split text differently, and
 * report the prolog's whitespace or not, without reading anything differently.
 *
 * <p>Two readers are traced: {@link XmlPart}, opened the way {@link XlsxPackage} opens it (the
 * part inflated from a zip entry, counted and checked by {@link EntryStream}), and the JDK's own StAX
 * parser on the same bytes, namespace-aware, with DTDs and external entities off: the reference.
 */
final class XmlTrace {

    static final String FILE = "diff.xlsx";
    static final String PART = "xl/worksheets/sheet1.xml";

    private static final XMLInputFactory REFERENCE = referenceFactory();
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private XmlTrace() {
    }

    /** Reads the bytes as sheetnet reads a part: XmlPart over an inflated zip entry, then {@link XmlPart#finish()}. */
    static XmlOutcome ofXmlPart(byte[] document) {
        return readPart(document, part -> events(part, eventCap(document)));
    }

    /** Reads the bytes with the JDK's StAX parser directly: the reference. */
    static XmlOutcome ofStax(byte[] document) {
        return readStax(document, XmlTrace::events);
    }

    /** How a reference reading turns StAX's events into lines. */
    interface StaxReading {
        List<String> read(XMLStreamReader xml) throws XMLStreamException;
    }

    /** A refusal by a reference reading: a DOCTYPE, or what sheetnet's rules refuse. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Opens the document as XmlPart, reads it, then finishes it; a SheetnetException of one line naming the
     * part is a refusal, anything else thrown is a foreign refusal.
     */
    static XmlOutcome readPart(byte[] document, java.util.function.Function<XmlPart, List<String>> reading) {
        try (XmlPart part = open(document)) {
            List<String> lines = reading.apply(part);
            part.finish();
            return XmlOutcome.read(lines);
        } catch (SheetnetException e) {
            String m = String.valueOf(e.getMessage());
            boolean oneLine = !m.contains("\n") && !m.contains("\r") && m.startsWith(FILE + ": " + PART);
            return XmlOutcome.refused(m, !oneLine);
        } catch (Throwable t) { // any other throwable, an Error included, is what the test looks for
            return XmlOutcome.refused(t.getClass().getName() + ": " + t.getMessage(), true);
        }
    }

    /** Reads the document with the reference StAX parser; a DTD event is a refusal. */
    static XmlOutcome readStax(byte[] document, StaxReading reading) {
        // The JDK's parser prints "[Fatal Error] …" on standard error for bytes invalid in their encoding,
        // whatever handler is set; the refusal is seen as an exception all the same.
        PrintStream err = System.err;
        System.setErr(DISCARD);
        XMLStreamReader xml = null;
        try {
            synchronized (REFERENCE) {
                xml = REFERENCE.createXMLStreamReader(new ByteArrayInputStream(document));
            }
            return XmlOutcome.read(reading.read(xml));
        } catch (XMLStreamException | RuntimeException e) {
            return XmlOutcome.refused(e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        } finally {
            closeQuietly(xml);
            System.setErr(err);
        }
    }

    /** The next reference event, a DTD refused. */
    static int next(XMLStreamReader xml) throws XMLStreamException {
        int e = xml.hasNext() ? xml.next() : XMLStreamConstants.END_DOCUMENT;
        if (e == XMLStreamConstants.DTD) {
            throw new Refused("a DOCTYPE (refused as sheetnet refuses it)");
        }
        return e;
    }

    /** An end to readers that make events without end: more than a document of n bytes can hold. */
    static int eventCap(byte[] document) {
        return 4 * document.length + 16;
    }

    private static List<String> events(XmlPart part, int cap) {
        Lines lines = new Lines();
        int events = 0;
        for (int e = part.next(); e != XMLStreamConstants.END_DOCUMENT; e = part.next()) {
            if (++events > cap) {
                throw new IllegalStateException("more than " + cap + " events: the reader does not end");
            }
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> lines.start(part.name(), attributes(part));
                case XMLStreamConstants.END_ELEMENT -> lines.end(part.name());
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    lines.text(part.text());
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> { }
                default -> lines.other(e);
            }
        }
        return lines.done();
    }

    private static List<String> events(XMLStreamReader xml) throws XMLStreamException {
        Lines lines = new Lines();
        for (int e = next(xml); e != XMLStreamConstants.END_DOCUMENT; e = next(xml)) {
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> lines.start(xml.getLocalName(), attributes(xml));
                case XMLStreamConstants.END_ELEMENT -> lines.end(xml.getLocalName());
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    lines.text(xml.getText());
                case XMLStreamConstants.COMMENT, XMLStreamConstants.PROCESSING_INSTRUCTION -> { }
                default -> lines.other(e);
            }
        }
        return lines.done();
    }

    /**
     * The document as a part of a package: deflated into an in-memory zip, inflated by
     * {@link ZipInputStream} and handed to XmlPart through {@link EntryStream}, as XlsxPackage does.
     */
    static XmlPart open(byte[] document) {
        ByteArrayOutputStream zipped = new ByteArrayOutputStream(document.length / 2 + 256);
        try {
            try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
                zip.setLevel(java.util.zip.Deflater.BEST_SPEED); // inflated alike; deflating was a third of the time
                zip.putNextEntry(new ZipEntry(PART));
                zip.write(document);
                zip.closeEntry();
            }
            ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zipped.toByteArray()));
            ZipEntry entry = in.getNextEntry();
            return new XmlPart(new EntryStream(in, entry, FILE, XlsxPackage.SMALL_PART), FILE, PART);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> attributes(XmlPart part) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < part.attributeCount(); i++) {
            all.add(attribute(part.attributeNamespaceAt(i), part.attributeName(i), part.attributeValue(i)));
        }
        return all;
    }

    private static List<String> attributes(XMLStreamReader xml) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            all.add(attribute(xml.getAttributeNamespace(i), xml.getAttributeLocalName(i), xml.getAttributeValue(i)));
        }
        return all;
    }

    private static String attribute(String namespace, String name, String value) {
        String ns = namespace == null || namespace.isEmpty() ? "" : "{" + namespace + "}";
        return ns + name + "=" + quote(value);
    }

    private static XMLInputFactory referenceFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }

    private static void closeQuietly(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // The outcome is known; closing a reader over a byte array loses nothing.
        }
    }

    /** A string in double quotes with line ends, tabs and other control characters visible. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x85 || c == 0x2028 || (c >= 0xFFFE)
                            || (Character.isSurrogate(c) && !validPair(s, i))) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    /** Collects the lines of one trace. */
    private static final class Lines {

        private final List<String> lines = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int depth;

        void start(String name, List<String> attributes) {
            flush();
            StringBuilder sb = new StringBuilder("<").append(name);
            attributes.forEach(a -> sb.append(' ').append(a));
            lines.add(sb.append('>').toString());
            depth++;
        }

        void end(String name) {
            flush();
            lines.add("</" + name + ">");
            depth--;
        }

        void text(String s) {
            if (depth > 0) {
                text.append(s);
            }
        }

        void other(int event) {
            flush();
            lines.add("?event " + event);
        }

        List<String> done() {
            flush();
            return lines;
        }

        private void flush() {
            if (text.length() > 0) {
                lines.add(quote(text.toString()));
                text.setLength(0);
            }
        }
    }
}
