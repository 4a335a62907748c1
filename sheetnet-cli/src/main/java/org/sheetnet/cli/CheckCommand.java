package org.sheetnet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sheetnet.Plural;
import org.sheetnet.job.CheckVectors;
import org.sheetnet.format.workbook.ModelReader;
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
            "evaluates them and exits 7 when they do not reproduce. Nothing is scored or written."
        },
        footer = {"", "Example:", "  sheetnet check workbooks/seed-2-3-2-2.xlsx"},
        mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.xlsx", description = "The model workbook.")
    Path model;

    @CommandLine.Option(names = "--check-tolerance", paramLabel = "REL", defaultValue = "1e-6",
            description = "Largest deviation accepted on the check vectors, relative; absolute below 1e-6"
                    + " (default: ${DEFAULT-VALUE}).")
    double checkTolerance;

    @CommandLine.Option(names = {"-v", "--verbose"}, description = "Show the stack trace of an error.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        try (ModelWorkbook workbook = ModelReader.read(model)) {
            PrintWriter out = spec.commandLine().getOut();
            if (workbook.textNumbers().count() > 0) {
                System.err.println("sheetnet: warning: " + workbook.textNumbers().describe());
            }
            print(workbook, out);
            Optional<CheckVectors.Result> checks = CheckVectors.evaluate(workbook.model(), checkTolerance);
            out.println("check vectors: " + checks.map(CheckVectors.Result::describe)
                    .orElse("none (add a Checks sheet of inputs and expected:<output> columns to have them checked)"));
            return checks.map(CheckVectors.Result::passes).orElse(true) ? ExitCodes.OK : ExitCodes.MISMATCH;
        }
    }

    private static void print(ModelWorkbook workbook, PrintWriter out) {
        Network network = workbook.network();
        out.printf("%s: %s, %s -> %s%n", workbook.file().getFileName(), Plural.of(network.depth(), "layer"),
                Plural.of(network.inputWidth(), "input"), Plural.of(network.outputLayer().outputWidth(), "output"));
        out.println("inputs: " + (network.inputNames().isEmpty()
                ? "unnamed (numeric input columns are taken in order)"
                : String.join(", ", network.inputNames())));
        workbook.preparation().ifPresent(p -> out.println("prepared by the Features sheet: x' = (x - offset) / scale for "
                + String.join(", ", p.names())));
        out.printf("%-3s %-14s %-22s %-22s %-10s %s%n", "#", "layer", "weights", "bias", "shape", "activation");
        long parameters = 0;
        for (int k = 0; k < network.depth(); k++) {
            DenseLayer layer = network.layers().get(k);
            ModelWorkbook.LayerSource source = workbook.sources().get(k);
            out.printf("%-3d %-14s %-22s %-22s %-10s %s%n", k + 1, layer.name(), source.weights(), source.bias(),
                    layer.inputWidth() + "x" + layer.units(), layer.activation().describe());
            parameters += (long) layer.inputWidth() * layer.units() + layer.units();
        }
        out.println("outputs: " + String.join(", ", network.outputLayer().outputNames()));
        out.printf("%,d parameters; the layers are valid%n", parameters);
    }
}
