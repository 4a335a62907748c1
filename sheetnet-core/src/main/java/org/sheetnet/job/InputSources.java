package org.sheetnet.job;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.input.CsvRowSource;
import org.sheetnet.input.CsvSettings;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.input.RowSource;
import org.sheetnet.input.XlsxStreamRowSource;
import org.sheetnet.xlsx.XlsxPackage;

/** Opens the input rows a score run asks for: the model's Inputs sheet, an .xlsx sheet or a CSV file. */
final class InputSources {

    /** Name of the input sheet inside a model workbook. */
    static final String INPUTS = "Inputs";

    /**
     * An open source of rows.
     *
     * @param rows       the rows
     * @param modelSheet the model workbook's sheet read, or null when the rows come from another file
     */
    record Opened(RowSource rows, String modelSheet) implements AutoCloseable {
        @Override
        public void close() {
            rows.close();
        }
    }

    private InputSources() {
    }

    /**
     * Opens the input rows.
     *
     * @param model     the model workbook, whose Inputs sheet (or table) is read without an input file
     * @param input     the input file, or empty
     * @param sheetName the sheet (or, when no sheet has that name, the table) to read, or empty
     * @param tableName the Excel Table to read, or empty
     * @param csv       how a CSV input is written, where the user said
     */
    static Opened open(ModelWorkbook model, Optional<Path> input, Optional<String> sheetName,
            Optional<String> tableName, CsvSettings csv) {
        if (input.isEmpty()) {
            if (tableName.isPresent()) {
                return new Opened(XlsxStreamRowSource.table(model.pkg(), tableName.get()), null);
            }
            String wanted = sheetName.orElse(INPUTS);
            Optional<XlsxPackage.Sheet> sheet = model.pkg().findSheet(wanted);
            if (sheet.isEmpty() && model.pkg().findTable(wanted).isPresent()) {
                return new Opened(XlsxStreamRowSource.table(model.pkg(), wanted), null);
            }
            String name = sheet.orElseThrow(() -> SheetnetException.input(model.pkg().fileName() + ": no sheet or table"
                    + " named \"" + wanted + "\" with input rows; add one, or give --input FILE")).name();
            // Streamed from the open model package, like any other input sheet.
            return new Opened(XlsxStreamRowSource.of(model.pkg(), name), name);
        }
        Path file = input.get();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            if (tableName.isPresent()) {
                throw SheetnetException.input(file + ": a CSV file has no tables; --input-table names a table of an"
                        + " .xlsx input or of the model workbook");
            }
            return new Opened(new CsvRowSource(file, csv), null);
        }
        if (!(name.endsWith(".xlsx") || name.endsWith(".xlsm"))) {
            throw SheetnetException.file(file + ": inputs must be an .xlsx workbook or a .csv file", null);
        }
        return new Opened(tableName.isPresent() ? XlsxStreamRowSource.table(file, tableName.get())
                : new XlsxStreamRowSource(file, sheetName.orElse(null)), null);
    }
}
