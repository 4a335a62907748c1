package org.sheetnet.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes one output sheet as a CSV file (RFC 4180, UTF-8, CRLF). Numbers are written with
 * {@link NumberText}, which reads back as the same double. Text that a spreadsheet would take
 * for a formula when opening the file (starting with = + - @) is prefixed with an apostrophe, the
 * usual guard against formula injection; formulas themselves are written as their values.
 */
final class CsvSheetSink implements SheetSink {

    private final Writer out;
    private int next;
    private int col;

    /** @param file the opened file; closed by {@link #finish} */
    CsvSheetSink(OutputStream file) {
        this.out = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 1 << 16);
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

    private void moveTo(int c) {
        try {
            for (; col < c; col++) {
                out.write(',');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(int c, String field) {
        if (col > c) {
            throw new IllegalStateException("cells out of order");
        }
        moveTo(c);
        try {
            out.write(field);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void number(int c, double value) {
        write(c, NumberText.of(value));
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
        try {
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the file. */
    void finish() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
