package org.sheetnet.xlsx;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamConstants;
import org.sheetnet.SheetnetException;

/**
 * One XML part of a package being parsed: sheetnet's own {@link XmlScanner} over the counted,
 * checksummed, strictly decoded bytes, with the small helpers every part reader needs (attributes by
 * local name, bounded element text). Events are {@link XMLStreamConstants}' START_ELEMENT,
 * END_ELEMENT, CHARACTERS and END_DOCUMENT.
 */
final class XmlPart implements Closeable {

    private final String file;
    private final String part;
    private final EntryStream entry;
    private final InputStream bytes;
    private final XmlScanner xml;
    /** Parts declared at least this large are inflated on a thread of their own (a sheet of some 40,000 cells). */
    static final long READ_AHEAD_SIZE = 1 << 20;

    XmlPart(EntryStream entry, String file, String part) {
        this.file = file;
        this.part = part;
        this.entry = entry;
        // A large part is inflated ahead on a thread of its own; ReadAheadStream.close stops it.
        this.bytes = entry.declaredSize() >= READ_AHEAD_SIZE ? new ReadAheadStream(entry) : entry;
        try {
            this.xml = new XmlScanner(XmlCharset.reader(bytes));
        } catch (IOException | RuntimeException e) {
            throw XlsxErrors.damaged(file, part, e);
        }
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
            return xml.next();
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    /**
     * A whole cell of the common shape, read in one step if one comes next; see {@link XmlScanner#cell}.
     *
     * @return 0 when none was read, else {@link CommonCell#CELL} and the bits of what it had
     */
    int cell(CharSlice ref, CharSlice type, CharSlice value) {
        try {
            return xml.cell(ref, type, value);
        } catch (IOException | RuntimeException e) {
            throw failure(e);
        }
    }

    // Every parser failure as one line naming the part.
    private SheetnetException failure(Exception e) {
        if (e instanceof XmlScanner.DoctypeError) {
            return SafeXml.doctype(file, part);
        }
        if (e instanceof XmlScanner.TooLong) {
            return SheetnetException.file(file + ": " + part + " holds a text, tag or comment longer than "
                    + XmlScanner.MAX_TOKEN / (1 << 20) + " MiB; a cell holds at most 32,767 characters, so sheetnet"
                    + " refuses it", null);
        }
        if (e instanceof XmlScanner.TooDeep) {
            return SheetnetException.file(file + ": " + part + " nests elements more than " + XmlScanner.MAX_DEPTH
                    + " deep; no spreadsheet does, so sheetnet refuses it", null);
        }
        return XlsxErrors.damaged(file, part, e);
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
        return xml.name();
    }

    /** Whether the current event is the end of an element of that local name. */
    boolean isEnd(int event, String name) {
        return event == XMLStreamConstants.END_ELEMENT && name.equals(xml.name());
    }

    /** The value of the current element's attribute of that local name, in any namespace, or null. */
    String attribute(String localName) {
        for (int i = 0; i < xml.attributeCount(); i++) {
            if (xml.attributeIs(i, localName)) {
                return xml.attributeValue(i);
            }
        }
        return null;
    }

    /**
     * Puts the value of the current element's attribute of that local name, in any namespace, into
     * out (which is cleared first), without making a String.
     *
     * @return whether the element has the attribute
     */
    boolean attribute(String localName, CharSlice out) {
        out.clear();
        for (int i = 0; i < xml.attributeCount(); i++) {
            if (xml.attributeIs(i, localName)) {
                xml.attributeValueInto(i, out);
                return true;
            }
        }
        return false;
    }

    /** The namespace of the current element's attribute of that local name, or null. */
    String attributeNamespace(String localName) {
        for (int i = 0; i < xml.attributeCount(); i++) {
            if (xml.attributeIs(i, localName)) {
                return xml.attributeNamespace(i);
            }
        }
        return null;
    }

    /** Number of attributes of the current start tag, namespace declarations left out (for tests). */
    int attributeCount() {
        return xml.attributeCount();
    }

    /** The local name of the current start tag's i-th attribute (for tests). */
    String attributeName(int i) {
        return xml.attributeLocalName(i);
    }

    /** The value of the current start tag's i-th attribute (for tests). */
    String attributeValue(int i) {
        return xml.attributeValue(i);
    }

    /** The namespace URI of the current start tag's i-th attribute, or null (for tests). */
    String attributeNamespaceAt(int i) {
        return xml.attributeNamespace(i);
    }

    /** The current text event's characters (for tests). */
    String text() {
        return new String(xml.textChars(), 0, xml.textLength());
    }

    /**
     * The text directly inside the current element, read to its end tag; child elements are skipped.
     *
     * @param maxChars most characters accepted: text split by comments would otherwise be unbounded
     * @param what     what the text is, for a message (made only when one is needed: this runs for every cell)
     */
    String text(int maxChars, java.util.function.Supplier<String> what) {
        CharSlice out = new CharSlice();
        text(maxChars, what, out);
        return out.toString();
    }

    /**
     * As {@link #text(int, java.util.function.Supplier)}, into out (cleared first), without making a String.
     */
    void text(int maxChars, java.util.function.Supplier<String> what, CharSlice out) {
        out.clear();
        int depth = 0;
        for (int e = next(); ; e = next()) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                if (depth-- == 0) {
                    return;
                }
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw XlsxErrors.damaged(file, part, "it ends inside " + what.get());
            } else if (depth == 0 && e == XMLStreamConstants.CHARACTERS) {
                if (out.length() + xml.textLength() > maxChars) {
                    throw SheetnetException.file(file + ": " + part + ": " + what.get() + " holds more than " + maxChars
                            + " characters; sheetnet refuses it", null);
                }
                out.append(xml.textChars(), 0, xml.textLength());
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

    @Override
    public void close() {
        try {
            bytes.close();
        } catch (IOException e) {
            // Only reading; nothing is lost.
        }
    }
}
