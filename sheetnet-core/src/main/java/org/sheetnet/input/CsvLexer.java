package org.sheetnet.input;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Arrays;
import java.util.Locale;
import org.sheetnet.SheetnetException;

/**
 * Splits CSV text into records and fields (RFC 4180, as Excel writes it), without an object per
 * record: an unquoted field stays a range of the reader's buffer until it is asked for.
 *
 * <p>A quote opens a quoted field at the start of a field (after spaces); inside one, {@code ""} is
 * a quote and line breaks belong to the field; after its closing quote only spaces may come before
 * the separator. A quote inside an unquoted field is an ordinary character. {@code \r\n}, {@code \n}
 * and {@code \r} end a record. A record longer than {@link BoundedCsvReader#MAX_RECORD_CHARS} is
 * refused before it is held, naming the line where it (or its open quote) started, so a quote that
 * never closes cannot fill the heap.
 */
final class CsvLexer {

    private static final int BUFFER = 1 << 16;

    private final Reader in;
    private final String file;
    private final int limit;
    private char separator = ',';
    private char[] buf = new char[BUFFER];
    private int pos;
    private int end;
    private boolean eof;
    private long line = 1;
    private long recordLine;
    private long quoteLine;
    private boolean inQuoted;
    private int recordStart;
    // Field k of the current record: buf[recordStart + starts[k], recordStart + ends[k]), or quoted[k] when not null.
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private String[] quoted = new String[64];
    private int fields;

    /**
     * @param in    the decoded text
     * @param file  the file's name, for messages
     * @param limit the longest record accepted, in characters
     */
    CsvLexer(Reader in, String file, int limit) {
        this.in = in;
        this.file = file;
        this.limit = limit;
    }

    /** The start of the text (up to 64 K characters), before any record is read: to detect the separator. */
    String peek() {
        fill(BUFFER);
        return new String(buf, pos, end - pos);
    }

    /** Whether the text has been read to its end (so {@link #peek} gave all of it). */
    boolean ended() {
        return eof;
    }

    /** Sets the field separator. */
    void separator(char c) {
        separator = c;
    }

    /** Reads the next record; false after the last. */
    boolean next() {
        if (pos == end && !fill(1)) {
            return false;
        }
        recordStart = pos;
        recordLine = line;
        fields = 0;
        while (true) {
            boolean more = field();
            if (!more) {
                return true;
            }
        }
    }

    /** Number of fields of the record. */
    int size() {
        return fields;
    }

    /** The line the record starts on, from 1. */
    long line() {
        return recordLine;
    }

    /** The buffer holding unquoted fields; valid until the next call of {@link #next}. */
    char[] chars() {
        return buf;
    }

    /** Where field k starts in {@link #chars()}, or -1 when it was quoted (see {@link #quoted}). */
    int start(int k) {
        return quoted[k] != null ? -1 : recordStart + starts[k];
    }

    /** Where field k ends in {@link #chars()}. */
    int end(int k) {
        return recordStart + ends[k];
    }

    /** The content of a quoted field k, or null when it was not quoted. */
    String quoted(int k) {
        return quoted[k];
    }

    /** Field k as text, trimmed. */
    String text(int k) {
        return quoted[k] != null ? quoted[k].trim() : new String(buf, start(k), end(k) - start(k)).trim();
    }

    // Reads one field and its separator or line break; false when it ended the record.
    private boolean field() {
        skipBlanks();
        if ((pos < end || fill(1)) && buf[pos] == '"') {
            return quotedField();
        }
        int from = pos - recordStart;
        while (!scanToDelimiter()) {
            if (!fill(1)) {
                add(from, pos - recordStart, null);
                return false;
            }
        }
        add(from, pos - recordStart, null);
        if (buf[pos] == separator) {
            pos++;
            return true;
        }
        lineBreak();
        return false;
    }

    // The hot loop: moves pos to the next separator or line break in the buffer; false if the buffer ran out first.
    private boolean scanToDelimiter() {
        char[] b = buf;
        char sep = separator;
        int p = pos;
        int e = end;
        while (p < e) {
            char c = b[p];
            if (c == sep || c == '\n' || c == '\r') {
                pos = p;
                return true;
            }
            p++;
        }
        pos = p;
        return false;
    }

    private void skipBlanks() {
        while ((pos < end || fill(1)) && (buf[pos] == ' ' || buf[pos] == '\t') && buf[pos] != separator) {
            pos++;
        }
    }

    private boolean quotedField() {
        quoteLine = line;
        inQuoted = true;
        pos++;
        StringBuilder text = new StringBuilder();
        while (true) {
            if (pos == end && !fill(1)) {
                throw SheetnetException.file(file + ": line " + quoteLine + ": the quote opened here never closes;"
                        + " is a quote missing, or is this not a CSV file?", null);
            }
            char c = buf[pos++];
            if (c == '"') {
                if ((pos < end || fill(1)) && buf[pos] == '"') {
                    text.append('"');
                    pos++;
                    continue;
                }
                inQuoted = false;
                break;
            }
            if (c == '\n' || (c == '\r' && !((pos < end || fill(1)) && buf[pos] == '\n'))) {
                line++;
            }
            text.append(c);
        }
        add(0, 0, text.toString());
        skipBlanks();
        if (pos == end && !fill(1)) {
            return false;
        }
        char c = buf[pos];
        if (c == separator) {
            pos++;
            return true;
        }
        if (c == '\n' || c == '\r') {
            lineBreak();
            return false;
        }
        throw SheetnetException.file(file + ": line " + line + ": text after the closing quote of field " + fields
                + " ('" + c + "'); a quote inside a quoted field is written twice (\"\")", null);
    }

    private void lineBreak() {
        char c = buf[pos++];
        if (c == '\r' && (pos < end || fill(1)) && buf[pos] == '\n') {
            pos++;
        }
        line++;
    }

    private void add(int from, int to, String text) {
        if (fields == starts.length) {
            starts = Arrays.copyOf(starts, fields * 2);
            ends = Arrays.copyOf(ends, fields * 2);
            quoted = Arrays.copyOf(quoted, fields * 2);
        }
        starts[fields] = from;
        ends[fields] = to;
        quoted[fields] = text;
        fields++;
    }

    // Makes at least `wanted` characters available from pos, keeping the current record; false if none is left.
    private boolean fill(int wanted) {
        if (end - pos >= wanted || eof) {
            return pos < end;
        }
        if (recordStart > 0) {
            // The record read so far moves to the front: offsets within it stay valid.
            System.arraycopy(buf, recordStart, buf, 0, end - recordStart);
            pos -= recordStart;
            end -= recordStart;
            recordStart = 0;
        }
        try {
            while (end - pos < wanted) {
                if (end == buf.length) {
                    grow();
                }
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    eof = true;
                    break;
                }
                end += n;
            }
        } catch (CharacterCodingException e) {
            throw SheetnetException.file(file + ": line " + line + ": bytes that are not text in the file's encoding"
                    + " (" + e.getMessage() + "); save it from Excel as \"CSV UTF-8\"", e);
        } catch (IOException e) {
            throw SheetnetException.file(file + ": cannot be read: " + e.getMessage(), e);
        }
        return pos < end;
    }

    // The buffer is full with the current record: doubled, up to the longest record accepted.
    private void grow() {
        if (end - recordStart > limit) {
            throw SheetnetException.file(file + ": line " + recordLine + ": a record longer than "
                    + String.format(Locale.ROOT, "%,d", limit) + " characters" + (inQuoted
                    ? " (the quote opened on line " + quoteLine + " never closes)" : " (no line break)")
                    + "; is this a CSV file?", null);
        }
        buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, (long) limit + 2));
    }
}
