package org.sheetnet.xlsx;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import org.sheetnet.SheetnetException;

/**
 * The one place XML parsers are made (sheetnet uses StAX only; no SAX or DOM parser exists in it).
 * Every parser refuses DTDs: a DTD can declare entities that read local files or fetch URLs, so a
 * DOCTYPE is refused outright with one line naming the part.
 */
public final class SafeXml {

    // The JDK's own StAX implementation, whatever else is on the class path; configured once.
    private static final XMLInputFactory STAX = newStaxFactory();

    private SafeXml() {
    }

    private static XMLInputFactory newStaxFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /**
     * A StAX reader over a part that refuses a DTD event.
     *
     * @param in   the part's bytes (already counted and checksummed); closed by the caller
     * @param file the file's name, for messages
     * @param part the part's name in the package, for messages
     * @throws SheetnetException (FILE) if the XML cannot even start
     */
    public static XMLStreamReader stax(InputStream in, String file, String part) {
        try {
            XMLStreamReader raw;
            synchronized (STAX) {
                raw = STAX.createXMLStreamReader(XmlCharset.reader(in));
            }
            return new StreamReaderDelegate(raw) {
                @Override
                public int next() throws XMLStreamException {
                    int event = super.next();
                    if (event == XMLStreamConstants.DTD) {
                        throw doctype(file, part);
                    }
                    return event;
                }
            };
        } catch (XMLStreamException | java.io.IOException e) {
            throw XlsxErrors.damaged(file, part, e);
        }
    }

    /** The one-line refusal of a DOCTYPE in a part. */
    static SheetnetException doctype(String file, String part) {
        return SheetnetException.file(file + ": " + part + " holds a DOCTYPE; sheetnet refuses DTDs in workbooks"
                + " (they can read local files or reach the network)", null);
    }
}
