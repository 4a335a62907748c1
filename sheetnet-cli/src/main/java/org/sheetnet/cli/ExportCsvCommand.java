package org.sheetnet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sheetnet.Plural;
import org.sheetnet.format.csv.CsvModelWriter;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.sink.OutputNames;
import org.sheetnet.sink.OutputPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sheetnet export-csv}: writes a model workbook's parameters as a folder of CSV files. */
@Command(header = "Write a model's weights and biases as a folder of CSV files.",
        name = "export-csv",
        description = {
            "Writes the model of MODEL.xlsx into DIR as CSV files: model.csv (layer, weights, bias,",
            "activation, alpha), and per layer k Wk.csv (unit names as header, input names as first column",
            "where the workbook has them) and bk.csv; features.csv (the Features sheet's feature, offset,",
            "scale, default, min, max) and checks.csv (the check vectors) when the model has them. Every",
            "number is written so that it reads back as the same double: 'sheetnet import-csv DIR'",
            "rebuilds the model exactly."
        },
        footer = {"", "Example:", "  sheetnet export-csv workbooks/seed-2-3-2-2.xlsx seed-csv"},
        mixinStandardHelpOptions = true)
final class ExportCsvCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.xlsx", description = "The model workbook.")
    Path model;

    @Parameters(index = "1", paramLabel = "DIR", description = "The folder to write (created if missing).")
    Path dir;

    @Option(names = {"-f", "--force"}, description = "Replace files of the same names in DIR.")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "Show the stack trace of an error.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        List<Path> written;
        int layers;
        OutputNames.requireFolderName(dir, "export-csv");
        OutputPolicy policy = OutputPolicy.of(force).protecting(model, "model workbook");
        // Refused before reading; each file written is checked again, for a link to the model under its name.
        policy.requireNotInput(dir);
        try (ModelWorkbook workbook = ModelReader.read(model)) {
            layers = workbook.network().depth();
            written = CsvModelWriter.write(workbook.model(), dir, policy);
        }
        spec.commandLine().getOut().printf("wrote %s as %s -> %s%n", Plural.of(layers, "layer"), Plural.of(written.size(), "CSV file"), dir);
        return ExitCodes.OK;
    }
}
