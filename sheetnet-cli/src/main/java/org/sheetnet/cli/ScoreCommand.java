package org.sheetnet.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sheetnet.Plural;
import org.sheetnet.job.EvaluationSummary;
import org.sheetnet.job.ScoreJob;
import org.sheetnet.job.ScoreOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sheetnet score}: runs the network over the input rows and writes the audited output workbook. */
@Command(header = "Run the network over input rows; write every layer's values, the predictions and an Audit sheet.",
        name = "score",
        description = {
            "Runs the network of MODEL.xlsx over input rows and writes a new workbook holding, for every",
            "layer k, the pre-activations (sheet Lk_pre: a = z·W + b) and activations (Lk_act: z = h(a)) of",
            "every row, the Predictions, copies of the model and input sheets, and an Audit sheet.",
            "",
            "Inputs come from the model's own Inputs sheet, or from --input (an .xlsx sheet or a .csv file):",
            "a header row, then one row per case. When the first weights sheet names its inputs (first",
            "column), features are matched to input columns by name, in any order; otherwise the numeric",
            "columns are taken in order. Other columns are copied through as row identifiers.",
            "",
            "The model and input files are only read, never written. The output is written to a temporary",
            "file and moved into place when complete. A Checks sheet in the model (inputs with the outputs",
            "the original framework gave) is evaluated first; the run stops if it does not reproduce.",
            "",
            "MODEL may also be an ONNX (.onnx) or Keras (.keras, .h5) file: it is read as import-onnx or",
            "import-keras reads it, and the output holds the model sheets that import writes (Source too), so",
            "the numbers, --formulas and verify are those of the import then score. Give the rows with --input."
        },
        footer = {
            "",
            "Examples:",
            "  sheetnet score workbooks/xor-perceptron.xlsx",
            "  sheetnet score workbooks/regression-4-20-10-1.xlsx --input rows.csv --out scored.xlsx",
            "  sheetnet score model.xlsx --input data.xlsx --input-sheet March --out march.xlsx --force",
            "  sheetnet score model.xlsx --input sales.xlsx --input-table Sales2026 --out sales-scored.xlsx",
            "  sheetnet score model.xlsx --input big.csv --out predictions.csv      (predictions only, any size)",
            "  sheetnet score model.xlsx --input big.csv --out scored/              (every sheet as CSV)",
            "  sheetnet score model.xlsx --input de.csv --decimal-comma --out p.csv  (a German Excel's CSV)",
            "  sheetnet score workbooks/seed-2-3-2-2-softmax.xlsx --formulas        (live Excel formulas)",
            "  sheetnet score workbooks/regression-4-20-10-1.xlsx --target target --out evaluated.xlsx",
            "  sheetnet score model.onnx --input rows.csv --out preds.csv             (ONNX, no import step)"
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
final class ScoreCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.xlsx", description = "The model workbook (Model sheet, weights and"
            + " biases), or an .onnx, .keras or .h5 model file.")
    Path model;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "Input rows: an .xlsx workbook (first sheet, or --input-sheet) or a .csv file."
                    + " Default: the model workbook's Inputs sheet.")
    Path input;

    @Option(names = "--input-sheet", paramLabel = "NAME",
            description = "The sheet holding the input rows; when no sheet has that name, an Excel Table of it.")
    String inputSheet;

    @Option(names = "--input-table", paramLabel = "NAME",
            description = "The Excel Table holding the input rows (in --input, or else in the model workbook):"
                    + " its header gives the column names, its totals row is left out.")
    String inputTable;

    @CommandLine.Mixin
    CsvOptions csv = new CsvOptions();

    @Option(names = {"-o", "--out"}, paramLabel = "OUT.xlsx",
            description = "The output: OUT.xlsx, a workbook (up to 1,048,575 rows); OUT.csv, the predictions alone;"
                    + " or a folder (existing, or a name without extension), one CSV file per sheet. CSV outputs"
                    + " have no row limit. Never one of the input files."
                    + " Default: MODEL-scored.xlsx in the current folder.")
    Path out;

    @Option(names = {"-f", "--force"},
            description = "Replace the output if it exists; in a folder, only the CSV files sheetnet writes.")
    boolean force;

    @Option(names = "--batch-size", paramLabel = "ROWS", defaultValue = "1024",
            description = "Rows computed and written at a time, 1 to 1048576 (default: ${DEFAULT-VALUE}); fewer when"
                    + " that many would not fit in an eighth of the heap (said on stderr and in the Audit)."
                    + " Changes memory use, never a result.")
    int batchSize;

    @Option(names = "--formulas",
            description = "Write every computed cell as a live Excel formula over the cells it comes from (the"
                    + " value stays as its cached result), so that Excel recomputes and shows how each number is made.")
    boolean formulas;

    @Option(names = {"-t", "--target"}, paramLabel = "COLUMN", split = ",",
            description = "Input columns holding the known answers: one per output, in order (regression), or for a"
                    + " softmax output one column of class names or one-hot columns, one per class. They are carried"
                    + " to Predictions with the error (prediction − target) or a correct flag, and an Evaluation"
                    + " sheet gives the metrics and charts.")
    java.util.List<String> targets = new java.util.ArrayList<>();

    @Option(names = "--check-tolerance", paramLabel = "REL", defaultValue = "1e-6",
            description = "Largest deviation accepted on the model's check vectors (Checks sheet), relative;"
                    + " absolute below 1e-6 (default: ${DEFAULT-VALUE}).")
    double checkTolerance;

    @Option(names = "--threads", paramLabel = "N",
            description = "Sheets written at the same time (default: the number of processors). Never changes a result.")
    Integer threads;

    @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Show the stack trace of an error.")
    boolean verbose;

    @Override
    public Integer call() {
        if (threads != null && threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
        }
        if (batchSize < 1 || batchSize > ScoreOptions.MAX_BATCH_SIZE) {
            throw new CommandLine.ParameterException(spec.commandLine(), String.format(java.util.Locale.ROOT,
                    "--batch-size must be from 1 to %,d rows, not %,d", ScoreOptions.MAX_BATCH_SIZE, batchSize));
        }
        if (inputSheet != null && inputTable != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--input-sheet and --input-table both say where the rows are; give one");
        }
        if (formulas && out != null && !out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
            // A usage mistake, not an output failure: nothing was read or written yet.
            throw new CommandLine.ParameterException(spec.commandLine(), "--formulas needs an .xlsx output, not "
                    + out.getFileName() + ": CSV files hold values only");
        }
        Path target = out != null ? out : defaultOut(model);
        String commandLine = Messages.commandLine(spec);
        Progress progress = new Progress(System.err, quiet);
        ScoreJob.Result result = ScoreJob.run(new ScoreOptions(model, Optional.ofNullable(input),
                Optional.ofNullable(inputSheet), target, force, batchSize, formulas, checkTolerance,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), commandLine, targets,
                Optional.ofNullable(inputTable), csv.settings(spec.commandLine())), progress);
        progress.done();
        if (!quiet) {
            result.notes().forEach(n -> System.err.println("sheetnet: note: " + n));
        }
        result.warnings().forEach(w -> System.err.println("sheetnet: warning: " + w));
        result.preparation().filter(p -> p.outOfRange() > 0).ifPresent(p -> System.err.printf(
                "sheetnet: warning: %,d input values outside their feature's [min, max] (Features sheet); first: %s%n",
                p.outOfRange(), p.firstOutOfRange()));
        if (!quiet) {
            result.checks().ifPresent(c -> spec.commandLine().getOut().println("check vectors: " + c.describe()));
            result.evaluation().ifPresent(e -> spec.commandLine().getOut().println("evaluation: "
                    + EvaluationSummary.of(e)));
            spec.commandLine().getOut().printf("scored %s through %s -> %s%n", Plural.of(result.rows(), "row"),
                    Plural.of(result.network().depth(), "layer"), target);
        }
        return ExitCodes.OK;
    }

    static Path defaultOut(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Path.of((dot > 0 ? name.substring(0, dot) : name) + "-scored.xlsx");
    }
}
