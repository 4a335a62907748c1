package org.sheetnet.xlsx;

import java.io.IOException;
import java.io.InputStream;
import org.sheetnet.SheetnetException;

/**
 * Watches the bytes of an XML part before the parser sees them and refuses, promptly and with one
 * line, what no spreadsheet needs but a hostile file uses to exhaust memory: a single text node,
 * tag (with its attributes), comment, CDATA section or processing instruction longer than
 * {@link #MAX_RUN} bytes, elements nested deeper than {@link #MAX_DEPTH}, and any DOCTYPE.
 *
 * <p>A parser holds a whole text node or comment in memory, so a 1 GB comment in a 2 MB zip would
 * otherwise end in OutOfMemoryError. The scan is a small state machine over the raw bytes (UTF-8,
 * where every byte of a multi-byte character is ≥ 0x80 and so never looks like markup; in UTF-16,
 * which Excel never writes, only the zero bytes of ASCII markup are skipped); a comment
 * may hold {@code <} and {@code >}, and an attribute value {@code >}, which the states account for.
 */
final class MarkupGuard extends InspectingStream {

    /** Longest text node, tag, comment, CDATA section or processing instruction, in bytes. */
    static final int MAX_RUN = 1 << 20;
    /** Deepest element nesting; a sheet needs five or six levels. */
    static final int MAX_DEPTH = 256;

    private enum State { TEXT, LT, BANG, TAG, QUOTED, COMMENT, CDATA, PI }

    private static final byte[] CDATA_OPEN = "[CDATA[".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final String file;
    private final String part;
    private State state = State.TEXT;
    private long run;
    private int depth;
    private int quote;
    private int bang;
    private boolean closing;
    private int prev1 = -1;
    private int prev2 = -1;

    MarkupGuard(InputStream in, String file, String part) {
        super(in);
        this.file = file;
        this.part = part;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        int n = in.read(buffer, off, len);
        for (int i = 0; i < n; i++) {
            scan(buffer[off + i] & 0xff);
        }
        return n;
    }

    private void scan(int b) {
        if (b == 0) {
            // Never part of UTF-8 XML; the high byte of an ASCII character in UTF-16, which is skipped
            // so that markup written in UTF-16 scans alike.
            return;
        }
        if (++run > MAX_RUN) {
            throw tooLong();
        }
        switch (state) {
            case TEXT -> {
                if (b == '<') {
                    state = State.LT;
                    run = 1;
                }
            }
            case LT -> afterLessThan(b);
            case BANG -> declaration(b);
            case TAG -> inTag(b);
            case QUOTED -> state = b == quote ? State.TAG : State.QUOTED;
            case COMMENT -> endsWith(b, '-', '-');
            case CDATA -> endsWith(b, ']', ']');
            case PI -> endsWith(b, '?', -1);
            default -> throw new IllegalStateException(state.name());
        }
        prev2 = prev1;
        prev1 = b;
    }

    private void afterLessThan(int b) {
        closing = b == '/';
        state = b == '!' ? State.BANG : b == '?' ? State.PI : State.TAG;
        bang = 0;
    }

    // After "<!": "--" opens a comment, "[CDATA[" a CDATA section; anything else is a DTD declaration.
    private void declaration(int b) {
        if (bang == 0 && b != '-' && b != '[') {
            throw SafeXml.doctype(file, part);
        }
        boolean comment = bang == 1 && prev1 == '-' && b == '-';
        boolean cdataSoFar = bang < CDATA_OPEN.length && b == CDATA_OPEN[bang];
        bang++;
        if (comment) {
            state = State.COMMENT;
        } else if (cdataSoFar && bang == CDATA_OPEN.length) {
            state = State.CDATA;
        } else if (!cdataSoFar && !(bang == 1 && b == '-')) {
            // Malformed; the parser will say so. Treat the rest as text.
            state = State.TEXT;
        }
    }

    private void inTag(int b) {
        if (b == '"' || b == '\'') {
            quote = b;
            state = State.QUOTED;
        } else if (b == '>') {
            if (closing) {
                depth--;
            } else if (prev1 != '/' && ++depth > MAX_DEPTH) {
                throw SheetnetException.file(file + ": " + part + " nests elements more than " + MAX_DEPTH
                        + " deep; no spreadsheet does, so sheetnet refuses it", null);
            }
            state = State.TEXT;
            run = 0;
        }
    }

    // Ends a comment ("-->"), CDATA ("]]>") or processing instruction ("?>") at '>'.
    private void endsWith(int b, int first, int second) {
        if (b == '>' && prev1 == first && (second < 0 || prev2 == second)) {
            state = State.TEXT;
            run = 0;
        }
    }

    private SheetnetException tooLong() {
        return SheetnetException.file(file + ": " + part + " holds a text, tag or comment longer than "
                + MAX_RUN / (1 << 20) + " MiB; a cell holds at most 32,767 characters, so sheetnet refuses it", null);
    }
}
