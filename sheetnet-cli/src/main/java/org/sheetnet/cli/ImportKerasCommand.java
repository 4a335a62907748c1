package org.sheetnet.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sheetnet.Plural;
import org.sheetnet.format.keras.KerasImport;
import org.sheetnet.sink.OutputPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sheetnet import-keras}: turns a Keras model file into a model workbook. */
@Command(header = "Turn a Keras .h5 or .keras file into a model workbook, without Python.",
        name = "import-keras",
        description = {
            "Reads a Keras model without Python and writes it as a model workbook: a Model sheet, one",
            "Wk/bk sheet pair per Dense layer (units named after the layer: dense_1_1, dense_1_2, ...;",
            "inputs x1, x2, ...), and a Source sheet (file, SHA-256, Keras version, what became of each layer).",
            "",
            "Reads the legacy HDF5 full model of Keras 1 and 2 (.h5), the .keras zip of Keras 3, and",
            "weights-only .h5 files with their architecture JSON (--config). Sequential and functional",
            "models whose layers form a chain of Dense layers are imported; InputLayer, Flatten, Dropout,",
            "Activation and the ReLU, LeakyReLU, ELU and Softmax layers are folded in. A Normalization layer",
            "before the first Dense layer becomes a Features sheet (offset = mean, scale = max(sqrt(variance),",
            "1e-7), as Keras divides); a BatchNormalization layer after a linear Dense layer is folded into",
            "its weights and bias exactly. Any other layer, or",
            "an activation sheetnet cannot compute exactly as Keras did, is refused by name.",
            "",
            "--expected FILE.h5 (groups inputs/ and predictions/, as Keras computed them) adds a Checks sheet",
            "(the inputs, then expected:UNIT columns) and an Inputs sheet with the same rows."
        },
        footer = {
            "",
            "Examples:",
            "  sheetnet import-keras model.keras --out model.xlsx",
            "  sheetnet import-keras model.h5 --expected model_inputs_and_outputs.h5 --out model.xlsx",
            "  sheetnet import-keras weights.h5 --config model.json --out model.xlsx --force"
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
final class ImportKerasCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.h5|MODEL.keras", description = "The Keras model file.")
    Path model;

    @CommandLine.Mixin
    ModelWorkbookOutput output;

    @Option(names = "--config", paramLabel = "MODEL.json",
            description = "The architecture JSON (model.to_json()) of a weights-only .h5 file.")
    Path config;

    @Option(names = "--expected", paramLabel = "FILE.h5",
            description = "Inputs and Keras's predictions (groups inputs/ and predictions/), written as a Checks sheet.")
    Path expected;

    @Option(names = {"-v", "--verbose"}, description = "Show the stack trace of an error.")
    boolean verbose;

    @Override
    public Integer call() {
        Path target = output.target(model, "import-keras");
        // KerasImport writes through ModelWorkbookWriter; the inputs are protected here, before anything is read.
        OutputPolicy.of(output.force).protecting(model, "Keras model").protecting(config, "--config file")
                .protecting(expected, "--expected file").requireNotInput(target);
        String commandLine = Messages.commandLine(spec);
        KerasImport.Result result = KerasImport.run(new KerasImport.Options(model, Optional.ofNullable(config),
                Optional.ofNullable(expected), target, output.force, commandLine));
        spec.commandLine().getOut().printf("imported %s (%s folded in or left out), "
                + "%s -> %s%s -> %s%n", Plural.of(result.network().depth(), "Dense layer"),
                Plural.of(result.folded(), "other layer"),
                Plural.of(result.network().inputWidth(), "input"),
                Plural.of(result.network().outputLayer().outputWidth(), "output"),
                (result.features() ? ", inputs prepared by a Features sheet" : "")
                        + (result.checks() > 0 ? ", " + result.checks() + " checks" : ""), target);
        return ExitCodes.OK;
    }

}
