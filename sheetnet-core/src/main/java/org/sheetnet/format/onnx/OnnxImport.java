package org.sheetnet.format.onnx;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sheetnet.Version;
import org.sheetnet.files.Sha256;
import org.sheetnet.format.onnx.proto.Onnx.OperatorSetIdProto;
import org.sheetnet.format.workbook.ImportedModel;
import org.sheetnet.format.workbook.ModelWorkbookWriter;
import org.sheetnet.model.InputPreparation;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;
import org.sheetnet.model.Provenance;
import org.sheetnet.sink.AuditLog;
import org.sheetnet.sink.OutputPolicy;

/**
 * {@code sheetnet import-onnx}: reads an ONNX file whose graph is a chain of dense layers and writes it
 * as a model workbook, with a {@code Source} sheet saying where every number came from (producer,
 * opsets, file hash, what became of each node) and, when expected outputs are given, {@code Checks}
 * and {@code Inputs} sheets.
 */
public final class OnnxImport {

    /** The name of the sheet describing the source. */
    public static final String SOURCE_SHEET = ImportedModel.SOURCE_SHEET;

    /**
     * What to import.
     *
     * @param model       the {@code .onnx} file
     * @param expected    stored inputs and reference outputs (a folder of {@code .pb} tensors or a JSON file)
     * @param out         the workbook to write
     * @param replace     whether an existing workbook may be replaced
     * @param commandLine the command line, for the Source sheet
     */
    public record Options(Path model, Optional<Path> expected, Path out, boolean replace, String commandLine) {
    }

    /**
     * What was imported.
     *
     * @param network  the network written
     * @param nodes    number of graph nodes read
     * @param checks   number of rows of the Checks sheet (0 without expected outputs)
     * @param features whether a Features sheet (from a leading Sub/Div) prepares the inputs
     * @param source   the file with its producer, IR version and opset
     */
    public record Result(Network network, int nodes, int checks, boolean features, String source) {
    }

    private OnnxImport() {
    }

    /**
     * Reads an ONNX model, without writing anything.
     *
     * @param model the {@code .onnx} file; external data is read from beside it
     * @throws org.sheetnet.SheetnetException (FILE) if a file cannot be read, (MODEL) naming the node that
     *                                        cannot be represented
     */
    public static Model readModel(Path model) {
        OnnxFile file = OnnxFile.read(model);
        return toModel(file, ChainBuilder.build(new OnnxGraph(file)));
    }

    /**
     * Imports a model and writes its workbook.
     *
     * @throws org.sheetnet.SheetnetException as {@link #readModel}, and (OUTPUT) if the workbook cannot be written
     */
    public static Result run(Options options) {
        ImportedModel<Result> imported = importModel(options, "sheetnet import-onnx");
        imported.write(options.out(), OutputPolicy.of(options.replace()));
        return imported.result();
    }

    /**
     * Reads a model as {@code import-onnx} does, with the sheets of its workbook, writing nothing
     * ({@code options.out()} and {@code replace()} are not used).
     *
     * @param options what to read
     * @param by      what imports it, for the Source sheet: {@code sheetnet import-onnx}
     * @throws org.sheetnet.SheetnetException as {@link #readModel}
     */
    public static ImportedModel<Result> importModel(Options options, String by) {
        Optional<Path> expected = options.expected();
        OnnxFile file = OnnxFile.read(options.model());
        ChainBuilder.Result chain = ChainBuilder.build(new OnnxGraph(file));
        Model read = toModel(file, chain);
        Network network = read.network();
        Optional<OnnxExpected> outputs = expected.map(p -> OnnxExpected.read(p, network.inputWidth(),
                network.outputLayer().outputWidth()));
        Model withChecks = read.withChecks(outputs.map(OnnxExpected::vectors));
        List<ModelWorkbookWriter.ExtraSheet> extras = new ArrayList<>();
        outputs.ifPresent(e -> extras.add(e.inputsSheet(withChecks)));
        Result result = new Result(network, file.proto().getGraph().getNodeCount(),
                outputs.map(e -> e.inputs().length).orElse(0), chain.scaling().isPresent(), file.describe());
        return new ImportedModel<>(withChecks, audit(options, by, file, chain, outputs),
                List.copyOf(extras), result);
    }

    private static Model toModel(OnnxFile file, ChainBuilder.Result chain) {
        Network network = chain.network();
        Optional<InputPreparation> preparation = chain.scaling().map(s -> s.toPreparation(network.inputNames()));
        return new Model(network, preparation, Optional.empty(), new Provenance(file.describe(), file.sha256()));
    }

    private static AuditLog audit(Options options, String by, OnnxFile file, ChainBuilder.Result chain,
            Optional<OnnxExpected> expected) {
        AuditLog log = new AuditLog();
        log.section("Source", "imported from an ONNX model file by " + by);
        log.line("tool", Version.describe());
        log.line("imported at (UTC)", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        log.line("command line", options.commandLine());
        log.line("model file", options.model().toString());
        log.line("model SHA-256", file.sha256());
        log.line("producer", file.producer());
        log.line("IR version", (double) file.proto().getIrVersion());
        List<String> opsets = new ArrayList<>();
        for (OperatorSetIdProto set : file.proto().getOpsetImportList()) {
            opsets.add((set.getDomain().isEmpty() ? "ai.onnx" : set.getDomain()) + " " + set.getVersion());
        }
        log.line("opsets", String.join(", ", opsets));
        log.line("graph", file.proto().getGraph().getName());
        log.line("input", chain.input() + " (" + chain.dtype() + ")");
        log.line("output", chain.output() + (chain.classes().isEmpty() ? "" : "; class labels " + chain.classes()));
        log.line("numbers", chain.dtype() + " values are widened to double exactly; folded operations (alpha, beta,"
                + " BatchNormalization, Sub/Div after a layer) are computed once in double");
        chain.scaling().ifPresent(s -> log.line("Features sheet", "the leading Sub/Div (Add/Mul) constants as offset"
                + " and scale of each input (x' = (x − offset) / scale), applied before layer 1"));
        log.section("ONNX nodes", "op", "became");
        for (ChainBuilder.Note note : chain.notes()) {
            log.line(note.node().isEmpty() ? "(unnamed)" : note.node(), note.op(), note.became());
        }
        expected.ifPresent(e -> {
            Path path = options.expected().orElseThrow();
            log.section("Expected outputs", "the Checks sheet");
            log.line("file", path.toString());
            if (!java.nio.file.Files.isDirectory(path)) {
                log.line("SHA-256", Sha256.of(path));
            }
            log.line("rows", (double) e.inputs().length);
        });
        return log;
    }
}
