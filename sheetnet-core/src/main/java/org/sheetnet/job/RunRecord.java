package org.sheetnet.job;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.input.ColumnLookup;
import org.sheetnet.input.InputBinding;
import org.sheetnet.input.PreparationLog;
import org.sheetnet.model.FeatureScaling;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.input.RowSource;
import org.sheetnet.files.Sha256;
import org.sheetnet.report.ValueDigest;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.DenseProducts;
import org.sheetnet.model.Network;
import org.sheetnet.sink.AuditLog;
import org.sheetnet.report.FormulaCheck;
import org.sheetnet.Version;

/** What a score run did, gathered as it goes, and turned into the Audit sheet at the end. */
final class RunRecord {

    /** Labels of the Audit lines that {@code verify} reads back. */
    static final String INPUTS_DIGEST = "SHA-256 of Inputs values";
    static final String WEIGHTS_DIGEST = "SHA-256 of weights values";
    static final String BIAS_DIGEST = "SHA-256 of bias values";
    static final String TARGET_COLUMNS = "target columns";

    /** Pairs of input and column the position note lists before referring to the Audit. */
    private static final int NOTE_PAIRS = 10;

    private final ScoreOptions options;
    private final Instant started;
    /** The input file's SHA-256, taken beside the run from its start. */
    private final Optional<Supplier<String>> inputSha256;
    final List<String> notCopied = new ArrayList<>();
    /** Sheets of the model workbook that no layer names: never parsed, so neither checked nor copied. */
    final List<String> notRead = new ArrayList<>();
    Optional<CheckVectors.Result> checks = Optional.empty();
    Optional<FormulaCheck.Result> formulaCheck = Optional.empty();
    List<String> valueOnlySheets = List.of();
    Optional<org.sheetnet.evaluate.Targets> targets = Optional.empty();
    Optional<org.sheetnet.evaluate.Evaluator> evaluation = Optional.empty();
    String inputsDigest = "";
    /** For an ONNX or Keras model file, what it was read as (see {@link ModelFile#importNote()}). */
    Optional<String> modelImport = Optional.empty();
    long rows;
    int batchRows;
    final List<String> notes = new ArrayList<>();

    /**
     * @param audited whether the output keeps the Audit; without it the input file's SHA-256 is not taken
     */
    RunRecord(ScoreOptions options, Instant started, boolean audited) {
        this.options = options;
        this.started = started;
        this.inputSha256 = audited ? options.input().map(Sha256::later) : Optional.empty();
    }

    AuditLog toAudit(ModelWorkbook model, RowSource source, InputBinding binding) {
        AuditLog log = new AuditLog();
        log.section("sheetnet score", "");
        log.line("tool", Version.describe());
        log.line("commit", Version.commit());
        log.line("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        log.line("run at (UTC)", started.truncatedTo(ChronoUnit.SECONDS).toString());
        log.line("command line", options.commandLine());
        log.line("options", "batch size " + batchSize() + "; threads " + options.threads() + "; formulas " + (options.formulas() ? "yes" : "no")
                + "; check tolerance " + options.checkTolerance() + "; replace output " + (options.force() ? "yes" : "no"));
        log.line("model file", options.model().toAbsolutePath().normalize().toString());
        // The hash taken when the model was read: the bytes scored, even if the file changed during the run.
        log.line("model file SHA-256", model.model().provenance().sha256());
        modelImport.ifPresent(note -> log.line("model read as", note));
        log.line("inputs", source.describe());
        inputSha256.ifPresent(sha256 -> log.line("inputs file SHA-256", sha256.get()));
        source.reading().ifPresent(r -> log.line("inputs read as", r));
        log.line(INPUTS_DIGEST, inputsDigest);
        log.line("rows scored", (double) rows);
        log.line("blank rows skipped", (double) source.skippedBlankRows());
        log.line("arithmetic", "IEEE 754 double; a = (Σ_i x_i·W_ij, i ascending) + b_j; same bits whatever the batch");
        log.line("kernel", DenseProducts.kernelReport());
        log.line("check vectors", checks.map(CheckVectors.Result::describe).orElse("none (the model has no Checks sheet)"));
        log.line("formulas", formulaCheck.map(f -> f.describe() + " (first " + ScoreJob.FORMULA_SAMPLE_ROWS + " rows, before writing)")
                .orElse(options.formulas() ? "none" : "not asked for (--formulas writes them)"));
        features(log, model.network(), source, binding);
        targets(log);
        layers(log, model);
        adjustments(log);
        return log;
    }

    /**
     * The note a run whose inputs are matched by position prints once: which column feeds which
     * input, so that a numeric id column taken as a feature is seen.
     */
    static String positionNote(List<String> header, InputBinding binding) {
        List<String> pairs = new ArrayList<>();
        int[] features = binding.features();
        for (int i = 0; i < Math.min(features.length, NOTE_PAIRS); i++) {
            pairs.add("x" + (i + 1) + " ← column " + CellRef.columnName(features[i]) + " \"" + header.get(features[i])
                    + "\"");
        }
        String more = features.length > NOTE_PAIRS ? String.format(java.util.Locale.ROOT, " and %,d more (Audit sheet)",
                features.length - NOTE_PAIRS) : "";
        return "inputs matched by position, as the first weights block names none: " + String.join(", ", pairs) + more
                + "; name the inputs in its first column to match them by name";
    }

    /** The warnings of numbers stored as text read as numbers: one for the model, one for the inputs, if any. */
    static List<String> textNumberWarnings(ModelWorkbook model, InputBinding binding) {
        List<String> warnings = new ArrayList<>();
        if (model.textNumbers().count() > 0) {
            warnings.add(model.textNumbers().describe());
        }
        if (binding.textNumbers().count() > 0) {
            warnings.add(binding.textNumbers().describe());
        }
        return warnings;
    }

    String batchSize() {
        return batchRows == options.batchSize() || batchRows == 0 ? Integer.toString(options.batchSize())
                : batchRows + " (asked " + options.batchSize() + "; more would not fit in an eighth of the heap)";
    }

    private static void features(AuditLog log, Network network, RowSource source, InputBinding binding) {
        log.section("Features", "input column", "matched", "column");
        for (int i = 0; i < network.inputWidth(); i++) {
            String name = network.inputNames().isEmpty() ? "x" + (i + 1) : network.inputNames().get(i);
            int column = binding.features()[i];
            log.line(name, source.header().get(column), binding.byName() ? "by name" : "by position",
                    CellRef.columnName(column));
        }
        log.line("numbers stored as text", (double) binding.textNumbers().count(), binding.textNumbers().describe());
        List<String> ids = new ArrayList<>();
        for (int c : binding.idColumns()) {
            // Columns may share a name when they only pass through; the letter tells them apart.
            ids.add(source.header().get(c) + (ColumnLookup.shared(source.header(), c)
                    ? " (column " + CellRef.columnName(c) + ")" : ""));
        }
        log.list("passed through", ids, "(none)", "Passed-through columns");
        if (binding.preparation() != null) {
            log.section("Preparation", "offset", "scale", "default", "min", "max");
            for (FeatureScaling f : binding.preparation().features()) {
                log.line(f.name() + ": x' = (x − offset) / scale", f.offset(), f.scale(),
                        f.hasDefault() ? (Object) f.defaultValue() : "(none: an empty cell is an error)",
                        Double.isInfinite(f.min()) ? "-" : (Object) f.min(), Double.isInfinite(f.max()) ? "-" : (Object) f.max());
            }
            PreparationLog p = binding.log();
            log.line("empty cells given their default", (double) p.defaults(), p.firstDefault().isEmpty() ? "" : "first: "
                    + p.firstDefault());
            log.line("values outside [min, max]", (double) p.outOfRange(), p.firstOutOfRange().isEmpty() ? ""
                    : "first: " + p.firstOutOfRange() + " (scored anyway; warned on stderr)");
        }
    }

    private void targets(AuditLog log) {
        targets.ifPresent(t -> {
            log.line(TARGET_COLUMNS, t.names().toArray());
            log.line("targets", t.describe());
            evaluation.ifPresent(e -> log.line("evaluation", EvaluationSummary.of(e) + " (sheet Evaluation)"));
        });
    }

    private static void layers(AuditLog log, ModelWorkbook model) {
        Network network = model.network();
        log.section("Layers", "name", "weights", "bias", "shape", "activation", WEIGHTS_DIGEST, BIAS_DIGEST);
        for (int k = 0; k < network.depth(); k++) {
            DenseLayer layer = network.layers().get(k);
            ModelWorkbook.LayerSource source = model.sources().get(k);
            log.line("layer " + (k + 1), layer.name(), source.weights().toString(), source.bias().toString(),
                    layer.inputWidth() + " → " + layer.units(), layer.activation().describe(),
                    ValueDigest.of(layer.weights()), ValueDigest.of(layer.bias()));
        }
        log.line("numbers stored as text in the model", (double) model.textNumbers().count(),
                model.textNumbers().describe());
    }

    private void adjustments(AuditLog log) {
        if (notCopied.isEmpty() && notRead.isEmpty() && valueOnlySheets.isEmpty()) {
            return;
        }
        log.section("Adjustments", "");
        if (!notCopied.isEmpty()) {
            log.line("sheets not copied", "outputs of an earlier run, or an Inputs sheet replaced by --input");
            log.list("sheets not copied: names", notCopied, "", "Sheets not copied");
        }
        if (!notRead.isEmpty()) {
            log.line("sheets not read", "the model names none of them; they were neither parsed nor copied");
            log.list("sheets not read: names", notRead, "", "Sheets not read");
        }
        for (String sheet : valueOnlySheets) {
            log.line("values, not formulas", sheet);
        }
    }
}
