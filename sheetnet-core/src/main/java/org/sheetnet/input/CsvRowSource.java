package org.sheetnet.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sheetnet.SheetnetException;
import org.sheetnet.files.WorkbookFiles;
import org.sheetnet.sheet.CellRef;

/**
 * Input rows from a CSV file (RFC 4180, as Excel saves it): comma- or semicolon-separated, UTF-8
 * with or without a byte-order mark, the first record the header. A field is a number when it is
 * a plain decimal such as {@code -1.5e3}; anything else is text, and a blank field is empty.
 */
public final class CsvRowSource implements RowSource {

    private static final int PEEK = 4096;

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final long total;
    private final CountingInputStream counted;
    private int skipped;

    /**
     * Opens a CSV file and reads its header.
     *
     * @throws SheetnetException (FILE) if it cannot be read, (INPUT) if it has no header
     */
    public CsvRowSource(Path file) {
        WorkbookFiles.requireReadable(file);
        this.file = file;
        CountingInputStream stream = null;
        try {
            this.total = Math.max(1, Files.size(file));
            stream = new CountingInputStream(Files.newInputStream(file));
            this.counted = stream;
            BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16);
            String head = peek(reader);
            if (head.startsWith("\uFEFF")) {
                reader.skip(1);
            }
            char delimiter = delimiter(head);
            Reader bounded = new BoundedCsvReader(reader, file.getFileName().toString(), delimiter,
                    BoundedCsvReader.MAX_RECORD_CHARS, true);
            this.parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                    .get().parse(bounded);
            this.records = parser.iterator();
            if (!records.hasNext()) {
                throw SheetnetException.input(file + ": no header row; a CSV input needs a header, then one row per case");
            }
            this.header = readHeader(records.next());
        } catch (IOException | UncheckedIOException e) {
            closeQuietly(stream);
            throw SheetnetException.file(file + ": cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(stream);
            throw e;
        }
    }

    // The start of the file, without consuming it: enough to see a byte-order mark and the separator,
    // and never more, whatever the length of the first line.
    private static String peek(BufferedReader reader) throws IOException {
        char[] head = new char[PEEK];
        reader.mark(PEEK);
        int n = reader.read(head, 0, PEEK);
        reader.reset();
        return n <= 0 ? "" : new String(head, 0, n);
    }

    // Semicolons (as Excel writes CSV in locales with a decimal comma) when the first line has them and no comma.
    private static char delimiter(String head) {
        int end = 0;
        while (end < head.length() && head.charAt(end) != '\n' && head.charAt(end) != '\r') {
            end++;
        }
        String firstLine = head.substring(0, end);
        return firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
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

    private static List<String> readHeader(CSVRecord record) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < record.size(); c++) {
            String v = record.get(c).trim();
            names.add(v.isEmpty() ? CellRef.columnName(c) : v);
        }
        return Collections.unmodifiableList(names);
    }

    /** A field's value: a Double for a plain decimal, null for blank, otherwise the text. */
    static Object parse(String field) {
        String t = field.trim();
        if (t.isEmpty()) {
            return null;
        }
        return PlainDecimal.matches(t) ? (Object) Double.valueOf(t) : t;
    }

    @Override
    public String describe() {
        return file.getFileName().toString();
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public InputRow next() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                Object[] values = new Object[header.size()];
                boolean blank = true;
                for (int c = 0; c < record.size(); c++) {
                    Object v = parse(record.get(c));
                    if (c < values.length) {
                        values[c] = v;
                    } else if (v != null) {
                        throw SheetnetException.input(file.getFileName() + ":" + parser.getCurrentLineNumber()
                                + ": " + record.size() + " fields, but the header has " + header.size());
                    }
                    blank &= v == null;
                }
                if (!blank) {
                    return new InputRow((int) parser.getCurrentLineNumber(), values);
                }
                skipped++;
            }
            return null;
        } catch (UncheckedIOException e) {
            throw SheetnetException.file(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public String locate(int line, int col) {
        return file.getFileName() + ":" + line + " column " + CellRef.columnName(col) + " (" + header.get(col) + ")";
    }

    @Override
    public String locateRow(int line) {
        return file.getFileName() + ":" + line;
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
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
