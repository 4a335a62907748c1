package org.sheetnet.io;

import java.io.BufferedReader;
import java.io.IOException;
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

/**
 * Input rows from a CSV file (RFC 4180, as Excel saves it): comma- or semicolon-separated, UTF-8
 * with or without a byte-order mark, the first record the header. A field is a number when it is
 * a plain decimal such as {@code -1.5e3}; anything else is text, and a blank field is empty.
 */
public final class CsvRowSource implements RowSource {

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
        try {
            this.total = Math.max(1, Files.size(file));
            this.counted = new CountingInputStream(Files.newInputStream(file));
            BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(counted, StandardCharsets.UTF_8), 1 << 16);
            reader.mark(4096);
            String firstLine = reader.readLine();
            reader.reset();
            if (firstLine != null && firstLine.startsWith("\uFEFF")) {
                reader.skip(1);
            }
            char delimiter = firstLine != null && firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
            this.parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true)
                    .get().parse(reader);
            this.records = parser.iterator();
            if (!records.hasNext()) {
                throw SheetnetException.input(file + ": no header row; a CSV input needs a header, then one row per case");
            }
            this.header = readHeader(records.next());
        } catch (IOException | UncheckedIOException e) {
            throw SheetnetException.file(file + ": cannot be read: " + e.getMessage(), e);
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
