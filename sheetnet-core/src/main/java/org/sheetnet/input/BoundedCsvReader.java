package org.sheetnet.input;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import org.sheetnet.SheetnetException;

/**
 * A reader that refuses a CSV record longer than a limit, before the CSV parser holds it in memory.
 *
 * <p>A quote that never closes makes the rest of the file one field, and a file without line
 * breaks is one record; either would be read whole into memory by the parser. This filter follows
 * the record structure as the parser sees it (RFC 4180: a quote opens a quoted field only at the
 * start of a field, {@code ""} inside one is a quote, line breaks inside one belong to the field)
 * and counts the characters of the current record. Past the limit it throws one message naming
 * the file and the line where the record, or its open quote, started.
 */
public final class BoundedCsvReader extends FilterReader {

    /** Longest record accepted, in characters: far above any real row, far below the heap. */
    public static final int MAX_RECORD_CHARS = 4_000_000;

    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_SEEN }

    private final String file;
    private final char delimiter;
    private final int limit;
    private final boolean blanksBeforeQuote;
    private State state = State.FIELD_START;
    private long line = 1;
    private long recordLine = 1;
    private long quoteLine;
    private long recordChars;
    private boolean afterCarriageReturn;

    /**
     * @param in        the text, already decoded
     * @param file      the file's name, for the message
     * @param delimiter the field separator
     * @param limit     the longest record accepted, in characters
     * @param blanksBeforeQuote whether a quote after spaces or tabs still opens a quoted field, as when
     *                  the parser ignores surrounding spaces ({@code CSVFormat.Builder.setIgnoreSurroundingSpaces})
     */
    public BoundedCsvReader(Reader in, String file, char delimiter, int limit, boolean blanksBeforeQuote) {
        super(in);
        this.file = file;
        this.delimiter = delimiter;
        this.limit = limit;
        this.blanksBeforeQuote = blanksBeforeQuote;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
            follow((char) c);
        }
        return c;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
            follow(buffer[offset + i]);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readAheadLimit) throws IOException {
        throw new IOException("mark not supported");
    }

    private void follow(char c) {
        boolean lineBreak = c == '\r' || c == '\n';
        // "\r\n" is one line break, for line numbers as for records.
        if (lineBreak && !(c == '\n' && afterCarriageReturn)) {
            line++;
        }
        afterCarriageReturn = c == '\r';
        state = next(state, c, lineBreak);
        if (lineBreak && state == State.FIELD_START) {
            recordChars = 0;
            recordLine = line;
            return;
        }
        if (++recordChars > limit) {
            throw SheetnetException.file(file + ": line " + recordLine + ": a record longer than "
                    + String.format(java.util.Locale.ROOT, "%,d", limit) + " characters"
                    + (state == State.QUOTED ? " (the quote opened on line " + quoteLine + " never closes)"
                            : " (no line break)") + "; is this a CSV file?", null);
        }
    }

    private State next(State current, char c, boolean lineBreak) {
        return switch (current) {
            case FIELD_START -> {
                if (c == '"') {
                    quoteLine = line;
                    yield State.QUOTED;
                }
                boolean blank = c == ' ' || c == '\t';
                yield c == delimiter || lineBreak || blank && blanksBeforeQuote ? State.FIELD_START : State.UNQUOTED;
            }
            case UNQUOTED -> c == delimiter || lineBreak ? State.FIELD_START : State.UNQUOTED;
            case QUOTED -> c == '"' ? State.QUOTE_SEEN : State.QUOTED;
            case QUOTE_SEEN -> c == '"' ? State.QUOTED : c == delimiter || lineBreak ? State.FIELD_START : State.UNQUOTED;
        };
    }
}
