package org.sheetnet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.sheetnet.Plural;
import org.sheetnet.format.csv.CsvModelReader;
import org.sheetnet.input.CsvSettings;
import org.sheetnet.model.Model;
import org.sheetnet.format.workbook.ModelWorkbookWriter;
import org.sheetnet.sink.OutputNames;
import org.sheetnet.sink.OutputPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sheetnet import-csv}: builds a model workbook from a folder of CSV parameter files. */
@Command(header = "Read a folder written by export-csv back into a model workbook.",
        name = "import-csv",
        description = {
            "Reads DIR/model.csv (layer, weights, bias, activation, alpha) and the weights and bias CSV",
            "files it names, as written by 'sheetnet export-csv', and writes a model workbook: a Model",
            "sheet and one Wk/bk sheet pair per layer, and Features and Checks sheets from features.csv and",
            "checks.csv when the folder has them. Numbers are copied bit for bit."
        },
        footer = {"", "Example:", "  sheetnet import-csv seed-csv --out seed.xlsx"},
        mixinStandardHelpOptions = true)
final class ImportCsvCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The folder holding model.csv.")
    Path dir;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "MODEL.xlsx", description = "The workbook to write.")
    Path out;

    @CommandLine.Mixin
    CsvOptions csv = new CsvOptions();

    @Option(names = {"-f", "--force"}, description = "Replace the output if it exists.")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "Show the stack trace of an error.")
    boolean verbose;

    @Override
    public Integer call() {
        OutputNames.requireExtension(out, "import-csv", "a model workbook", ".xlsx");
        OutputPolicy policy = OutputPolicy.of(force);
        CsvSettings settings = csv.settings(spec.commandLine());
        if (Files.isDirectory(dir)) {
            for (Path file : CsvModelReader.files(dir, settings)) {
                policy = policy.protecting(file, "file of the CSV model folder");
            }
        }
        policy.requireNotInput(out);
        String[] howRead = {""};
        Model model = CsvModelReader.read(dir, settings, text -> howRead[0] = text);
        ModelWorkbookWriter.write(model, null, null, List.of(), out, policy);
        spec.commandLine().getOut().printf("read %s from %s (%s) -> %s%n", Plural.of(model.network().depth(), "layer"), dir,
                howRead[0], out);
        return ExitCodes.OK;
    }
}
