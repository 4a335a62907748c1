package org.sheetnet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sheetnet.io.ModelReader;
import org.sheetnet.io.ModelWorkbook;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code sheetnet check}: validates a model workbook and prints its layers, scoring nothing. */
@Command(name = "check",
        description = {
            "Reads MODEL.xlsx, checks that its layers chain (each weights block has as many rows as the",
            "previous layer has outputs), that biases match, that every cell is a number and every",
            "activation is known, and prints a summary of the layers. Nothing is scored or written."
        },
        footer = {"", "Example:", "  sheetnet check workbooks/seed-2-3-2-2.xlsx"},
        mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.xlsx", description = "The model workbook.")
    Path model;

    @CommandLine.Option(names = {"-v", "--verbose"}, description = "Show the stack trace of an error.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        try (ModelWorkbook workbook = ModelReader.read(model)) {
            print(workbook, spec.commandLine().getOut());
        }
        return ExitCodes.OK;
    }

    private static void print(ModelWorkbook workbook, PrintWriter out) {
        Network network = workbook.network();
        out.printf("%s: %d layers, %d inputs -> %d outputs%n", workbook.file().getFileName(), network.depth(),
                network.inputWidth(), network.outputLayer().outputWidth());
        out.println("inputs: " + (network.inputNames().isEmpty()
                ? "unnamed (numeric input columns are taken in order)"
                : String.join(", ", network.inputNames())));
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
        out.printf("%,d parameters; the model is valid%n", parameters);
    }
}
