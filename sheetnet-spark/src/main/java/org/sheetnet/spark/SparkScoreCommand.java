package org.sheetnet.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.sheetnet.SheetnetException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sheetnet spark-score}: the main of the sheetnet-spark jar. It runs Spark embedded
 * ({@code local[*]}, on loopback) unless {@code --master} names a cluster; through {@code spark-submit} the
 * cluster's master and settings apply. Prints one summary line; every failure is one line and an exit code
 * as for the other commands (a stack trace only with {@code --verbose}).
 */
@Command(name = "spark-score", mixinStandardHelpOptions = true, versionProvider = SparkScoreCommand.VersionText.class,
        description = {"Score CSV or Parquet rows on Apache Spark, bit for bit as `sheetnet score` does; write",
            "DIR/predictions/ (id columns, then the outputs) and DIR/audit.xlsx (Audit, Sample, Evaluation)."},
        footer = {"", "Exit codes: 0 success, 2 usage error, 3 bad model, 4 inputs cannot be scored, 5 file",
            "unreadable, 6 output exists or cannot be written, 7 check vectors do not reproduce, 8 out of memory",
            "(raise JAVA_OPTS=-Xmx), 1 internal error (run again with --verbose and report it)."})
public final class SparkScoreCommand implements Callable<Integer> {

    /** The least heap Spark's driver starts with (Spark itself refuses below ~450 MB). */
    static final long MIN_HEAP = 480L << 20;

    @Parameters(index = "0", paramLabel = "MODEL", description = "the model: a workbook (.xlsx), .keras or .h5 file")
    private Path model;

    @Option(names = "--input", required = true, split = ",", paramLabel = "PATH",
            description = "input files or folders (comma-separated)")
    private List<String> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the result folder (a path or URI)")
    private String out;

    @Option(names = "--input-format", paramLabel = "csv|parquet",
            description = "the input's format (default: parquet for .parquet paths and folders of them, else csv)")
    private String inputFormat;

    @Option(names = "--format", defaultValue = "csv", paramLabel = "csv|parquet",
            description = "the predictions' format (default: ${DEFAULT-VALUE})")
    private String format;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark-submit's --master, else local[*]: embedded, on 127.0.0.1)")
    private String master;

    @Option(names = "--target", split = ",", paramLabel = "COL", description = "target columns: adds Evaluation")
    private List<String> targets = new ArrayList<>();

    @Option(names = "--sample", defaultValue = "100", paramLabel = "N",
            description = "rows (the first N) whose every layer's values the Sample sheet shows (default: ${DEFAULT-VALUE})")
    private int sample;

    @Option(names = "--trace", description = "also write every layer's pre-activations and activations in predictions/")
    private boolean trace;

    @Option(names = "--handle-invalid", defaultValue = "error", paramLabel = "error|skip|keep",
            description = "a row that cannot be scored: error (fail naming it), skip, keep (null outputs and the reason)")
    private String handleInvalid;

    @Option(names = "--force", description = "replace DIR's predictions/ and audit.xlsx if DIR exists")
    private boolean force;

    @Option(names = "--verbose", description = "Spark's warnings, and stack traces on failure")
    private boolean verbose;

    private String[] args = new String[0];

    /** Runs the command and exits with its code. */
    public static void main(String[] args) {
        if (List.of(args).contains("--verbose")) {
            System.setProperty("sheetnet.spark.log.level", "warn");
        }
        LocalSpark.quietLogging();
        System.exit(run(args));
    }

    /** Runs the command; returns its exit code. */
    public static int run(String... args) {
        SparkScoreCommand command = new SparkScoreCommand();
        command.args = args.clone();
        CommandLine cli = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, line, parsed) -> failure(e, command.verbose));
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        SparkScoreOptions options = options();
        if (Runtime.getRuntime().maxMemory() < MIN_HEAP) {
            throw SheetnetException.file("the driver has " + SparkScoreJob.heap() + " of heap; Spark needs at least"
                    + " 512 MB: raise JAVA_OPTS=-Xmx (e.g. -Xmx2g)", null);
        }
        SparkSession spark = LocalSpark.builder(options.master(), "sheetnet spark-score").getOrCreate();
        try {
            SparkScoreJob.Result r = SparkScoreJob.run(options, spark);
            System.out.printf(Locale.ROOT, "scored %,d rows (%,d skipped, %,d invalid) in %d partition(s) on %s"
                    + " (Spark %s, driver heap %s) -> %s%n", r.scored(), r.skipped(), r.invalid(), r.partitions(),
                    spark.sparkContext().master(), spark.version(), SparkScoreJob.heap(), out);
            return 0;
        } finally {
            spark.stop();
        }
    }

    private SparkScoreOptions options() {
        String input = inputFormat == null ? guessFormat(inputs) : lower(inputFormat);
        requireOneOf("--input-format", input, "csv", "parquet");
        requireOneOf("--format", lower(format), "csv", "parquet");
        requireOneOf("--handle-invalid", lower(handleInvalid), HandleInvalid.values(true));
        if (sample < 0) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--sample must be 0 or more, not " + sample);
        }
        return new SparkScoreOptions(model, inputs, input, out, lower(format), master(), targets, sample, trace,
                HandleInvalid.of(handleInvalid), force, "sheetnet spark-score " + String.join(" ", args));
    }

    // spark-submit passes its --master as the spark.master property; an explicit --master here wins.
    private String master() {
        if (master != null) {
            return master;
        }
        return System.getProperty("spark.master", "local[*]");
    }

    private void requireOneOf(String option, String value, String... allowed) {
        if (!List.of(allowed).contains(value)) {
            throw new CommandLine.ParameterException(new CommandLine(this), option + " must be one of "
                    + String.join(", ", allowed) + ", not \"" + value + "\"");
        }
    }

    // A .parquet path, or a folder holding .parquet files, is Parquet; anything else CSV.
    private static String guessFormat(List<String> paths) {
        String name = paths.get(0).toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        Path first = Path.of(paths.get(0));
        if (name.endsWith(".parquet")) {
            return "parquet";
        }
        if (Files.isDirectory(first)) {
            try (var files = Files.list(first)) {
                return files.anyMatch(p -> p.toString().endsWith(".parquet")) ? "parquet" : "csv";
            } catch (java.io.IOException e) {
                return "csv";
            }
        }
        return "csv";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static int failure(Exception e, boolean verbose) {
        if (verbose) {
            e.printStackTrace();
        }
        if (e instanceof SheetnetException s) {
            System.err.println("sheetnet: " + s.getMessage());
            return switch (s.problem()) {
                case MODEL -> 3;
                case INPUT -> 4;
                case FILE -> 5;
                case OUTPUT -> 6;
                case MISMATCH -> 7;
            };
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                System.err.println("sheetnet: out of memory: raise JAVA_OPTS=-Xmx (now " + SparkScoreJob.heap() + ")");
                return 8;
            }
        }
        System.err.println("sheetnet: internal error: " + e + (verbose ? "" : " (run again with --verbose)"));
        return 1;
    }

    /** The version line of {@code --version}. */
    static final class VersionText implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {SparkScoreJob.version() + ", spark-score"};
        }
    }
}
