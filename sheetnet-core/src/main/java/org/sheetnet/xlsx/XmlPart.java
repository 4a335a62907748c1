package org.sheetnet.xlsx;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.sheetnet.SheetnetException;

/**
 * One XML part of a package being parsed: the hardened reader over the guarded, counted bytes,
 * with the small helpers every part reader needs (attributes by local name, bounded element text).
 */
final class XmlPart implements Closeable {

    private final String file;
    private final String part;
    private final EntryStream entry;
    private final InputStream bytes;
    private final XMLStreamReader xml;

    XmlPart(EntryStream entry, String file, String part) {
        this.file = file;
        this.part = part;
        this.entry = entry;
        this.bytes = new MarkupGuard(entry, file, part);
        this.xml = SafeXml.stax(bytes, file, part);
    }

    /** The part's name in the package. */
    String part() {
        return part;
    }

    /** The file's name. */
    String file() {
        return file;
    }

    /** The next event; every parser failure becomes one line naming the part. */
    int next() {
        try {
            return xml.hasNext() ? xml.next() : XMLStreamConstants.END_DOCUMENT;
        } catch (XMLStreamException | RuntimeException e) {
            throw XlsxErrors.damaged(file, part, e);
        }
    }

    /** Advances to the next start tag, or returns false at the end of the document. */
    boolean nextStart() {
        for (int e = next(); e != XMLStreamConstants.END_DOCUMENT; e = next()) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
        }
        return false;
    }

    /** The current element's local name. */
    String name() {
        return xml.getLocalName();
    }

    /** Whether the current event is the end of an element of that local name. */
    boolean isEnd(int event, String name) {
        return event == XMLStreamConstants.END_ELEMENT && name.equals(xml.getLocalName());
    }

    /** The value of the current element's attribute of that local name, in any namespace, or null. */
    String attribute(String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (localName.equals(xml.getAttributeLocalName(i))) {
                return xml.getAttributeValue(i);
            }
        }
        return null;
    }

    /** The namespace of the current element's attribute of that local name, or null. */
    String attributeNamespace(String localName) {
        for (int i = 0; i < xml.getAttributeCount(); i++) {
            if (localName.equals(xml.getAttributeLocalName(i))) {
                return xml.getAttributeNamespace(i);
            }
        }
        return null;
    }

    /** For tests: the number of the current start tag's attributes (namespace declarations not counted). */
    int attributeCount() {
        return xml.getAttributeCount();
    }

    /** For tests: the local name of the current start tag's attribute at that index. */
    String attributeName(int i) {
        return xml.getAttributeLocalName(i);
    }

    /** For tests: the value of the current start tag's attribute at that index, normalized as XML says. */
    String attributeValue(int i) {
        return xml.getAttributeValue(i);
    }

    /** For tests: the namespace URI of the current start tag's attribute at that index; null or "" for none. */
    String attributeNamespaceAt(int i) {
        return xml.getAttributeNamespace(i);
    }

    /** For tests: the text of the current CHARACTERS, CDATA or SPACE event. */
    String text() {
        return xml.getText();
    }

    /**
     * The text directly inside the current element, read to its end tag; child elements are skipped.
     *
     * @param maxChars most characters accepted: text split by comments would otherwise be unbounded
     * @param what     what the text is, for a message (made only when one is needed: this runs for every cell)
     */
    String text(int maxChars, java.util.function.Supplier<String> what) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (int e = next(); ; e = next()) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (depth-- == 0) {
                    return sb.toString();
                }
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw XlsxErrors.damaged(file, part, "it ends inside " + what.get());
            } else if (depth == 0 && isText(e)) {
                if (sb.length() + xml.getTextLength() > maxChars) {
                    throw SheetnetException.file(file + ": " + part + ": " + what.get() + " holds more than " + maxChars
                            + " characters; sheetnet refuses it", null);
                }
                sb.append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
    }

    /** Skips the current element and everything inside it. */
    void skip() {
        int depth = 0;
        for (int e = next(); e != XMLStreamConstants.END_DOCUMENT; e = next()) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT && depth-- == 0) {
                return;
            }
        }
    }

    /**
     * Reads the rest of the part, events and bytes, so that the entry's checksum is verified.
     *
     * @throws SheetnetException (FILE) if the rest is malformed or the checksum does not match
     */
    void finish() {
        while (next() != XMLStreamConstants.END_DOCUMENT) {
            // Only the trailing end tags, whitespace or comments remain.
        }
        try {
            byte[] sink = new byte[8192];
            while (bytes.read(sink) >= 0) {
                // Drains to the end: EntryStream checks the CRC there.
            }
        } catch (IOException e) {
            throw XlsxErrors.damaged(file, part, e);
        }
        if (!entry.verified()) {
            throw XlsxErrors.damaged(file, part, "its end could not be checked against its checksum");
        }
    }

    private static boolean isText(int event) {
        return event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                || event == XMLStreamConstants.SPACE;
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // Only reading; nothing is lost.
        }
        try {
            bytes.close();
        } catch (IOException e) {
            // Only reading; nothing is lost.
        }
    }
}
