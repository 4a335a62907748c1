package org.sheetnet.xlsx;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;

/**
 * A pull parser for the XML of workbook parts, written by hand because the JDK's StAX parser was
 * most of the time spent reading a sheet. It reads XML 1.0 with namespaces and refuses what is not
 * well-formed, as a conforming parser does: unbalanced or mismatched tags, a second root, text
 * outside the root, duplicate or unbound attributes, {@code <} in an attribute value, an entity
 * other than XML's five, character references to non-characters, control characters, {@code ]]>}
 * in text, {@code --} in a comment. It has no DTD support at all: any {@code <!} other than a
 * comment or CDATA section is refused, so no entity can ever be declared, expanded or fetched.
 *
 * <p>Events are {@link XMLStreamConstants}' START_ELEMENT, END_ELEMENT, CHARACTERS (character data
 * and CDATA sections; comments and processing instructions are dropped, so text around a comment
 * comes as two events) and END_DOCUMENT. Memory is bounded: a token (text run, tag, comment) longer
 * than {@link #MAX_TOKEN} characters or nesting deeper than {@link #MAX_DEPTH} is refused. Element
 * names a part repeats are shared Strings, so a cell costs no allocation for its tags.
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
    /** Longest name, and most attributes on one element: the JDK's own parser refuses more (its JAXP limits). */
    static final int MAX_NAME = 1000;
    static final int MAX_ATTRIBUTES = 10_000;
    /** Longest reference between {@code &} and {@code ;} (a character reference may have leading zeros). */
    private static final int MAX_REFERENCE = 64;

    private final Reader in;
    private char[] buf = new char[1 << 15];
    private int pos;
    private int lim;
    private long consumed;
    private boolean eof;

    // Open elements, innermost last: qualified and local names, and the namespace mark before each.
    private String[] qnames = new String[16];
    private String[] locals = new String[16];
    private int[] nsMarks = new int[16];
    private int depth;
    private boolean rootSeen;
    private boolean pendingEnd;
    private boolean done;
    private String name;

    private final TagAttributes attributes = new TagAttributes();
    private boolean[] keep = new boolean[8];
    private final NamespaceScope namespaces = new NamespaceScope();
    private final CommonCell common = new CommonCell();
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
        attributes.clear();
        while (true) {
            if (!ensure(1)) {
                return endOfInput();
            }
            if (buf[pos] != '<' || startsWith("<![CDATA[")) {
                if (readText()) {
                    return XMLStreamConstants.CHARACTERS;
                }
            } else {
                int event = markup();
                if (event != 0) {
                    return event;
                }
            }
        }
    }

    /** The local name of the current element (start or end). */
    String name() {
        return name;
    }

    /** The current text event's characters, valid up to {@link #textLength()} until the next event. */
    char[] textChars() {
        return text;
    }

    int textLength() {
        return textLength;
    }

    /** Number of attributes of the current start tag (namespace declarations are not attributes). */
    int attributeCount() {
        return attributes.count();
    }

    String attributeLocalName(int i) {
        return attributes.localName(buf, i);
    }

    /** Whether the i-th attribute's local name is that name. */
    boolean attributeIs(int i, String local) {
        return attributes.localIs(buf, i, local);
    }

    /** The namespace URI of the i-th attribute, or null for an unprefixed one. */
    String attributeNamespace(int i) {
        return attributes.namespace(i);
    }

    /** The value of the i-th attribute, references decoded and white space normalized. */
    String attributeValue(int i) {
        return attributes.value(buf, i);
    }

    /** Appends the value of the i-th attribute to out. */
    void attributeValueInto(int i, CharSlice out) {
        attributes.valueInto(buf, i, out);
    }

    // ---- the cell shortcut ----------------------------------------------------------------------

    /**
     * Reads, in one step, a whole cell of the shape that fills sheets, if one comes next (after blank
     * text): see {@link CommonCell} for the shape. For anything else it returns 0 with nothing
     * consumed, and the events are read one by one: the shortcut takes only documents on which they
     * give the same cell, so it changes no reading and no refusal.
     *
     * @return 0, or {@link CommonCell#CELL} with {@link CommonCell#REF}, {@link CommonCell#TYPE} and
     *         {@link CommonCell#VALUE} for what the cell had; ref, type and value then hold those (cleared when absent)
     */
    int cell(CharSlice ref, CharSlice type, CharSlice value) throws IOException {
        // Two levels more (c, v) must fit under MAX_DEPTH, as the event-by-event reading would require.
        if (pendingEnd || done || depth + 2 > MAX_DEPTH) {
            return 0;
        }
        if (lim - pos < CommonCell.WINDOW) {
            ensure(CommonCell.WINDOW); // near the part's end fewer come; a cell running past lim is not taken
        }
        int found = common.match(buf, pos, lim);
        if (found == 0) {
            return 0;
        }
        common.copy(buf, ref, type, value);
        pos = common.end();
        attributes.clear();
        name = "c";
        return found;
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
            comment();
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
        int nameEnd = scanName(start, end);
        int colon = colonOf(start, nameEnd);
        String qname = intern(start, nameEnd);
        String local = colon < 0 ? qname : intern(colon + 1, nameEnd);
        int p = nameEnd;
        int nsMark = namespaces.mark();
        boolean empty = false;
        while (true) {
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
            if (attributes.count() == MAX_ATTRIBUTES) {
                throw error("more than " + MAX_ATTRIBUTES + " attributes in <" + qname + ">");
            }
            p = attribute(q, end, qname);
        }
        resolveNamespaces(qname, colon < 0 ? null : new String(buf, start, colon - start));
        push(qname, local, nsMark);
        rootSeen = true;
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
        for (; buf[to] != quote; to++) {
            char c = buf[to];
            if (c == '<') {
                throw error("'<' in an attribute value of <" + element + ">");
            }
            if (c == '&' || c < 0x20 || c >= 0xFFFE) {
                plain = false;
            }
        }
        attributes.add(q, nameEnd, colonOf(q, nameEnd), from, to, plain ? null : decodeAttribute(from, to));
        return to + 1;
    }

    // Applies the tag's xmlns declarations, then resolves and checks the element's and attributes' prefixes.
    private void resolveNamespaces(String qname, String elementPrefix) throws IOException {
        int n = attributes.count();
        if (keep.length < n) {
            keep = new boolean[n * 2];
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                if (attributes.sameQname(buf, i, j)) {
                    throw error("the attribute " + attributes.qname(buf, i) + " twice in <" + qname + ">");
                }
            }
            String prefix = attributes.prefix(buf, i);
            keep[i] = true;
            if (prefix == null && attributes.localIs(buf, i, "xmlns")) {
                keep[i] = false;
                bind("", attributes.value(buf, i));
            } else if ("xmlns".equals(prefix)) {
                keep[i] = false;
                bind(attributes.localName(buf, i), attributes.value(buf, i));
            }
        }
        attributes.retain(keep);
        if (elementPrefix != null) {
            uri(elementPrefix, qname);
        }
        for (int i = 0; i < attributes.count(); i++) {
            String prefix = attributes.prefix(buf, i);
            if (prefix != null) {
                attributes.namespace(i, uri(prefix, qname));
            }
            for (int j = 0; j < i; j++) {
                if (attributes.sameExpandedName(buf, i, j)) {
                    throw error("two attributes of the same name and namespace in <" + qname + ">");
                }
            }
        }
    }

    private void bind(String prefix, String uri) throws IOException {
        if (!namespaces.bind(prefix, uri)) {
            throw error("the namespace declaration xmlns" + (prefix.isEmpty() ? "" : ":" + prefix) + "=\""
                    + WorkbookRels.shorten(uri) + "\"");
        }
    }

    // The URI a prefix is bound to here; an unbound prefix is an error.
    private String uri(String prefix, String element) throws IOException {
        String uri = namespaces.uri(prefix);
        if (uri == null) {
            throw error("the prefix \"" + prefix + ":\" in <" + element + "> is not bound to a namespace");
        }
        return uri;
    }

    private int endTag() throws IOException {
        int end = tagEnd();
        int start = pos + 2;
        int p = scanName(start, end);
        // The name is made a String only for a message: end tags are half of a sheet's markup.
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
        namespaces.reset(nsMarks[depth]);
        attributes.clear();
        return XMLStreamConstants.END_ELEMENT;
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
        name = local;
    }

    // "<!--": a comment, skipped; any other "<!" (CDATA is text, read elsewhere) is a DTD declaration, refused.
    private void comment() throws IOException {
        if (!startsWith("<!--")) {
            throw new DoctypeError();
        }
        int end = find("-->", pos + 4);
        for (int i = pos + 4; i < end; i++) {
            checkChar(buf[i]);
            if (buf[i] == '-' && buf[i + 1] == '-') {
                throw error("'--' inside a comment");
            }
        }
        pos = end + 3;
    }

    private void processingInstruction() throws IOException {
        int end = find("?>", pos + 2);
        int p = scanName(pos + 2, end);
        if (p - pos - 2 == 3 && (buf[pos + 2] | 0x20) == 'x' && (buf[pos + 3] | 0x20) == 'm' && (buf[pos + 4] | 0x20) == 'l') {
            if (consumed + pos != 0 || buf[pos + 2] != 'x' || buf[pos + 3] != 'm' || buf[pos + 4] != 'l') {
                throw error("an XML declaration that is not at the start of the part");
            }
            String problem = XmlDeclaration.problem(buf, p, end);
            if (problem != null) {
                throw error("the XML declaration: " + problem);
            }
        } else if (p != end && !XmlChars.isSpace(buf[p])) {
            throw error("a processing instruction without a space after its target");
        }
        for (int i = p; i < end; i++) {
            checkChar(buf[i]);
        }
        pos = end + 2;
    }

    // ---- text ---------------------------------------------------------------------------------

    // Reads character data and CDATA sections up to the next other markup; true if it is an event.
    private boolean readText() throws IOException {
        textLength = 0;
        boolean blank = true;
        while (true) {
            int from = pos;
            int i = pos;
            while (i < lim) {
                char c = buf[i];
                if (c == '<' || c == '&' || c == ']' || (c < 0x20 && c != '\n' && c != '\t') || c >= 0xFFFE) {
                    break;
                }
                blank &= c == ' ' || c == '\n' || c == '\t';
                i++;
            }
            if (i > from) {
                appendText(buf, from, i - from);
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
                if (!startsWith("<![CDATA[")) {
                    break;
                }
                cdata();
                blank = false;
            } else if (c == '&') {
                reference();
                blank = false;
            } else if (c == '\r') {
                appendChar('\n');
                pos++;
                if (ensure(1) && buf[pos] == '\n') {
                    pos++;
                }
            } else if (c == ']') {
                if (ensure(3) && buf[pos + 1] == ']' && buf[pos + 2] == '>') {
                    throw error("']]>' in text");
                }
                appendChar(c);
                pos++;
                blank = false;
            } else {
                checkChar(c);
                appendChar(c);
                pos++;
            }
        }
        if (depth == 0) {
            if (!blank) {
                throw error(rootSeen ? "text after the root element" : "text before the root element");
            }
            return false;
        }
        return true;
    }

    // At "<![CDATA[": appends its content, line ends normalized.
    private void cdata() throws IOException {
        if (depth == 0) {
            throw error("a CDATA section outside the root element");
        }
        int end = find("]]>", pos + 9);
        for (int i = pos + 9; i < end; i++) {
            char c = buf[i];
            if (c == '\r') {
                appendChar('\n');
                if (i + 1 < end && buf[i + 1] == '\n') {
                    i++;
                }
            } else {
                checkChar(c);
                appendChar(c);
            }
        }
        pos = end + 3;
    }

    // At '&' in text: appends the character it stands for.
    private void reference() throws IOException {
        int k = 1;
        while (true) {
            if (k > MAX_REFERENCE || !ensure(k + 1)) {
                throw error("an unterminated reference");
            }
            if (buf[pos + k] == ';') {
                break;
            }
            k++;
        }
        int cp = referenced(pos + 1, pos + k);
        if (Character.isSupplementaryCodePoint(cp)) {
            appendChar(Character.highSurrogate(cp));
            appendChar(Character.lowSurrogate(cp));
        } else {
            appendChar((char) cp);
        }
        pos += k + 1;
    }

    private int referenced(int from, int to) throws IOException {
        int cp = XmlChars.reference(buf, from, to);
        if (cp < 0) {
            String ref = "&" + WorkbookRels.shorten(new String(buf, from, to - from)) + ";";
            throw error(buf[from] == '#' ? "the character reference " + ref + ", which is not an XML character"
                    : "the entity " + ref + " (only XML's five are allowed; sheetnet reads no DTD)");
        }
        return cp;
    }

    // An attribute value with references or white space to normalize (XML 1.0, 3.3.3).
    private String decodeAttribute(int from, int to) throws IOException {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = buf[i];
            if (c == '&') {
                int semi = i + 1;
                while (semi < to && buf[semi] != ';') {
                    semi++;
                }
                if (semi >= to || semi - i > MAX_REFERENCE) {
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

    private void appendText(char[] from, int start, int n) throws IOException {
        if (textLength + n > MAX_TOKEN) {
            throw new TooLong();
        }
        if (textLength + n > text.length) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, textLength + n));
        }
        System.arraycopy(from, start, text, textLength, n);
        textLength += n;
    }

    private void appendChar(char c) throws IOException {
        if (textLength == text.length) {
            if (textLength >= MAX_TOKEN) {
                throw new TooLong();
            }
            text = Arrays.copyOf(text, text.length * 2);
        }
        text[textLength++] = c;
    }

    // ---- names --------------------------------------------------------------------------------

    // A name from p: returns where it ends; refuses an empty or ill-formed one (one colon at most, inside).
    private int scanName(int p, int end) throws IOException {
        int i = p;
        if (i >= end || !XmlChars.isNameStart(buf[i])) {
            throw error("a missing or ill-formed name");
        }
        i++;
        while (i < end && XmlChars.isNameChar(buf[i])) {
            i++;
        }
        int colon = colonOf(p, i);
        if (colon >= 0 && (colon == p || colon == i - 1 || colonOf(colon + 1, i) >= 0
                || !XmlChars.isNameStart(buf[colon + 1]))) {
            throw error("the name \"" + WorkbookRels.shorten(new String(buf, p, i - p)) + "\"");
        }
        // As the JDK's parser counts: the prefix and the local part each.
        if ((colon < 0 ? i - p : Math.max(colon - p, i - colon - 1)) > MAX_NAME) {
            throw error("a name longer than " + MAX_NAME + " characters");
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

    // ---- the buffer ---------------------------------------------------------------------------

    // The index of the '>' that ends the tag at pos (outside quotes), with the whole tag then in buf.
    private int tagEnd() throws IOException {
        int offset = 1;
        char quote = 0;
        while (true) {
            if (pos + offset >= lim && !ensure(offset + 1)) {
                throw error("the part ends inside a tag");
            }
            char c = buf[pos + offset];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return pos + offset;
            } else if (c == '<') {
                throw error("'<' inside a tag");
            }
            offset++;
        }
    }

    // The index at which `end` next occurs, from `from`, with everything up to it then in buf.
    private int find(String end, int from) throws IOException {
        int offset = from - pos;
        while (true) {
            if (pos + offset + end.length() > lim && !ensure(offset + end.length())) {
                throw error("the part ends inside a comment, CDATA section or processing instruction");
            }
            int i = pos + offset;
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
        while (p < end && XmlChars.isSpace(buf[p])) {
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

    private void checkChar(char c) throws IOException {
        if (XmlChars.isForbidden(c)) {
            throw error(String.format("the character U+%04X, which XML does not allow", (int) c));
        }
    }

    private IOException error(String what) {
        return new IOException(what + " (at character " + (consumed + pos) + ")");
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
