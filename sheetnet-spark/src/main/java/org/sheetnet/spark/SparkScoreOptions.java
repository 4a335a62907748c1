package org.sheetnet.spark;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@code spark-score} run scores and where it writes.
 *
 * @param model         the model file
 * @param inputs        the input files or folders (CSV with a header row, or Parquet): paths or URIs Spark reads
 * @param inputFormat   {@code csv} or {@code parquet}
 * @param out           the result folder, a path or URI: {@code predictions/} and {@code audit.xlsx} go in it
 * @param outputFormat  the predictions' format, {@code parquet} or {@code csv}
 * @param master        the Spark master URL
 * @param targets       columns holding the known answers, in output order; empty for none
 * @param sampleRows    rows whose every layer's values the Sample sheet shows
 * @param layerValues   whether the predictions carry every layer's values too ({@code --trace})
 * @param handleInvalid what to do with a row that cannot be scored
 * @param force         whether the result folder may exist (its predictions/ and audit.xlsx are replaced)
 * @param commandLine   the command as typed, for the Audit
 */
public record SparkScoreOptions(Path model, List<String> inputs, String inputFormat, String out, String outputFormat,
        String master, List<String> targets, int sampleRows, boolean layerValues, HandleInvalid handleInvalid,
        boolean force, String commandLine) {

    /** The predictions' folder inside the result folder. */
    public static final String PREDICTIONS = "predictions";
    /** The audit workbook inside the result folder. */
    public static final String AUDIT = "audit.xlsx";

    public SparkScoreOptions {
        inputs = List.copyOf(inputs);
        targets = List.copyOf(targets);
    }
}
