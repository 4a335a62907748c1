package org.sheetnet.xlsx;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;

/**
 * A pull parser for the XML of workbook parts, written by hand because the JDK's StAX parser was
 * most of the time spent reading a sheet (about 1 µs a cell). It reads XML 1.0 with namespaces and
 * refuses what is not well-formed, as a conforming parser does: unbalanced or mismatched tags, a
 * second root, text outside the root, duplicate or unbound attributes, {@code <} in an attribute
 * value, an entity other than the five XML predefines, character references to non-characters,
 * control characters, {@code ]]>} in text, {@code --} in a comment. It has no DTD support at all:
 * any {@code <!} other than a comment or CDATA section is refused, so no entity can ever be
 * declared, let alone expanded or fetched.
 *
 * <p>Events are {@link XMLStreamConstants}' START_ELEMENT, END_ELEMENT, CHARACTERS (text and CDATA
 * sections together, comments and processing instructions dropped) and END_DOCUMENT. Names and
 * attribute values are read from the one character buffer; the few element names a part repeats
 * are shared strings, so a cell costs no allocation for its tags.
 */
final class XmlScanner {

    /**
     * Longest text run, tag (with its attributes), comment, CDATA section or processing instruction,
     * in characters: a parser must hold a whole one, so a 1 GB comment in a 2 MB zip would otherwise
     * exhaust memory; a cell holds at most 32,767 characters.
     */
    static final int MAX_TOKEN = 1 << 20;
    /** Deepest element nesting; a sheet needs five or six levels. */
    static final int MAX_DEPTH = 256;

    private static final String XML_NS = "http://www.w3.org/XML/1998/namespace";
    private static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";

    private final Reader in;
    private char[] buf = new char[1 << 15];
    private int pos;
    private int lim;
    private long consumed;
    private boolean eof;

    // The current element: its name (from the stack) and, for a start tag, its attributes.
    private String[] qnames = new String[16];
    private String[] locals = new String[16];
    private int[] nsMarks = new int[16];
    private int depth;
    private boolean rootSeen;
    private boolean pendingEnd;
    private boolean done;
    private String name;

    // Attributes of the current start tag: qualified name range in buf, value as a String once asked.
    private int attrCount;
    private int[] attrName = new int[8];
    private int[] attrNameEnd = new int[8];
    private int[] attrColon = new int[8];
    private int[] attrValue = new int[8];
    private int[] attrValueEnd = new int[8];
    private String[] attrDecoded = new String[8];
    private String[] attrNs = new String[8];

    // Namespace bindings in scope, innermost last.
    private String[] nsPrefix = new String[8];
    private String[] nsUri = new String[8];
    private int nsCount;

    private char[] text = new char[256];
    private int textLength;

    private final String[] interned = new String[512];

    XmlScanner(Reader in) {
        this.in = in;
    }

    /** The next event. */
    int next() throws IOException {
        if (pendingEnd) {
            pendingEnd = false;
            return endElement();
        }
        if (done) {
            return XMLStreamConstants.END_DOCUMENT;
        }
        for (;;) {
            if (!ensure(1)) {
                return endOfInput();
            }
            if (buf[pos] != '<' || startsWith("<![CDATA[")) {
                if (readText()) {
                    return XMLStreamConstants.CHARACTERS;
                }
                continue;
            }
            int e = markup();
            if (e != 0) {
                return e;
            }
        }
    }

    /** The local name of the current element (start or end). */
    String name() {
        return name;
    }

    /** The current text event's characters, valid until the next event. */
    char[] textChars() {
        return text;
    }

    /** The current text event's length. */
    int textLength() {
        return textLength;
    }

    int attributeCount() {
        return attrCount;
    }

    /** The local name of the i-th attribute. */
    String attributeLocalName(int i) {
        int from = attrColon[i] < 0 ? attrName[i] : attrColon[i] + 1;
        return new String(buf, from, attrNameEnd[i] - from);
    }

    /** Whether the i-th attribute's local name is that name. */
    boolean attributeIs(int i, String local) {
        int from = attrColon[i] < 0 ? attrName[i] : attrColon[i] + 1;
        return regionEquals(from, attrNameEnd[i], local);
    }

    /** The namespace URI of the i-th attribute, or null for an unprefixed one. */
    String attributeNamespace(int i) {
        return attrNs[i];
    }

    /** The value of the i-th attribute, references decoded and white space normalized. */
    String attributeValue(int i) {
        return attrDecoded[i] != null ? attrDecoded[i] : new String(buf, attrValue[i], attrValueEnd[i] - attrValue[i]);
    }

    /** Appends the value of the i-th attribute to out. */
    void attributeValueInto(int i, CharSlice out) {
        if (attrDecoded[i] != null) {
            out.append(attrDecoded[i]);
        } else {
            out.append(buf, attrValue[i], attrValueEnd[i] - attrValue[i]);
        }
    }

    /** Characters read so far, for messages. */
    long offset() {
        return consumed + pos;
    }

    // ---- markup -------------------------------------------------------------------------------

    // At '<': reads one piece of markup; returns its event, or 0 for one that gives none.
    private int markup() throws IOException {
        if (!ensure(2)) {
            throw error("the part ends inside a tag");
        }
        char c = buf[pos + 1];
        if (c == '/') {
            return endTag();
        }
        if (c == '?') {
            processingInstruction();
            return 0;
        }
        if (c == '!') {
            bang();
            return 0;
        }
        return startTag();
    }

    private int startTag() throws IOException {
        if (depth == 0 && rootSeen) {
            throw error("a second root element");
        }
        int end = tagEnd();
        int start = pos + 1;
        int p = scanName(start, end);
        int colon = colonOf(start, p);
        String qname = intern(start, p);
        String local = colon < 0 ? qname : intern(colon + 1, p);
        attrCount = 0;
        int nsMark = nsCount;
        boolean empty = false;
        for (;;) {
            int q = skipSpace(p, end);
            char c = buf[q];
            if (c == '>') {
                break;
            }
            if (c == '/') {
                if (q + 1 != end) {
                    throw error("'/' inside the tag <" + qname + ">");
                }
                empty = true;
                break;
            }
            if (q == p) {
                throw error("no space before an attribute of <" + qname + ">");
            }
            p = attribute(q, end, qname);
        }
        resolveNamespaces(qname, colon, start);
        push(qname, local, nsMark);
        rootSeen = true;
        name = local;
        pos = end + 1;
        pendingEnd = empty;
        return XMLStreamConstants.START_ELEMENT;
    }

    // Reads name="value" starting at q; returns the position after the closing quote.
    private int attribute(int q, int end, String element) throws IOException {
        int nameEnd = scanName(q, end);
        int p = skipSpace(nameEnd, end);
        if (buf[p] != '=') {
            throw error("an attribute of <" + element + "> without a value");
        }
        p = skipSpace(p + 1, end);
        char quote = buf[p];
        if (quote != '"' && quote != '\'') {
            throw error("an attribute value of <" + element + "> without quotes");
        }
        int from = p + 1;
        int to = from;
        boolean plain = true;
        for (; to < end && buf[to] != quote; to++) {
            char c = buf[to];
            if (c == '<') {
                throw error("'<' in an attribute value of <" + element + ">");
            }
            if (c == '&' || c < 0x20 || c >= 0xFFFE) {
                plain = false;
            }
        }
        if (to >= end) {
            throw error("an attribute value of <" + element + "> that is not closed");
        }
        int i = attrCount++;
        growAttributes();
        attrName[i] = q;
        attrNameEnd[i] = nameEnd;
        attrColon[i] = colonOf(q, nameEnd);
        attrValue[i] = from;
        attrValueEnd[i] = to;
        attrDecoded[i] = plain ? null : decodeAttribute(from, to);
        attrNs[i] = null;
        return to + 1;
    }

    // Applies the tag's xmlns declarations, then resolves and checks the element's and attributes' prefixes.
    private void resolveNamespaces(String qname, int colon, int start) throws IOException {
        for (int i = 0; i < attrCount; i++) {
            for (int j = 0; j < i; j++) {
                if (sameName(i, j)) {
                    throw error("the attribute " + new String(buf, attrName[i], attrNameEnd[i] - attrName[i])
                            + " twice in <" + qname + ">");
                }
            }
        }
        int kept = 0;
        for (int i = 0; i < attrCount; i++) {
            int from = attrName[i];
            int to = attrNameEnd[i];
            if (regionEquals(from, to, "xmlns")) {
                bind("", attributeValue(i));
            } else if (attrColon[i] == from + 5 && regionEquals(from, from + 5, "xmlns")) {
                String prefix = new String(buf, from + 6, to - from - 6);
                String uri = attributeValue(i);
                if (uri.isEmpty() || prefix.equals("xmlns") || prefix.equals("xml") != uri.equals(XML_NS)
                        || uri.equals(XMLNS_NS)) {
                    throw error("the namespace declaration xmlns:" + prefix + "=\"" + uri + "\"");
                }
                bind(prefix, uri);
            } else {
                copyAttribute(i, kept++);
            }
        }
        attrCount = kept;
        if (colon >= 0) {
            uri(new String(buf, start, colon - start), qname);
        }
        for (int i = 0; i < kept; i++) {
            if (attrColon[i] >= 0) {
                attrNs[i] = uri(new String(buf, attrName[i], attrColon[i] - attrName[i]), qname);
            }
        }
        for (int i = 0; i < kept; i++) {
            for (int j = 0; j < i; j++) {
                if (attrNs[i] != null && attrNs[i].equals(attrNs[j]) && sameLocal(i, j)) {
                    throw error("two attributes of the same name and namespace in <" + qname + ">");
                }
            }
        }
    }

    private int endTag() throws IOException {
        int end = tagEnd();
        int start = pos + 2;
        int p = scanName(start, end);
        if (skipSpace(p, end) != end) {
            throw error("something other than a name in the end tag </" + new String(buf, start, p - start) + ">");
        }
        if (depth == 0) {
            throw error("the end tag </" + new String(buf, start, p - start) + "> without a start tag");
        }
        if (!regionEquals(start, p, qnames[depth - 1])) {
            throw error("the end tag </" + new String(buf, start, p - start) + "> where </" + qnames[depth - 1]
                    + "> was expected");
        }
        pos = end + 1;
        return endElement();
    }

    private int endElement() {
        depth--;
        name = locals[depth];
        nsCount = nsMarks[depth];
        attrCount = 0;
        return XMLStreamConstants.END_ELEMENT;
    }

    // "<!--", "<![CDATA[" or a declaration, which is refused: no DTD ever.
    private void bang() throws IOException {
        if (startsWith("<!--")) {
            int end = find("-->", pos + 4);
            for (int i = pos + 4; i < end; i++) {
                checkChar(buf[i]);
                if (buf[i] == '-' && buf[i + 1] == '-') {
                    throw error("'--' inside a comment");
                }
            }
            pos = end + 3;
        } else {
            throw new DoctypeError();
        }
    }

    private void processingInstruction() throws IOException {
        int end = find("?>", pos + 2);
        int p = scanName(pos + 2, end);
        int length = p - pos - 2;
        if (length == 3 && (buf[pos + 2] | 0x20) == 'x' && (buf[pos + 3] | 0x20) == 'm' && (buf[pos + 4] | 0x20) == 'l') {
            if (offset() != 0 || (buf[pos + 2] != 'x' || buf[pos + 3] != 'm' || buf[pos + 4] != 'l')) {
                throw error("an XML declaration that is not at the start of the part");
            }
            declaration(p, end);
        } else if (p != end && !isSpace(buf[p])) {
            throw error("a processing instruction without a space after its target");
        }
        for (int i = p; i < end; i++) {
            checkChar(buf[i]);
        }
        pos = end + 2;
    }

    // <?xml version="1.x" encoding="…" standalone="yes|no"?>, in that order.
    private void declaration(int p, int end) throws IOException {
        String[] names = {"version", "encoding", "standalone"};
        int next = 0;
        int q = p;
        while (true) {
            int s = skipSpace(q, end);
            if (s == end) {
                break;
            }
            if (s == q) {
                throw error("the XML declaration");
            }
            int nameEnd = scanName(s, end);
            String n = new String(buf, s, nameEnd - s);
            while (next < names.length && !names[next].equals(n)) {
                if (next == 0) {
                    throw error("the XML declaration has no version");
                }
                next++;
            }
            if (next == names.length) {
                throw error("the XML declaration has \"" + n + "\"");
            }
            next++;
            int e = skipSpace(nameEnd, end);
            if (buf[e] != '=') {
                throw error("the XML declaration");
            }
            e = skipSpace(e + 1, end);
            char quote = buf[e];
            int close = e + 1;
            while (close < end && buf[close] != quote) {
                close++;
            }
            if ((quote != '"' && quote != '\'') || close >= end) {
                throw error("the XML declaration");
            }
            String v = new String(buf, e + 1, close - e - 1);
            boolean ok = switch (n) {
                case "version" -> v.matches("1\\.[0-9]+");
                case "encoding" -> v.matches("[A-Za-z][A-Za-z0-9._-]*");
                default -> v.equals("yes") || v.equals("no");
            };
            if (!ok) {
                throw error("the XML declaration's " + n + " \"" + v + "\"");
            }
            q = close + 1;
        }
        if (next == 0) {
            throw error("the XML declaration has no version");
        }
    }

    // ---- text ---------------------------------------------------------------------------------

    // Reads character data up to the next markup (other than CDATA, which joins it); true if it is an event.
    private boolean readText() throws IOException {
        textLength = 0;
        boolean any = false;
        boolean blank = true;
        for (;;) {
            int from = pos;
            int i = pos;
            while (i < lim) {
                char c = buf[i];
                if (c == '<' || c == '&' || c == ']' || c == '\r' || c < 0x20 || c >= 0xFFFE) {
                    break;
                }
                if (c != ' ' && c != '\n' && c != '\t') {
                    blank = false;
                }
                i++;
            }
            if (i > from) {
                any = true;
                appendRaw(from, i);
                pos = i;
            }
            if (pos == lim) {
                if (!ensure(1)) {
                    break;
                }
                continue;
            }
            char c = buf[pos];
            if (c == '<') {
                if (ensure(9) && startsWith("<![CDATA[")) {
                    if (depth == 0) {
                        throw error("a CDATA section outside the root element");
                    }
                    int end = find("]]>", pos + 9);
                    appendCdata(pos + 9, end);
                    pos = end + 3;
                    any = true;
                    blank = false;
                    continue;
                }
                break;
            }
            any = true;
            blank &= c == '\r' || c == '\n' || c == '\t' || c == ' ';
            if (c == '&') {
                reference();
                blank = false;
            } else if (c == ']') {
                if (ensure(3) && buf[pos + 1] == ']' && buf[pos + 2] == '>') {
                    throw error("']]>' in text");
                }
                appendChar(c);
                pos++;
            } else if (c == '\r') {
                appendChar('\n');
                pos++;
                if (ensure(1) && buf[pos] == '\n') {
                    pos++;
                }
            } else {
                checkChar(c);
                appendChar(c);
                pos++;
            }
            if (textLength > MAX_TOKEN) {
                throw new TooLong();
            }
        }
        if (depth == 0) {
            if (!blank) {
                throw error(rootSeen ? "text after the root element" : "text before the root element");
            }
            return false;
        }
        return any;
    }

    // At '&' in text: appends the character it stands for.
    private void reference() throws IOException {
        int k = 1;
        while (true) {
            if (!ensure(k + 1) || k > 12) {
                throw error("an unterminated reference");
            }
            if (buf[pos + k] == ';') {
                break;
            }
            k++;
        }
        int semi = pos + k;
        int cp = referenced(pos + 1, semi);
        if (Character.isSupplementaryCodePoint(cp)) {
            appendChar(Character.highSurrogate(cp));
            appendChar(Character.lowSurrogate(cp));
        } else {
            appendChar((char) cp);
        }
        pos = semi + 1;
    }

    // The code point of the reference between '&' and ';' (exclusive).
    private int referenced(int from, int to) throws IOException {
        int n = to - from;
        if (n >= 2 && buf[from] == '#') {
            boolean hex = buf[from + 1] == 'x';
            int i = hex ? from + 2 : from + 1;
            if (i == to) {
                throw error("an empty character reference");
            }
            int cp = 0;
            for (; i < to; i++) {
                int d = Character.digit(buf[i], hex ? 16 : 10);
                if (d < 0 || buf[i] > 'f') {
                    throw error("the character reference &" + new String(buf, from, n) + ";");
                }
                cp = cp * (hex ? 16 : 10) + d;
                if (cp > 0x10FFFF) {
                    throw error("the character reference &" + new String(buf, from, n) + ";");
                }
            }
            if (!isXmlChar(cp)) {
                throw error("the character reference &" + new String(buf, from, n) + ";, which is not an XML character");
            }
            return cp;
        }
        String ref = new String(buf, from, n);
        return switch (ref) {
            case "lt" -> '<';
            case "gt" -> '>';
            case "amp" -> '&';
            case "apos" -> '\'';
            case "quot" -> '"';
            default -> throw error("the entity &" + ref + "; (only XML's five are allowed; sheetnet reads no DTD)");
        };
    }

    // An attribute value with references or white space to normalize (XML 1.0, 3.3.3).
    private String decodeAttribute(int from, int to) throws IOException {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = buf[i];
            if (c == '&') {
                int semi = i + 1;
                while (semi < to && buf[semi] != ';' && semi - i <= 12) {
                    semi++;
                }
                if (semi >= to || buf[semi] != ';') {
                    throw error("an unterminated reference in an attribute value");
                }
                sb.appendCodePoint(referenced(i + 1, semi));
                i = semi;
            } else if (c == '\r') {
                sb.append(' ');
                if (i + 1 < to && buf[i + 1] == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t') {
                sb.append(' ');
            } else {
                checkChar(c);
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private void appendRaw(int from, int to) throws IOException {
        int n = to - from;
        if (textLength + n > MAX_TOKEN) {
            throw new TooLong();
        }
        if (textLength + n > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + n));
        }
        System.arraycopy(buf, from, text, textLength, n);
        textLength += n;
    }

    // CDATA content: line ends normalized, characters checked.
    private void appendCdata(int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            char c = buf[i];
            if (c == '\r') {
                appendChar('\n');
                if (i + 1 < to && buf[i + 1] == '\n') {
                    i++;
                }
            } else {
                checkChar(c);
                appendChar(c);
            }
        }
        if (textLength > MAX_TOKEN) {
            throw new TooLong();
        }
    }

    private void appendChar(char c) {
        if (textLength == text.length) {
            text = Arrays.copyOf(text, text.length * 2);
        }
        text[textLength++] = c;
    }

    // ---- names, namespaces --------------------------------------------------------------------

    // A name from p: returns where it ends; refuses an empty or ill-formed one.
    private int scanName(int p, int end) throws IOException {
        int i = p;
        if (i >= end || !isNameStart(buf[i])) {
            throw error("a missing or ill-formed name");
        }
        i++;
        while (i < end && isNameChar(buf[i])) {
            i++;
        }
        int colon = colonOf(p, i);
        if (colon >= 0 && (colon == p || colon == i - 1 || colonOf(colon + 1, i) >= 0 || !isNameStart(buf[colon + 1]))) {
            throw error("the name \"" + new String(buf, p, i - p) + "\"");
        }
        return i;
    }

    private int colonOf(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == ':') {
                return i;
            }
        }
        return -1;
    }

    private void bind(String prefix, String uri) {
        if (nsCount == nsPrefix.length) {
            nsPrefix = Arrays.copyOf(nsPrefix, nsCount * 2);
            nsUri = Arrays.copyOf(nsUri, nsCount * 2);
        }
        nsPrefix[nsCount] = prefix;
        nsUri[nsCount++] = uri;
    }

    // The URI a prefix is bound to here; an unbound prefix is an error.
    private String uri(String prefix, String element) throws IOException {
        if (prefix.equals("xml")) {
            return XML_NS;
        }
        for (int i = nsCount - 1; i >= 0; i--) {
            if (nsPrefix[i].equals(prefix)) {
                return nsUri[i];
            }
        }
        throw error("the prefix \"" + prefix + ":\" in <" + element + "> is not bound to a namespace");
    }

    private void copyAttribute(int from, int to) {
        attrName[to] = attrName[from];
        attrNameEnd[to] = attrNameEnd[from];
        attrColon[to] = attrColon[from];
        attrValue[to] = attrValue[from];
        attrValueEnd[to] = attrValueEnd[from];
        attrDecoded[to] = attrDecoded[from];
        attrNs[to] = null;
    }

    private boolean sameName(int i, int j) {
        int n = attrNameEnd[i] - attrName[i];
        return n == attrNameEnd[j] - attrName[j] && Arrays.equals(buf, attrName[i], attrNameEnd[i], buf, attrName[j],
                attrNameEnd[j]);
    }

    private boolean sameLocal(int i, int j) {
        int fi = attrColon[i] < 0 ? attrName[i] : attrColon[i] + 1;
        int fj = attrColon[j] < 0 ? attrName[j] : attrColon[j] + 1;
        return Arrays.equals(buf, fi, attrNameEnd[i], buf, fj, attrNameEnd[j]);
    }

    private void push(String qname, String local, int nsMark) throws IOException {
        if (depth == MAX_DEPTH) {
            throw new TooDeep();
        }
        if (depth == qnames.length) {
            qnames = Arrays.copyOf(qnames, depth * 2);
            locals = Arrays.copyOf(locals, depth * 2);
            nsMarks = Arrays.copyOf(nsMarks, depth * 2);
        }
        qnames[depth] = qname;
        locals[depth] = local;
        nsMarks[depth++] = nsMark;
    }

    private void growAttributes() {
        if (attrCount > attrName.length) {
            int n = attrName.length * 2;
            attrName = Arrays.copyOf(attrName, n);
            attrNameEnd = Arrays.copyOf(attrNameEnd, n);
            attrColon = Arrays.copyOf(attrColon, n);
            attrValue = Arrays.copyOf(attrValue, n);
            attrValueEnd = Arrays.copyOf(attrValueEnd, n);
            attrDecoded = Arrays.copyOf(attrDecoded, n);
            attrNs = Arrays.copyOf(attrNs, n);
        }
    }

    // The same String for the same name each time, while the table holds it: tags repeat.
    private String intern(int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + buf[i];
        }
        int slot = (h ^ (h >>> 16)) & (interned.length - 1);
        String s = interned[slot];
        if (s == null || !regionEquals(from, to, s)) {
            s = new String(buf, from, to - from);
            interned[slot] = s;
        }
        return s;
    }

    private boolean regionEquals(int from, int to, String s) {
        if (to - from != s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (buf[i] != s.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    // ---- buffer -------------------------------------------------------------------------------

    // The index of the '>' that ends the tag starting at pos (outside quotes); the tag is then in buf.
    private int tagEnd() throws IOException {
        int i = pos + 1;
        char quote = 0;
        while (true) {
            if (i >= lim) {
                int offset = i - pos;
                if (!ensure(offset + 1)) {
                    throw error("the part ends inside a tag");
                }
                i = pos + offset;
            }
            char c = buf[i];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            } else if (c == '<') {
                throw error("'<' inside a tag");
            }
            i++;
        }
    }

    // The index where the text ends starts, searching from `from`; it is then in buf.
    private int find(String end, int from) throws IOException {
        int offset = from - pos;
        while (true) {
            int i = pos + offset;
            if (i + end.length() > lim) {
                if (!ensure(offset + end.length())) {
                    throw error("the part ends inside a comment, CDATA section or processing instruction");
                }
                continue;
            }
            if (buf[i] == end.charAt(0) && regionEquals(i, i + end.length(), end)) {
                return i;
            }
            offset++;
        }
    }

    private boolean startsWith(String s) throws IOException {
        return ensure(s.length()) && regionEquals(pos, pos + s.length(), s);
    }

    private int skipSpace(int p, int end) {
        while (p < end && isSpace(buf[p])) {
            p++;
        }
        return p;
    }

    // Makes n characters from pos available in buf, if the part has them (moving them to the front).
    private boolean ensure(int n) throws IOException {
        if (lim - pos >= n) {
            return true;
        }
        if (n > MAX_TOKEN) {
            throw new TooLong();
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            consumed += pos;
            lim -= pos;
            pos = 0;
        }
        if (n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
        }
        while (lim < n && !eof) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
            } else {
                lim += r;
            }
        }
        return lim >= n;
    }

    private int endOfInput() throws IOException {
        if (depth > 0) {
            throw error("the part ends inside <" + qnames[depth - 1] + ">");
        }
        if (!rootSeen) {
            throw error("the part has no root element");
        }
        done = true;
        return XMLStreamConstants.END_DOCUMENT;
    }

    // ---- characters ---------------------------------------------------------------------------

    private void checkChar(char c) throws IOException {
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c >= 0xFFFE) {
            throw error(String.format("the character U+%04X, which XML does not allow", (int) c));
        }
    }

    private static boolean isXmlChar(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r';
    }

    // XML 1.0 (fifth edition) NameStartChar; surrogates stand for the planes above, which are allowed.
    private static boolean isNameStart(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
        }
        return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
                || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
                || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xDFFF)
                || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD);
    }

    private static boolean isNameChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':'
                    || c == '-' || c == '.';
        }
        return isNameStart(c) || c == 0xB7 || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
    }

    private IOException error(String what) {
        return new IOException(what + " (at character " + offset() + ")");
    }

    /** A token longer than {@link #MAX_TOKEN}. */
    static final class TooLong extends IOException {
        private static final long serialVersionUID = 1L;

        TooLong() {
            super("too long");
        }
    }

    /** Elements nested deeper than {@link #MAX_DEPTH}. */
    static final class TooDeep extends IOException {
        private static final long serialVersionUID = 1L;

        TooDeep() {
            super("too deep");
        }
    }

    /** A DOCTYPE or other DTD declaration: refused, never read. */
    static final class DoctypeError extends IOException {
        private static final long serialVersionUID = 1L;

        DoctypeError() {
            super("a DOCTYPE");
        }
    }
}
