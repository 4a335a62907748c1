package org.sheetnet.job;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import org.sheetnet.SheetnetException;
import org.sheetnet.engine.ForwardPass;
import org.sheetnet.engine.ForwardTrace;
import org.sheetnet.engine.NonFiniteValueException;
import org.sheetnet.io.InputBinding;
import org.sheetnet.io.InputRow;
import org.sheetnet.io.ModelReader;
import org.sheetnet.io.ModelWorkbook;
import org.sheetnet.io.RowSource;
import org.sheetnet.io.Sha256;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;
import org.sheetnet.output.AuditLog;
import org.sheetnet.output.SafeOutputFile;
import org.sheetnet.output.ScoredWorkbookWriter;

/**
 * Scores input rows with a model workbook and writes the audited output workbook: reads a batch,
 * runs the forward pass, appends every layer's values to the output, and repeats.
 */
public final class ScoreJob {

    /** Sheets a previous run wrote; when an output workbook is scored again they are not copied. */
    private static final Pattern OUTPUT_SHEETS = Pattern.compile("(?i)L\\d+_(pre|act)|Predictions|Audit");

    /**
     * What a run did.
     *
     * @param rows    number of rows scored
     * @param network the network that ran
     */
    public record Result(long rows, Network network) {
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
    public static Result run(ScoreOptions options, LongConsumer progress) {
        Instant started = Instant.now();
        try (ModelWorkbook model = ModelReader.read(options.model());
                InputSources.Opened input = InputSources.open(model.workbook(), options.model(), options.input(),
                        options.inputSheet())) {
            Network network = model.network();
            RowSource rows = input.rows();
            List<InputRow> batch = readBatch(rows, options.batchSize());
            InputBinding binding = InputBinding.bind(network, rows, batch);
            List<String> notCopied = new ArrayList<>();
            long count = 0;
            try (ScoredWorkbookWriter writer = new ScoredWorkbookWriter(new SafeOutputFile(options.out(), options.force()))) {
                writer.copySheets(model.workbook(), name -> {
                    boolean copy = !name.equalsIgnoreCase(InputSources.INPUTS) && !name.equals(input.modelSheet())
                            && !OUTPUT_SHEETS.matcher(name).matches();
                    if (!copy && !name.equals(input.modelSheet())) {
                        notCopied.add(name);
                    }
                    return copy;
                });
                writer.begin(network, rows.header(), binding.idColumns());
                double[] x = new double[options.batchSize() * network.inputWidth()];
                while (!batch.isEmpty()) {
                    for (int r = 0; r < batch.size(); r++) {
                        binding.fill(batch.get(r), rows, x, r * network.inputWidth());
                    }
                    writer.append(batch, forward(network, x, batch, rows));
                    count += batch.size();
                    progress.accept(count);
                    batch = readBatch(rows, options.batchSize());
                }
                if (count == 0) {
                    throw SheetnetException.input(rows.describe() + ": no input rows below the header");
                }
                writer.finish(audit(options, model, rows, binding, count, notCopied, started));
            }
            return new Result(count, network);
        } catch (java.io.IOException e) {
            throw SheetnetException.file(options.model() + ": " + e.getMessage(), e);
        }
    }

    private static List<InputRow> readBatch(RowSource rows, int size) {
        List<InputRow> batch = new ArrayList<>(Math.min(size, 4096));
        InputRow row;
        while (batch.size() < size && (row = rows.next()) != null) {
            batch.add(row);
        }
        return batch;
    }

    private static ForwardTrace forward(Network network, double[] x, List<InputRow> batch, RowSource rows) {
        try {
            return ForwardPass.run(network, x, batch.size());
        } catch (NonFiniteValueException e) {
            DenseLayer layer = network.layers().get(e.layer() - 1);
            InputRow row = batch.get(e.row());
            throw SheetnetException.input(rows.locateRow(row.line()) + ": layer " + e.layer() + " (" + layer.name() + ", " + layer.activation().describe()
                    + ") gives a non-finite " + e.stage() + " for unit " + e.unit() + " (" + e.value()
                    + "); check the inputs and weights feeding it");
        }
    }

    private static AuditLog audit(ScoreOptions options, ModelWorkbook model, RowSource rows, InputBinding binding,
            long count, List<String> notCopied, Instant started) {
        Network network = model.network();
        AuditLog log = new AuditLog();
        log.section("sheetnet score", "");
        log.line("tool", Version.describe());
        log.line("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        log.line("run at (UTC)", started.truncatedTo(ChronoUnit.SECONDS).toString());
        log.line("command line", options.commandLine());
        log.line("model file", options.model().toAbsolutePath().normalize().toString());
        log.line("model SHA-256", Sha256.of(options.model()));
        log.line("inputs", rows.describe());
        options.input().ifPresent(p -> log.line("inputs SHA-256", Sha256.of(p)));
        log.line("rows scored", (double) count);
        log.line("blank rows skipped", (double) rows.skippedBlankRows());
        log.line("batch size", (double) options.batchSize());
        log.line("arithmetic", "IEEE 754 double; a = (Σ_i x_i·W_ij, i ascending) + b_j; same bits whatever the batch");
        log.section("Features", "input column", "matched");
        for (int i = 0; i < network.inputWidth(); i++) {
            String name = network.inputNames().isEmpty() ? "x" + (i + 1) : network.inputNames().get(i);
            log.line(name, rows.header().get(binding.features()[i]), binding.byName() ? "by name" : "by position");
        }
        List<String> ids = new ArrayList<>();
        for (int c : binding.idColumns()) {
            ids.add(rows.header().get(c));
        }
        log.line("passed through", ids.isEmpty() ? "(none)" : String.join(", ", ids));
        log.section("Layers", "name", "weights", "bias", "shape", "activation");
        for (int k = 0; k < network.depth(); k++) {
            DenseLayer layer = network.layers().get(k);
            ModelWorkbook.LayerSource source = model.sources().get(k);
            log.line("layer " + (k + 1), layer.name(), source.weights().toString(), source.bias().toString(),
                    layer.inputWidth() + " → " + layer.units(), layer.activation().describe());
        }
        if (!notCopied.isEmpty()) {
            log.section("Adjustments", "");
            log.line("sheets not copied", String.join(", ", notCopied)
                    + " (outputs of an earlier run, or an Inputs sheet replaced by --input)");
        }
        return log;
    }
}
