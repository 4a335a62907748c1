package org.sheetnet.format.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sheetnet.SheetnetException;
import org.apache.commons.csv.CSVFormat;
import org.sheetnet.input.BoundedCsvReader;
import org.sheetnet.input.CsvFile;
import org.sheetnet.input.CsvSettings;
import org.sheetnet.input.NumberReading;
import org.sheetnet.files.WorkbookFiles;
import org.sheetnet.sheet.CellValues;

/**
 * The records of one CSV file of a parameter folder, with places for messages:
 * {@code W2.csv: line 3, column 4}, and its numbers read in the file's notation ({@link NumberReading}).
 */
final class CsvTable {

    /** Excel's limit on the text of one cell. */
    static final int MAX_CELL_CHARS = CellValues.MAX_TEXT_LENGTH;

    private final Path file;
    private final List<List<String>> records;
    private final String dialect;
    private NumberReading reading;

    private CsvTable(Path file, List<List<String>> records, String dialect) {
        this.file = file;
        this.records = records;
        this.dialect = dialect;
    }

    /** The file. */
    Path file() {
        return file;
    }

    /** Its records, the header first; a byte-order mark is dropped. */
    List<List<String>> records() {
        return records;
    }

    /** Its encoding and separator: for the summary of import-csv. */
    String dialect() {
        return dialect;
    }

    /**
     * Reads a whole file in the dialect given (the rest detected), and looks at all its numbers to tell
     * their decimal mark, unless an earlier file of the folder told it.
     *
     * @param previous the reading of the folder's previous file, or null for the first
     * @throws SheetnetException (FILE) if it is missing, empty or unreadable, (FILE) if a record is
     *                           longer than {@link BoundedCsvReader#MAX_RECORD_CHARS}, (MODEL) if a number
     *                           can be read two ways or contradicts the decimal mark told
     */
    static CsvTable read(Path file, CsvSettings settings, NumberReading previous) {
        WorkbookFiles.requireReadable(file);
        List<List<String>> records = new ArrayList<>();
        String dialect;
        try {
            CsvFile csv = CsvFile.open(file, settings);
            dialect = csv.description();
            CSVFormat format = CsvModelFolder.FORMAT.builder().setDelimiter(csv.separator()).get();
            try (Reader reader = new BoundedCsvReader(csv.text(), file.getFileName().toString(), csv.separator(),
                            BoundedCsvReader.MAX_RECORD_CHARS, format.getIgnoreSurroundingSpaces());
                    CSVParser parser = format.parse(reader)) {
                for (CSVRecord r : parser) {
                    List<String> fields = new ArrayList<>(r.toList());
                    requireCellSized(file, r);
                    if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                        records.add(fields);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw SheetnetException.file(file + ": cannot be read as CSV: " + e.getMessage(), e);
        } catch (SheetnetException e) {
            throw e.problem() == SheetnetException.Problem.INPUT ? SheetnetException.model(e.getMessage()) : e;
        }
        CsvTable table = new CsvTable(file, records, dialect);
        table.reading = previous == null ? new NumberReading(settings, table::at) : previous.next(table::at);
        table.look();
        return table;
    }

    // Every number of the file is looked at before any is read: one that reads two ways is refused unless another decides.
    private void look() {
        for (int r = 1; r < records.size(); r++) {
            List<String> fields = records.get(r);
            for (int c = 0; c < fields.size(); c++) {
                String f = fields.get(c);
                reading.look(f.toCharArray(), 0, f.length(), r, c);
            }
        }
        try {
            reading.endLook();
        } catch (SheetnetException e) {
            throw SheetnetException.model(e.getMessage());
        }
    }

    /** How the file's numbers were read (its reading, for the folder's next file). */
    NumberReading reading() {
        return reading;
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

    private String at(long record, int column) {
        return at((int) record, column);
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
        double v;
        try {
            v = reading.read(field, record, column);
        } catch (SheetnetException e) {
            throw SheetnetException.model(e.getMessage());
        }
        if (!Double.isFinite(v)) {
            throw SheetnetException.model(at(record, column) + ": expected a number, found "
                    + (field.isBlank() ? "an empty field" : "\"" + field + "\""));
        }
        return v;
    }
}
