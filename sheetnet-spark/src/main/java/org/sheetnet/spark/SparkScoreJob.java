package org.sheetnet.spark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.sheetnet.SheetnetException;
import org.sheetnet.Version;
import org.sheetnet.api.SheetnetModel;
import org.sheetnet.evaluate.Evaluator;
import org.sheetnet.evaluate.Targets;
import org.sheetnet.sink.AuditLog;

/**
 * The {@code spark-score} job: reads CSV or Parquet, scores every row with {@link SheetnetTransformer},
 * writes {@code predictions/} (id columns, outputs, targets) and {@code audit.xlsx} (Audit, Sample,
 * Evaluation). Everything that can be checked without reading rows (the model, its check vectors, the
 * feature and target columns, the output folder) is checked before any work starts.
 */
public final class SparkScoreJob {

    /**
     * What a run did.
     *
     * @param scored     rows scored
     * @param skipped    rows left out ({@code skip})
     * @param invalid    rows kept with null outputs ({@code keep})
     * @param partitions partitions of the input
     * @param evaluation the metrics, with targets
     */
    public record Result(long scored, long skipped, long invalid, int partitions, Optional<Evaluator> evaluation) {

        /** Rows read: scored, skipped and kept invalid. */
        public long read() {
            return scored + skipped + invalid;
        }
    }

    private SparkScoreJob() {
    }

    /**
     * Runs the job on a session.
     *
     * @throws SheetnetException for any problem with the files, the model or the rows; no output is left then
     */
    public static Result run(SparkScoreOptions options, SparkSession spark) {
        Instant started = Instant.now();
        ModelBytes bytes = ModelBytes.read(options.model());
        SheetnetModel model = bytes.load();
        requireChecksPass(model, options);
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        options.inputs().forEach(input -> requireExists(input, conf));
        List<String> protectedPaths = new ArrayList<>(options.inputs());
        protectedPaths.add(options.model().toAbsolutePath().toUri().toString());
        ResultFolder folder = ResultFolder.open(options.out(), options.force(), protectedPaths, conf);
        try {
            Result result = score(options, spark, bytes, folder, started);
            folder.commit();
            return result;
        } catch (Exception e) {
            // Spark's own SparkException is checked in Java's terms but thrown by Scala code all the same.
            folder.discard();
            throw asSheetnetException(e, describe(options.inputs()));
        }
    }

    private static Result score(SparkScoreOptions options, SparkSession spark, ModelBytes bytes, ResultFolder folder,
            Instant started) {
        SheetnetModel model = bytes.load();
        String description = describe(options.inputs());
        Dataset<Row> input = read(spark, options);
        if (!options.targets().isEmpty()) {
            Targets.find(options.targets(), model.model().network(), new RowLabels(description,
                    Arrays.asList(input.schema().fieldNames()), new int[0]));
        }
        PartitionScorer.RowCounts counts = new PartitionScorer.RowCounts(spark.sparkContext().longAccumulator("scored"),
                spark.sparkContext().longAccumulator("skipped"), spark.sparkContext().longAccumulator("invalid"));
        SheetnetTransformer transformer = transformer(bytes, options, description);
        FeatureColumns columns = transformer.columns(input);
        Dataset<Row> scored = transformer.countingIn(counts).transform(input);
        int partitions = input.javaRDD().getNumPartitions();
        List<Column> kept = predictionColumns(input, columns, transformer, options);
        scored.select(kept.toArray(new Column[0])).write().format(options.outputFormat()).option("header", "true")
                .option("escape", "\"").save(folder.predictionsTemporary());
        Optional<Evaluator> evaluation = options.targets().isEmpty() ? Optional.empty()
                : Optional.of(Evaluation.of(transformer(bytes, options, description).transform(input),
                        model.model().network(), model.outputNames(), options.targets(), reasonColumn(options),
                        description));
        List<Row> sample = input.limit(options.sampleRows()).collectAsList();
        Result result = new Result(counts.scored().value(), counts.skipped().value(), counts.invalid().value(),
                partitions, evaluation);
        AuditLog audit = SparkAudit.of(options, bytes, model, spark, result, folder.path(), started, Instant.now());
        AuditWorkbook.write(folder, audit, new SampleSheet(model.model(), columns,
                Arrays.asList(input.schema().fieldNames())), sample, evaluation);
        return result;
    }

    private static SheetnetTransformer transformer(ModelBytes bytes, SparkScoreOptions options, String description) {
        return new SheetnetTransformer(org.apache.spark.ml.util.Identifiable$.MODULE$.randomUID("sheetnet"), bytes)
                .setHandleInvalid(options.handleInvalid().value()).setLayerValues(options.layerValues())
                .setExcludedCols(options.targets().toArray(new String[0])).setInputDescription(description);
    }

    // Predictions: the id columns, the outputs (and predicted_class, layer values), the targets, the reason.
    private static List<Column> predictionColumns(Dataset<Row> input, FeatureColumns columns,
            SheetnetTransformer transformer, SparkScoreOptions options) {
        List<Column> kept = new ArrayList<>();
        String[] names = input.schema().fieldNames();
        for (int id : columns.ids()) {
            kept.add(functions.col("`" + names[id] + "`"));
        }
        List<String> appended = transformer.outputColumnNames();
        String reason = reasonColumn(options);
        appended.stream().filter(n -> !n.equals(reason)).forEach(n -> kept.add(functions.col("`" + n + "`")));
        options.targets().forEach(t -> kept.add(functions.col("`" + t + "`")));
        if (reason != null) {
            kept.add(functions.col(reason));
        }
        return kept;
    }

    private static String reasonColumn(SparkScoreOptions options) {
        return options.handleInvalid() == HandleInvalid.KEEP ? "invalid_reason" : null;
    }

    private static Dataset<Row> read(SparkSession spark, SparkScoreOptions options) {
        String[] paths = options.inputs().toArray(new String[0]);
        DataFrameReader reader = spark.read();
        if (options.inputFormat().equals("csv")) {
            // All columns as text, parsed as score parses CSV fields; RFC 4180 quoting; a malformed row fails the run.
            return reader.option("header", "true").option("inferSchema", "false").option("escape", "\"")
                    .option("mode", "FAILFAST").csv(paths);
        }
        return reader.parquet(paths);
    }

    private static void requireChecksPass(SheetnetModel model, SparkScoreOptions options) {
        model.verify().ifPresent(c -> {
            if (!c.passes()) {
                throw new SheetnetException(SheetnetException.Problem.MISMATCH, options.model().getFileName()
                        + ": the model does not reproduce its check vectors, so nothing was scored: " + c.describe());
            }
        });
    }

    // A path (or glob) that matches nothing is refused before Spark starts a job for it.
    private static void requireExists(String input, org.apache.hadoop.conf.Configuration conf) {
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
            org.apache.hadoop.fs.FileStatus[] found = path.getFileSystem(conf).globStatus(path);
            if (found == null || found.length == 0) {
                throw SheetnetException.file(input + ": no such file or folder", null);
            }
        } catch (java.io.IOException e) {
            throw SheetnetException.file(input + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** How messages name the inputs: the file's name, or the first one's and how many. */
    static String describe(List<String> inputs) {
        String first = new org.apache.hadoop.fs.Path(inputs.get(0)).getName();
        return inputs.size() == 1 ? first : inputs.size() + " inputs (" + first + ", …)";
    }

    // A failure in a task comes back wrapped by Spark; the user sees sheetnet's one line.
    private static RuntimeException asSheetnetException(Exception e, String description) {
        Optional<SheetnetException> found = ScoringFailure.find(e);
        if (found.isPresent()) {
            return found.get();
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof AnalysisException a) {
                return SheetnetException.file(description + ": " + firstLine(a.getMessage()), e);
            }
            if (c.getClass().getName().equals("org.apache.spark.SparkException")
                    && String.valueOf(c.getMessage()).contains("Malformed")) {
                return SheetnetException.input(description + ": " + firstLine(c.getMessage()));
            }
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(firstLine(e.getMessage()), e);
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int end = m.indexOf('\n');
        return (end < 0 ? m : m.substring(0, end)).trim();
    }

    /** The driver's heap, for the Audit and the summary line: {@code 1.0 GB}. */
    static String heap() {
        return String.format(Locale.ROOT, "%.1f GB", Runtime.getRuntime().maxMemory() / 1e9);
    }

    /** Seconds between two instants, for the Audit. */
    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** Sheetnet's version, for the Audit. */
    static String version() {
        return Version.describe() + " (" + Version.commit() + ")";
    }
}
