package org.sheetnet.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes one output sheet as a CSV file (RFC 4180, UTF-8, CRLF). Numbers are written with
 * {@link NumberText}, which reads back as the same double. Text that a spreadsheet would take
 * for a formula when opening the file (starting with = + - @) is prefixed with an apostrophe, the
 * usual guard against formula injection; formulas themselves are written as their values.
 */
final class CsvSheetSink implements SheetSink {

    private final TextOut out;
    private int next;
    private int col;

    /** @param file the opened file; closed by {@link #finish} */
    CsvSheetSink(OutputStream file) {
        this.out = new TextOut(file);
    }

    @Override
    public void startRow() {
        next++;
        col = 0;
    }

    @Override
    public int row() {
        return next - 1;
    }

    private void write(int c, String field) {
        separate(c);
        out.append(field);
    }

    // The commas up to column c.
    private void separate(int c) {
        if (col > c) {
            throw new IllegalStateException("cells out of order");
        }
        for (; col < c; col++) {
            out.append(',');
        }
    }

    @Override
    public void number(int c, double value) {
        separate(c);
        out.append(value);
    }

    @Override
    public void text(int c, String value) {
        write(c, quote(guard(value)));
    }

    @Override
    public void header(int c, String value) {
        text(c, value);
    }

    @Override
    public void bool(int c, boolean value) {
        write(c, value ? "TRUE" : "FALSE");
    }

    @Override
    public void formula(int c, String formula, double cached) {
        number(c, cached);
    }

    @Override
    public void formulaText(int c, String formula, String cached) {
        text(c, cached);
    }

    @Override
    public void endRow() {
        out.append('\r');
        out.append('\n');
    }

    /** Closes the file. */
    void finish() {
        out.close();
    }

    static String guard(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    static String quote(String text) {
        boolean plain = true;
        for (int i = 0; i < text.length() && plain; i++) {
            char ch = text.charAt(i);
            plain = ch != ',' && ch != '"' && ch != '\n' && ch != '\r';
        }
        if (plain && !text.isEmpty() && text.charAt(0) != ' ' && text.charAt(text.length() - 1) != ' ') {
            return text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /**
     * A byte buffer written 64 KB at a time: ASCII text (every number, most names) is copied in as it is,
     * other text encoded to UTF-8 one whole string at a time. A sink is written by one thread at a time,
     * so the lock BufferedWriter takes for every separator and number is not needed.
     */
    private static final class TextOut {

        private final OutputStream file;
        private final byte[] buffer = new byte[1 << 16];
        private int length;

        TextOut(OutputStream file) {
            this.file = file;
        }

        /** Appends an ASCII character: a separator or a line break. */
        void append(char c) {
            if (length == buffer.length) {
                flush();
            }
            buffer[length++] = (byte) c;
        }

        /** Appends a number's text, written straight into the buffer. */
        void append(double value) {
            if (length + NumberText.MAX_LENGTH > buffer.length) {
                flush();
            }
            length = NumberText.write(value, buffer, length);
        }

        void append(String text) {
            int n = text.length();
            if (length + n > buffer.length) {
                flush();
            }
            if (n <= buffer.length) {
                int start = length;
                for (int i = 0; i < n; i++) {
                    char c = text.charAt(i);
                    if (c >= 0x80) {
                        length = start;
                        appendEncoded(text);
                        return;
                    }
                    buffer[length++] = (byte) c;
                }
                return;
            }
            appendEncoded(text);
        }

        private void appendEncoded(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (length + bytes.length > buffer.length) {
                flush();
            }
            if (bytes.length > buffer.length) {
                write(bytes, bytes.length);
                return;
            }
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        private void flush() {
            write(buffer, length);
            length = 0;
        }

        private void write(byte[] bytes, int n) {
            try {
                file.write(bytes, 0, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            flush();
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
