package org.sheetnet.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.files.WorkbookFiles;
import org.sheetnet.sheet.CellRef;

/**
 * Input rows from a CSV file as any Excel saves it (RFC 4180): the first record the header. The
 * encoding (UTF-8 or UTF-16 with a byte-order mark, UTF-8, Windows-1252), the separator (comma,
 * semicolon or tab) and the decimal mark ({@code 5.84} or {@code 5,84}, thousands grouped or not)
 * are detected, or given by {@link CsvSettings}; see {@link NumberReading} for how a number is never
 * guessed. A field is a number when it is a decimal in the file's notation; anything else is text,
 * and a blank field is empty.
 */
public final class CsvRowSource implements RowSource {

    /** Records looked at before the first row is read, to detect the decimal mark, at most. */
    static final int LOOK_AHEAD_RECORDS = 1000;
    private static final int LOOK_AHEAD_FIELDS = 200_000;

    private final Path file;
    private final String name;
    private final CountingInputStream counted;
    private final long total;
    private final CsvLexer lexer;
    private final CsvEncoding encoding;
    private final String separator;
    private final List<String> header;
    private final NumberReading numbers;
    /** Records read ahead to detect the decimal mark, as trimmed text, each with its line first. */
    private final ArrayDeque<Object[]> ahead = new ArrayDeque<>();
    private int skipped;

    /** Opens a CSV file, everything about its dialect detected; see {@link #CsvRowSource(Path, CsvSettings)}. */
    public CsvRowSource(Path file) {
        this(file, CsvSettings.DETECT);
    }

    /**
     * Opens a CSV file, reads its header and looks at its first rows.
     *
     * @param settings what the user said about the separator and numbers; the rest is detected
     * @throws SheetnetException (FILE) if it cannot be read, (INPUT) if it has no header, or its separator
     *                           or decimal mark cannot be told
     */
    public CsvRowSource(Path file, CsvSettings settings) {
        WorkbookFiles.requireReadable(file);
        this.file = file;
        this.name = file.getFileName().toString();
        CountingInputStream stream = null;
        try {
            this.total = Math.max(1, Files.size(file));
            stream = new CountingInputStream(Files.newInputStream(file));
            this.counted = stream;
            BufferedInputStream bytes = new BufferedInputStream(stream, CsvEncoding.PEEK);
            this.encoding = CsvEncoding.detect(bytes);
            this.lexer = new CsvLexer(encoding.reader(bytes), name, BoundedCsvReader.MAX_RECORD_CHARS);
            String head = lexer.peek();
            char sep = settings.separator().orElseGet(() -> CsvSeparator.detect(head, lexer.ended(), name));
            this.separator = CsvSeparator.name(sep) + (settings.separator().isPresent() ? " (--csv-separator)" : " (detected)");
            lexer.separator(sep);
            if (!lexer.next()) {
                throw SheetnetException.input(file + ": no header row; a CSV input needs a header, then one row per case");
            }
            this.header = readHeader();
            this.numbers = new NumberReading(settings, (line, column) -> locate((int) line, column));
            lookAhead();
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(stream);
            throw SheetnetException.file(file + ": cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(stream);
            throw e;
        }
    }

    private static void closeQuietly(CountingInputStream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (IOException e) {
                // Already failing with a better message.
            }
        }
    }

    private List<String> readHeader() {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < lexer.size(); c++) {
            String v = lexer.text(c);
            names.add(v.isEmpty() ? CellRef.columnName(c) : v);
        }
        return Collections.unmodifiableList(names);
    }

    // The first rows are read ahead until one decides the decimal mark: a field read two ways before it is refused.
    private void lookAhead() {
        int fields = 0;
        while (!numbers.decided() && ahead.size() < LOOK_AHEAD_RECORDS && fields < LOOK_AHEAD_FIELDS && lexer.next()) {
            Object[] record = new Object[lexer.size() + 1];
            record[0] = lexer.line();
            for (int c = 0; c < lexer.size(); c++) {
                String text = lexer.text(c);
                record[c + 1] = text;
                numbers.look(text.toCharArray(), 0, text.length(), lexer.line(), c);
            }
            fields += lexer.size();
            ahead.add(record);
        }
        numbers.endLook();
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public InputRow next() {
        while (!ahead.isEmpty() || lexer.next()) {
            Object[] record = ahead.poll();
            long line = record != null ? (Long) record[0] : lexer.line();
            int size = record != null ? record.length - 1 : lexer.size();
            InputRow row = new InputRow((int) line, header.size());
            boolean blank = true;
            for (int c = 0; c < size; c++) {
                boolean stored = record != null ? store((String) record[c + 1], line, c, row) : store(c, line, row);
                if (stored && c >= header.size()) {
                    throw SheetnetException.input(name + ":" + line + ": " + size + " fields, but the header has "
                            + header.size());
                }
                blank &= !stored;
            }
            if (!blank) {
                return row;
            }
            skipped++;
        }
        return null;
    }

    // Field c of the lexer's record into the row: a number unboxed, or the trimmed text; read where it lies in the
    // buffer. False when the field is blank. A field beyond the header is not stored (the caller refuses it).
    private boolean store(int c, long line, InputRow row) {
        String quoted = lexer.quoted(c);
        if (quoted != null) {
            return store(quoted.trim(), line, c, row);
        }
        char[] chars = lexer.chars();
        int from = lexer.start(c);
        int to = lexer.end(c);
        while (from < to && chars[from] <= ' ') {
            from++;
        }
        while (to > from && chars[to - 1] <= ' ') {
            to--;
        }
        if (from == to) {
            return false;
        }
        double v = numbers.read(chars, from, to, line, c);
        put(row, c, v, Double.isNaN(v) ? new String(chars, from, to - from) : null);
        return true;
    }

    private boolean store(String text, long line, int c, InputRow row) {
        if (text.isEmpty()) {
            return false;
        }
        put(row, c, numbers.read(text, line, c), text);
        return true;
    }

    // A field read as v (NaN: not a number) into the row, its text when it is not a number; nothing beyond
    // the header.
    private static void put(InputRow row, int c, double v, String text) {
        if (c >= row.size()) {
            return;
        }
        if (Double.isNaN(v)) {
            row.set(c, text);
        } else {
            row.setNumber(c, v);
        }
    }

    /**
     * How the file's text was read, for the Audit: encoding, separator, decimal mark and thousands
     * separators, each detected or given by an option.
     */
    @Override
    public Optional<String> reading() {
        return Optional.of(encoding.description() + "; separator " + separator + "; " + numbers.describe());
    }

    @Override
    public String locate(int line, int col) {
        return name + ":" + line + " column " + CellRef.columnName(col) + (col < header.size() ? " (" + header.get(col) + ")" : "");
    }

    @Override
    public String locateRow(int line) {
        return name + ":" + line;
    }

    @Override
    public double fractionRead() {
        return Math.min(1, (double) counted.count() / total);
    }

    @Override
    public int skippedBlankRows() {
        return skipped;
    }

    @Override
    public void close() {
        try {
            counted.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
