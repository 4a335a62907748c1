package org.sheetnet.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.sheetnet.SheetnetException;
import org.sheetnet.engine.BatchScorer;
import org.sheetnet.engine.ForwardTrace;
import org.sheetnet.evaluate.Evaluator;
import org.sheetnet.evaluate.TargetBatch;
import org.sheetnet.evaluate.Targets;
import org.sheetnet.input.InputBinding;
import org.sheetnet.input.InputRow;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.input.RowSource;
import org.sheetnet.report.ValueDigest;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;
import org.sheetnet.report.FormulaCheck;
import org.sheetnet.sink.OutputFolder;
import org.sheetnet.sink.OutputPolicy;
import org.sheetnet.sink.SafeOutputFile;
import org.sheetnet.report.ScoredWorkbookWriter;

/**
 * Scores input rows with a model workbook and writes the audited output workbook: checks the
 * model's check vectors, then reads a batch, runs the forward pass, appends every layer's values to
 * the output, and repeats.
 */
public final class ScoreJob {

    /** Sheets a previous run wrote; when an output workbook is scored again they are not copied. */
    public static final Pattern OUTPUT_SHEETS =
            Pattern.compile("(?i)L\\d+_(pre|act)|L0_inputs|L0_prepared|Predictions|Evaluation|CheckPlot|Audit");

    /**
     * Rows of the first batch written into a workbook in memory before the real run, of whose formulas
     * one in each of up to 64 columns per sheet is recomputed with POI (see FormulaCheck.sample): the 8
     * rows take turns, so each of them is checked, while a wide layer's weights are read at most 64
     * columns at a time, once, whatever the number of rows.
     */
    static final int FORMULA_SAMPLE_ROWS = 8;

    /** Largest relative deviation accepted between a formula and sheetnet's value. */
    static final double FORMULA_TOLERANCE = 1e-12;

    /**
     * What a run did.
     *
     * @param rows    number of rows scored
     * @param network the network that ran
     * @param checks  the check vectors' result, if the model has any
     * @param evaluation the metrics against the targets, if {@code --target} named any
     * @param notes   what the user should know although nothing failed (each also in the Audit sheet):
     *                a smaller batch than asked, inputs matched by position
     * @param warnings what was read although it looked wrong (each also in the Audit sheet): numbers stored
     *                as text in the model or the inputs
     */
    public record Result(long rows, Network network, Optional<CheckVectors.Result> checks,
            Optional<org.sheetnet.input.PreparationLog> preparation, Optional<Evaluator> evaluation, List<String> notes,
            List<String> warnings) {
    }

    private ScoreJob() {
    }

    /**
     * Runs a scoring job.
     *
     * @param options  what to score and where
     * @param progress told the number of rows done after each batch
     * @throws SheetnetException for any problem with the files, the model or the inputs; no output is left then
     */
    public static Result run(ScoreOptions options, ScoreProgress progress) {
        ScoreOutput output = ScoreOutput.of(options.out(), options.formulas());
        ModelFile.Format format = ModelFile.Format.of(options.model());
        OutputPolicy policy = OutputPolicy.of(options.force()).protecting(options.model(), format.describe())
                .protecting(options.input().orElse(null), "--input file");
        policy.requireNotInput(options.out());
        requireInputFile(options, format);
        RunRecord record = new RunRecord(options, Instant.now(), output.hasAudit());
        try (ModelFile modelFile = ModelFile.open(options.model(), "score", options.commandLine());
                InputSources.Opened input = InputSources.open(modelFile.workbook(), options.input(),
                        options.inputSheet(), options.inputTable(), options.csv());
                ScoringThreads threads = new ScoringThreads(options.threads())) {
            ModelWorkbook model = modelFile.workbook();
            record.modelImport = modelFile.importNote();
            BatchScorer scorer = BatchScorer.on(model.model(), threads.executor(), options.threads());
            Network network = model.network();
            Optional<CheckVectors.Result> checks = CheckVectors.evaluate(model.model(), options.checkTolerance());
            checks.ifPresent(c -> requirePassed(c, options));
            record.checks = checks;
            RowSource rows = input.rows();
            int batchRows = batchRows(options, network, rows, record);
            scorer.expectBatches(batchRows);
            List<InputRow> batch = readBatch(rows, batchRows);
            Optional<Targets> targets = options.targets().isEmpty() ? Optional.empty()
                    : Optional.of(Targets.find(options.targets(), network, rows));
            InputBinding binding = bind(network, rows, batch, targets, model);
            java.util.Set<Integer> targetNumbers = targets.map(Targets::numberColumns).orElse(java.util.Set.of());
            binding.storeTextNumbers(batch, rows, targetNumbers);
            if (!binding.byName()) {
                record.notes.add(RunRecord.positionNote(rows.header(), binding));
            }
            record.targets = targets;
            if (output == ScoreOutput.WORKBOOK) {
                CellLimit.requireHeader(rows.header(), rows, options.out());
                CellLimit.requireRows(batch, rows, options.out());
            }
            if (options.formulas() && !batch.isEmpty()) {
                record.formulaCheck = Optional.of(checkFormulas(model, input, binding.withFreshLog(), batch, targets));
            }
            Optional<Evaluator> evaluator = targets.map(t -> new Evaluator(t, network));
            try (ScoredWorkbookWriter writer = openWriter(options, output, policy)) {
                prepare(writer, model, input, binding, targets, record);
                ValueDigest inputs = new ValueDigest();
                rows.header().forEach(inputs::add);
                // Two buffers in turn: a batch's features are still being written while the next is filled.
                double[][] features = {new double[batchRows * network.inputWidth()],
                    new double[batchRows * network.inputWidth()]};
                int batches = 0;
                while (!batch.isEmpty()) {
                    double[] x = features[batches++ % 2];
                    binding.storeTextNumbers(batch, rows, targetNumbers);
                    if (output == ScoreOutput.WORKBOOK) {
                        CellLimit.requireRows(batch, rows, options.out());
                    }
                    TargetBatch t = read(targets, batch, rows);
                    ForwardTrace trace = score(scorer, binding, x, batch, rows);
                    evaluator.ifPresent(e -> e.add(trace.output().act(), t));
                    writer.append(batch, x, trace, t);
                    if (output.hasAudit()) {
                        batch.forEach(inputs::addRow);
                    }
                    record.rows += batch.size();
                    progress.update(record.rows, rows.fractionRead());
                    batch = readBatch(rows, batchRows);
                }
                if (record.rows == 0) {
                    throw SheetnetException.input(rows.describe() + ": no input rows below the header");
                }
                record.inputsDigest = inputs.hex();
                record.valueOnlySheets = writer.valueOnlySheets();
                evaluator.ifPresent(writer::evaluation);
                checks.ifPresent(c -> writer.checkPlot(c.pairs()));
                record.evaluation = evaluator;
                writer.finish(record.toAudit(model, rows, binding));
            }
            return new Result(record.rows, network, checks,
                    binding.preparation() == null ? Optional.empty() : Optional.of(binding.log()), evaluator,
                    List.copyOf(record.notes), RunRecord.textNumberWarnings(model, binding));
        }
    }

    // An ONNX or Keras file holds no rows (its import has no Inputs sheet): say so naming it, before reading it.
    private static void requireInputFile(ScoreOptions options, ModelFile.Format format) {
        if (format.imported() && options.input().isEmpty()) {
            throw SheetnetException.input(options.model().getFileName() + ": " + format.describe()
                    + "s hold no input rows; give them with --input FILE (.csv or .xlsx)");
        }
    }

    // The rows held at a time: as asked, unless the model's widths make that more than the heap allows.
    static int batchRows(ScoreOptions options, Network network, RowSource rows, RunRecord record) {
        int fitted = BatchSize.fit(options.batchSize(), network, rows.header().size(), Runtime.getRuntime().maxMemory());
        record.batchRows = fitted;
        if (fitted < options.batchSize()) {
            record.notes.add(String.format(java.util.Locale.ROOT, "--batch-size %,d rows would take more than an"
                    + " eighth of the heap with this model (%,d bytes a row); computing %,d rows at a time instead"
                    + " (the results are the same)", options.batchSize(), BatchSize.rowBytes(network,
                    rows.header().size()), fitted));
        }
        return fitted;
    }

    private static ScoredWorkbookWriter openWriter(ScoreOptions options, ScoreOutput output, OutputPolicy policy) {
        if (output == ScoreOutput.FOLDER) {
            OutputFolder folder = OutputFolder.open(options.out(), policy);
            return opened(() -> ScoredWorkbookWriter.csvFolder(folder, options.threads()), folder::discard);
        }
        SafeOutputFile file = new SafeOutputFile(options.out(), policy);
        return opened(() -> output == ScoreOutput.WORKBOOK
                ? ScoredWorkbookWriter.streaming(file, options.formulas(), options.threads())
                : ScoredWorkbookWriter.csvPredictions(file, options.threads()), file::discard);
    }

    // A writer that cannot be set up (an output file of the folder clashes) leaves no temporary behind.
    private static ScoredWorkbookWriter opened(Supplier<ScoredWorkbookWriter> open, Runnable discard) {
        try {
            return open.get();
        } catch (RuntimeException e) {
            discard.run();
            throw e;
        }
    }

    static void requirePassed(CheckVectors.Result checks, ScoreOptions options) {
        if (!checks.passes()) {
            throw new SheetnetException(SheetnetException.Problem.MISMATCH, options.model().getFileName()
                    + ": the model does not reproduce its check vectors, so nothing was scored: " + checks.describe()
                    + "; fix the parameters, or loosen --check-tolerance if the reference was computed in float32");
        }
    }

    // Target columns are neither features nor row identifiers: Predictions carries them after the outputs.
    static InputBinding bind(Network network, RowSource rows, List<InputRow> batch, Optional<Targets> targets,
            ModelWorkbook model) {
        java.util.Set<Integer> columns = targets.map(Targets::columnSet).orElse(java.util.Set.of());
        return InputBinding.bind(model.model(), rows, batch, columns).withoutIds(columns);
    }

    static TargetBatch read(Optional<Targets> targets, List<InputRow> batch, RowSource rows) {
        return targets.map(t -> t.read(batch, rows)).orElse(null);
    }

    private static void prepare(ScoredWorkbookWriter writer, ModelWorkbook model, InputSources.Opened input,
            InputBinding binding, Optional<Targets> targets, RunRecord record) {
        java.util.function.Predicate<String> copyable = name -> !name.equalsIgnoreCase(InputSources.INPUTS)
                && !name.equals(input.modelSheet()) && !OUTPUT_SHEETS.matcher(name).matches();
        // Only the sheets read are copied; the Audit names the Inputs and earlier outputs left out, as before.
        // An imported ONNX or Keras file has no package: its sheets are the import's, all read.
        List<String> names = model.pkg() != null ? model.pkg().sheetNames()
                : model.sheets().stream().map(org.sheetnet.xlsx.SparseSheet::name).toList();
        for (String name : names) {
            if (!copyable.test(name) && !name.equals(input.modelSheet()) && record != null) {
                record.notCopied.add(name);
            } else if (copyable.test(name) && model.sheet(name).isEmpty() && record != null) {
                record.notRead.add(name);
            }
        }
        writer.copySheets(model.sheets(), copyable);
        if (model.pkg() != null) {
            writer.copyNames(model.pkg().definedNames());
        }
        writer.begin(model.network(), model.sources(), model.preparation(), input.rows().header(), binding.features(),
                binding.idColumns(), targets);
    }

    // Builds the first rows in memory with the same writer, and recomputes their formulas with POI.
    private static FormulaCheck.Result checkFormulas(ModelWorkbook model, InputSources.Opened input,
            InputBinding binding, List<InputRow> batch, Optional<Targets> targets) {
        Network network = model.network();
        List<InputRow> sample = batch.subList(0, Math.min(batch.size(), FORMULA_SAMPLE_ROWS));
        double[] x = new double[sample.size() * network.inputWidth()];
        ForwardTrace trace = score(BatchScorer.onCallingThread(model.model()), binding, x, sample, input.rows());
        try (ScoredWorkbookWriter writer = ScoredWorkbookWriter.inMemory(true)) {
            prepare(writer, model, input, binding, targets, null);
            writer.append(sample, x, trace, read(targets, sample, input.rows()));
            FormulaCheck.Result result = writer.checkFormulas();
            if (!result.passes(FORMULA_TOLERANCE)) {
                throw new SheetnetException(SheetnetException.Problem.MISMATCH,
                        "the formulas sheetnet would write do not reproduce its values (" + result.describe()
                                + "); nothing was written. Please report this with the model workbook");
            }
            return result;
        }
    }

    static List<InputRow> readBatch(RowSource rows, int size) {
        List<InputRow> batch = new ArrayList<>(Math.min(size, 4096));
        InputRow row;
        while (batch.size() < size && (row = rows.next()) != null) {
            batch.add(row);
        }
        return batch;
    }

    // Fills, prepares and scores a batch; a non-finite value is reported at its input row.
    static ForwardTrace score(BatchScorer scorer, InputBinding binding, double[] x, List<InputRow> batch,
            RowSource rows) {
        Network network = scorer.model().network();
        return scorer.score(batch.size(), (r, into, offset) -> binding.raw(batch.get(r), rows, into, offset), x, e -> {
            DenseLayer layer = network.layers().get(e.layer() - 1);
            InputRow row = batch.get(e.row());
            return SheetnetException.input(rows.locateRow(row.line()) + ": layer " + e.layer() + " (" + layer.name()
                    + ", " + layer.activation().describe() + ") gives a non-finite " + e.stage() + " for unit "
                    + e.unit() + " (" + e.value() + "); check the inputs and weights feeding it");
        });
    }
}
