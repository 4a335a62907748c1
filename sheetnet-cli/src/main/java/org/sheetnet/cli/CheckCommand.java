package org.sheetnet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sheetnet.Plural;
import org.sheetnet.job.CheckVectors;
import org.sheetnet.job.ModelFile;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sheetnet check}: validates a model workbook and prints its layers, scoring nothing. */
@Command(header = "Validate a model workbook and its check vectors; print its layers. Scores nothing.",
        name = "check",
        description = {
            "Reads MODEL.xlsx, checks that its layers chain (each weights block has as many rows as the",
            "previous layer has outputs), that biases match, that every cell is a number and every",
            "activation is known, and prints a summary of the layers. If the workbook has a Checks sheet (input",
            "rows with the outputs the original framework gave, in columns headed expected:<output name>),",
            "evaluates them and exits 7 when they do not reproduce. Nothing is scored or written.",
            "",
            "An ONNX (.onnx) or Keras (.keras, .h5) file is read as import-onnx or import-keras reads it, and its",
            "layers are shown as the sheets that import would write. Such a file holds no check vectors."
        },
        footer = {"", "Examples:", "  sheetnet check workbooks/seed-2-3-2-2.xlsx", "  sheetnet check model.onnx"},
        mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.xlsx", description = "The model workbook, or an .onnx, .keras or .h5"
            + " model file.")
    Path model;

    @CommandLine.Option(names = "--check-tolerance", paramLabel = "REL", defaultValue = "1e-6",
            description = "Largest deviation accepted on the check vectors, relative; absolute below 1e-6"
                    + " (default: ${DEFAULT-VALUE}).")
    double checkTolerance;

    @CommandLine.Option(names = {"-v", "--verbose"}, description = "Show the stack trace of an error.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        String commandLine = Messages.commandLine(spec);
        try (ModelFile file = ModelFile.open(model, "check", commandLine)) {
            ModelWorkbook workbook = file.workbook();
            PrintWriter out = spec.commandLine().getOut();
            if (workbook.textNumbers().count() > 0) {
                System.err.println("sheetnet: warning: " + workbook.textNumbers().describe());
            }
            print(workbook, out);
            Optional<CheckVectors.Result> checks = CheckVectors.evaluate(workbook.model(), checkTolerance);
            out.println("check vectors: " + checks.map(CheckVectors.Result::describe).orElse(noChecks(file.format())));
            return checks.map(CheckVectors.Result::passes).orElse(true) ? ExitCodes.OK : ExitCodes.MISMATCH;
        }
    }

    // Where check vectors would come from, for a model that has none.
    private static String noChecks(ModelFile.Format format) {
        if (!format.imported()) {
            return "none (add a Checks sheet of inputs and expected:<output> columns to have them checked)";
        }
        String expected = format == ModelFile.Format.ONNX ? "DIR|FILE.json" : "FILE.h5";
        return "none: " + format.describe() + "s hold no check vectors (sheetnet " + format.importCommand()
                + " --expected " + expected + " writes a workbook with a Checks sheet of reference outputs)";
    }

    private static final int SHOWN_NAMES = 12;

    private static void print(ModelWorkbook workbook, PrintWriter out) {
        Network network = workbook.network();
        out.printf("%s: %s, %s -> %s%n", workbook.file().getFileName(), Plural.of(network.depth(), "layer"),
                Plural.of(network.inputWidth(), "input"), Plural.of(network.outputLayer().outputWidth(), "output"));
        out.println("inputs: " + (network.inputNames().isEmpty()
                ? "unnamed (numeric input columns are taken in order)"
                : names(network.inputNames())));
        workbook.preparation().ifPresent(p -> out.println("prepared by the Features sheet: x' = (x - offset) / scale for "
                + names(p.names())));
        out.printf("%-3s %-14s %-22s %-22s %-10s %s%n", "#", "layer", "weights", "bias", "shape", "activation");
        long parameters = 0;
        for (int k = 0; k < network.depth(); k++) {
            DenseLayer layer = network.layers().get(k);
            ModelWorkbook.LayerSource source = workbook.sources().get(k);
            out.printf("%-3d %-14s %-22s %-22s %-10s %s%n", k + 1, layer.name(), source.weights(), source.bias(),
                    layer.inputWidth() + "x" + layer.units(), layer.activation().describe());
            parameters += (long) layer.inputWidth() * layer.units() + layer.units();
        }
        out.println("outputs: " + names(network.outputLayer().outputNames()));
        out.printf("%,d parameters; the layers are valid%n", parameters);
    }

    /** Up to 12 names, then the last one: a 784-input model's names would fill a screen. */
    static String names(List<String> names) {
        if (names.size() <= SHOWN_NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, SHOWN_NAMES - 1)) + ", … " + names.get(names.size() - 1)
                + " (" + names.size() + " in all)";
    }
}
