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

    static Opened open(ModelWorkbook model, Optional<Path> input, Optional<String> sheetName, CsvSettings csv) {
        if (input.isEmpty()) {
            String wanted = sheetName.orElse(INPUTS);
            XlsxPackage.Sheet sheet = model.pkg().findSheet(wanted).orElseThrow(() -> SheetnetException.input(
                    model.pkg().fileName() + ": no sheet named \"" + wanted + "\" with input rows; add one, or give --input FILE"));
            // Streamed from the open model package, like any other input sheet.
            return new Opened(XlsxStreamRowSource.of(model.pkg(), sheet.name()), sheet.name());
        }
        Path file = input.get();
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return new Opened(new CsvRowSource(file, csv), null);
        }
        if (!(name.endsWith(".xlsx") || name.endsWith(".xlsm"))) {
            throw SheetnetException.file(file + ": inputs must be an .xlsx workbook or a .csv file", null);
        }
        return new Opened(new XlsxStreamRowSource(file, sheetName.orElse(null)), null);
    }
}
