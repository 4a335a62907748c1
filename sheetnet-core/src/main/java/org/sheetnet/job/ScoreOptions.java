package org.sheetnet.job;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What to score and where to write it.
 *
 * @param model       the model workbook, or an ONNX or Keras file (see {@link ModelFile})
 * @param input       an input file (.xlsx or .csv), or empty for the model's own Inputs sheet
 * @param inputSheet  the sheet of an .xlsx input, or empty for its first sheet
 * @param out         the output workbook
 * @param force       whether an existing output may be replaced
 * @param batchSize   rows per batch, 1 to {@value #MAX_BATCH_SIZE} (affects memory and speed, never the numbers);
 *                    fewer when that many would not fit in memory
 * @param formulas    whether to write live Excel formulas
 * @param checkTolerance tolerance on the check vectors' deviation
 * @param threads     number of sheets written at the same time
 * @param commandLine the command as typed, for the Audit sheet
 * @param targets     input columns holding the known answers ({@code --target}), in output order; empty for none
 * @param inputTable  the Excel Table holding the input rows ({@code --input-table}), in the input file or
 *                    the model workbook; empty to read a sheet
 * @param csv         how a CSV input is written (separator, decimal mark), where the user said; the rest is detected
 */
public record ScoreOptions(Path model, Optional<Path> input, Optional<String> inputSheet, Path out,
        boolean force, int batchSize, boolean formulas, double checkTolerance, int threads, String commandLine,
        java.util.List<String> targets, Optional<String> inputTable, org.sheetnet.input.CsvSettings csv) {

    /** Options that read a sheet, not a table, with a CSV input's dialect detected. */
    public ScoreOptions(Path model, Optional<Path> input, Optional<String> inputSheet, Path out, boolean force,
            int batchSize, boolean formulas, double checkTolerance, int threads, String commandLine,
            java.util.List<String> targets) {
        this(model, input, inputSheet, out, force, batchSize, formulas, checkTolerance, threads, commandLine, targets,
                Optional.empty(), org.sheetnet.input.CsvSettings.DETECT);
    }

    /** Options without targets. */
    public ScoreOptions(Path model, Optional<Path> input, Optional<String> inputSheet, Path out, boolean force,
            int batchSize, boolean formulas, double checkTolerance, int threads, String commandLine) {
        this(model, input, inputSheet, out, force, batchSize, formulas, checkTolerance, threads, commandLine,
                java.util.List.of());
    }

    /** Largest batch size accepted: a worksheet's rows; a larger batch gains nothing. */
    public static final int MAX_BATCH_SIZE = BatchSize.MAX;

    public ScoreOptions {
        targets = java.util.List.copyOf(targets);
        if (batchSize < 1 || batchSize > BatchSize.MAX) {
            throw new IllegalArgumentException("batch size must be from 1 to " + BatchSize.MAX + ", not " + batchSize);
        }
    }
}
