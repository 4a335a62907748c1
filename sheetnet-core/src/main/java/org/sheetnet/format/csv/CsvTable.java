package org.sheetnet.format.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sheetnet.SheetnetException;
import org.sheetnet.input.BoundedCsvReader;
import org.sheetnet.files.WorkbookFiles;
import org.sheetnet.sheet.CellValues;

/**
 * The records of one CSV file of a parameter folder, with places for messages:
 * {@code W2.csv: line 3, column 4}.
 *
 * @param file    the file
 * @param records its records, the header first; a byte-order mark is dropped
 */
record CsvTable(Path file, List<List<String>> records) {

    /** Excel's limit on the text of one cell. */
    static final int MAX_CELL_CHARS = CellValues.MAX_TEXT_LENGTH;

    /**
     * Reads a whole file.
     *
     * @throws SheetnetException (FILE) if it is missing, empty or unreadable, (FILE) if a record is
     *                           longer than {@link BoundedCsvReader#MAX_RECORD_CHARS}
     */
    static CsvTable read(Path file) {
        WorkbookFiles.requireReadable(file);
        try (Reader reader = new BoundedCsvReader(Files.newBufferedReader(file, StandardCharsets.UTF_8),
                        file.getFileName().toString(), CsvModelFolder.FORMAT.getDelimiterString().charAt(0),
                        BoundedCsvReader.MAX_RECORD_CHARS, CsvModelFolder.FORMAT.getIgnoreSurroundingSpaces());
                CSVParser parser = CsvModelFolder.FORMAT.parse(reader)) {
            List<List<String>> records = new ArrayList<>();
            for (CSVRecord r : parser) {
                List<String> fields = new ArrayList<>(r.toList());
                requireCellSized(file, r);
                if (records.isEmpty() && !fields.isEmpty() && fields.get(0).startsWith("\uFEFF")) {
                    fields.set(0, fields.get(0).substring(1));
                }
                if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    records.add(fields);
                }
            }
            return new CsvTable(file, records);
        } catch (IOException | UncheckedIOException e) {
            throw SheetnetException.file(file + ": cannot be read as CSV: " + e.getMessage(), e);
        }
    }

    // Every field becomes a cell of the model workbook, which holds at most 32,767 characters; a longer one
    // is refused here, naming it, rather than by POI as an internal error when the workbook is written.
    private static void requireCellSized(Path file, CSVRecord r) {
        for (int c = 0; c < r.size(); c++) {
            if (r.get(c).length() > MAX_CELL_CHARS) {
                throw SheetnetException.model(String.format(java.util.Locale.ROOT, "%s: record %d, column %d: a"
                        + " field of %,d characters; a workbook cell holds at most %,d (is a quote left open?)",
                        file.getFileName(), r.getRecordNumber(), c + 1, r.get(c).length(), MAX_CELL_CHARS));
            }
        }
    }

    /** Where a field is, for messages: {@code W2.csv: line 3, column 4}. Lines and columns from 1. */
    String at(int record, int column) {
        return file.getFileName() + ": line " + (record + 1) + ", column " + (column + 1);
    }

    /** Where a record is, for messages. */
    String at(int record) {
        return file.getFileName() + ": line " + (record + 1);
    }

    /**
     * The number in a field.
     *
     * @throws SheetnetException (MODEL) naming the field if it is not a finite plain decimal
     */
    double number(int record, int column) {
        List<String> r = records.get(record);
        String field = column < r.size() ? r.get(column) : "";
        return CsvNumbers.parse(field).orElseThrow(() -> SheetnetException.model(at(record, column)
                + ": expected a number, found " + (field.isBlank() ? "an empty field" : "\"" + field + "\"")));
    }
}
