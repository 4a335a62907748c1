package org.sheetnet.format.keras;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sheetnet.files.Sha256;
import org.sheetnet.Version;
import org.sheetnet.model.InputPreparation;
import org.sheetnet.model.Model;
import org.sheetnet.model.Provenance;
import org.sheetnet.model.Network;
import org.sheetnet.sink.AuditLog;
import org.sheetnet.sink.OutputPolicy;
import org.sheetnet.format.workbook.ImportedModel;
import org.sheetnet.format.workbook.ModelWorkbookWriter;

/**
 * {@code sheetnet import-keras}: reads a Keras model file and writes it as a model workbook, with a
 * {@code Source} sheet saying where every number came from and, when expected outputs are given,
 * {@code Checks} (inputs and Keras's predictions) and {@code Inputs} (the same inputs, ready to score).
 */
public final class KerasImport {

    /** The name of the sheet describing the source. */
    public static final String SOURCE_SHEET = ImportedModel.SOURCE_SHEET;

    /**
     * What to import.
     *
     * @param model       the {@code .h5} or {@code .keras} file
     * @param config      a separate architecture JSON, for a weights-only file
     * @param expected    an HDF5 file of inputs and Keras's predictions, for the Checks sheet
     * @param out         the workbook to write
     * @param replace     whether an existing workbook may be replaced
     * @param commandLine the command line, for the Source sheet
     */
    public record Options(Path model, Optional<Path> config, Optional<Path> expected, Path out, boolean replace,
            String commandLine) {
    }

    /**
     * What was imported.
     *
     * @param network the network written
     * @param folded  number of Keras layers folded into the Dense layers or left out
     * @param checks  number of rows of the Checks sheet (0 without expected outputs)
     * @param features whether a Features sheet (from a Normalization layer) prepares the inputs
     */
    public record Result(Network network, int folded, int checks, boolean features) {
    }

    private KerasImport() {
    }

    /**
     * Reads a Keras model into a network, without writing anything.
     *
     * @param model  the {@code .h5} or {@code .keras} file
     * @param config a separate architecture JSON, for a weights-only file
     * @throws org.sheetnet.SheetnetException (FILE) if a file cannot be read, (MODEL) naming the layer that
     *                                        cannot be represented
     */
    public static Network read(Path model, Optional<Path> config) {
        return readModel(model, config).network();
    }

    /**
     * Reads a Keras model, without writing anything: its layers, and a {@code Normalization} layer as
     * the model's input preparation.
     *
     * @param model  the {@code .h5} or {@code .keras} file
     * @param config a separate architecture JSON, for a weights-only file
     * @throws org.sheetnet.SheetnetException as {@link #read}
     */
    public static Model readModel(Path model, Optional<Path> config) {
        try (KerasSource source = KerasFiles.open(model, config)) {
            ChainAssembler.Result assembled = assemble(source, model);
            return new Model(assembled.network(), assembled.features().map(InputPreparation::new), Optional.empty(),
                    new Provenance(model.getFileName().toString(), Sha256.of(model)));
        }
    }

    /**
     * Imports a model and writes its workbook.
     *
     * @throws org.sheetnet.SheetnetException as {@link #read}, and (OUTPUT) if the workbook cannot be written
     */
    public static Result run(Options options) {
        ImportedModel<Result> imported = importModel(options, "sheetnet import-keras");
        imported.write(options.out(), OutputPolicy.of(options.replace()));
        return imported.result();
    }

    /**
     * Reads a model as {@code import-keras} does, with the sheets of its workbook, writing nothing
     * ({@code options.out()} and {@code replace()} are not used).
     *
     * @param options what to read
     * @param by      what imports it, for the Source sheet: {@code sheetnet import-keras}
     * @throws org.sheetnet.SheetnetException as {@link #read}
     */
    public static ImportedModel<Result> importModel(Options options, String by) {
        try (KerasSource source = KerasFiles.open(options.model(), options.config())) {
            ChainAssembler.Result assembled = assemble(source, options.model());
            Network network = assembled.network();
            Optional<ExpectedOutputs> expected = options.expected().map(f -> ExpectedOutputs.read(f,
                    network.inputWidth(), network.outputLayer().outputWidth()));
            AuditLog audit = audit(options, by, source, assembled, expected);
            Model model = new Model(network, assembled.features().map(InputPreparation::new),
                    expected.map(e -> CheckSheets.vectors(network, e)),
                    new Provenance(options.model().getFileName().toString(), Sha256.of(options.model())));
            List<ModelWorkbookWriter.ExtraSheet> extras = new ArrayList<>();
            expected.ifPresent(e -> extras.add(CheckSheets.inputs(model, e)));
            int folded = assembled.notes().size() - network.depth();
            Result result = new Result(network, folded, expected.map(ExpectedOutputs::rows).orElse(0),
                    assembled.features().isPresent());
            return new ImportedModel<>(model, audit, List.copyOf(extras), result);
        }
    }

    private static ChainAssembler.Result assemble(KerasSource source, Path model) {
        String name = model.getFileName().toString();
        ModelConfig config = KerasConfig.read(source.config(), name);
        return ChainAssembler.assemble(config, source.weights(), source.kerasMajor(), name);
    }

    private static AuditLog audit(Options options, String by, KerasSource source, ChainAssembler.Result assembled,
            Optional<ExpectedOutputs> expected) {
        AuditLog log = new AuditLog();
        log.section("Source", "imported from a Keras model file by " + by);
        log.line("tool", Version.describe());
        log.line("imported at (UTC)", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        log.line("command line", options.commandLine());
        log.line("model file", options.model().toString());
        log.line("model SHA-256", Sha256.of(options.model()));
        log.line("format", source.format());
        log.line("config", source.configOrigin());
        options.config().ifPresent(c -> log.line("config SHA-256", Sha256.of(c)));
        log.line("keras_version", source.kerasVersion().orElse("(not recorded)"));
        log.line("backend", source.backend().orElse("(not recorded)"));
        log.line("model class", source.config().path("class_name").asText(""));
        log.line("numbers", "float32 weights are widened to double exactly; nothing is rounded");
        assembled.features().ifPresent(f -> log.line("Features sheet", "the Normalization layer's mean and"
                + " variance as offset and scale of each input (x' = (x − offset) / scale), applied before layer 1;"
                + " default, min and max are left empty"));
        log.section("Keras layers", "class", "became");
        for (ChainAssembler.Note note : assembled.notes()) {
            log.line(note.layer(), note.className(), note.became());
        }
        expected.ifPresent(e -> {
            Path file = options.expected().orElseThrow();
            log.section("Expected outputs", "the Checks sheet");
            log.line("file", file.toString());
            log.line("SHA-256", Sha256.of(file));
            log.line("inputs", e.inputs().path() + " " + e.inputs().dtype() + " " + e.inputs().describeShape());
            log.line("predictions", e.predictions().path() + " " + e.predictions().dtype() + " "
                    + e.predictions().describeShape() + ", computed by Keras");
        });
        return log;
    }
}
