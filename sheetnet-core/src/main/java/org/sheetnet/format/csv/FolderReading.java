package org.sheetnet.format.csv;

import java.nio.file.Path;
import org.sheetnet.input.CsvSettings;
import org.sheetnet.input.NumberReading;

/**
 * The files of one CSV model folder read in turn: each in the dialect the user gave or its own
 * detected one, and all with one decimal mark, told by the first file whose numbers show it.
 */
final class FolderReading {

    private final CsvSettings settings;
    private NumberReading last;
    private String firstDialect;

    FolderReading(CsvSettings settings) {
        this.settings = settings;
    }

    /** What the user said. */
    CsvSettings settings() {
        return settings;
    }

    /** Reads the next file of the folder. */
    CsvTable read(Path file) {
        CsvTable table = CsvTable.read(file, settings, last);
        last = table.reading();
        if (firstDialect == null) {
            firstDialect = table.dialect();
        }
        return table;
    }

    /** How the files were read: model.csv's encoding and separator, the folder's decimal mark; for import-csv. */
    String describe() {
        return firstDialect + "; " + last.describe();
    }
}
