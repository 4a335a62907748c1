package org.sheetnet.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sheetnet.Plural;
import org.sheetnet.format.onnx.OnnxImport;
import org.sheetnet.sink.OutputPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sheetnet import-onnx}: turns an ONNX model file into a model workbook. */
@Command(header = "Turn an ONNX model (PyTorch, scikit-learn, TensorFlow, ...) into a model workbook.",
        name = "import-onnx",
        description = {
            "Reads an ONNX file whose graph is a chain of dense layers, from any exporter and opset 7 on, and",
            "writes it as a model workbook: a Model sheet, one Wk/bk sheet pair per layer (inputs and outputs",
            "named after the graph's input and output; a classifier's units after its class labels), and a",
            "Source sheet (file, SHA-256, producer, opsets, what became of each node).",
            "",
            "Gemm (alpha, beta, transB, any broadcastable bias) and MatMul + Add become layers; Relu, LeakyRelu,",
            "Elu, Selu, Celu, Sigmoid, HardSigmoid, HardSwish, Tanh, Softplus, Softsign, Gelu, Mish,",
            "ThresholdedRelu, Softmax and LogSoftmax their activations; BatchNormalization and Add/Sub/Mul/Div",
            "by constants after a layer are folded into it; a leading Sub/Div (Add/Mul) by constants becomes",
            "the Features sheet; Identity, Dropout, Cast, Flatten and Reshape to [N, -1] pass. A scikit-learn",
            "classifier's ArgMax/ArrayFeatureExtractor/ZipMap label outputs give the class labels. Anything",
            "else (Conv, LSTM, attention, control flow, branches) is refused naming the node. Weights may be",
            "float32, float64 or float16, inline or as external data in a file beside the model.",
            "",
            "--expected (a folder of ONNX test tensors input_0.pb/output_0.pb, or a JSON file",
            "{\"inputs\": [[...]], \"outputs\": [[...]]}) adds a Checks sheet and an Inputs sheet with the same rows."
        },
        footer = {
            "",
            "Examples:",
            "  sheetnet import-onnx model.onnx --out model.xlsx",
            "  sheetnet import-onnx model.onnx --expected test_data_set_0 --out model.xlsx --force"
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
final class ImportOnnxCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.onnx", description = "The ONNX model file.")
    Path model;

    @CommandLine.Mixin
    ModelWorkbookOutput output;

    @Option(names = "--expected", paramLabel = "DIR|FILE.json",
            description = "Inputs and reference outputs (input_0.pb/output_0.pb folder or JSON), written as a Checks sheet.")
    Path expected;

    @Option(names = {"-v", "--verbose"}, description = "Show the stack trace of an error.")
    boolean verbose;

    @Override
    public Integer call() {
        Path target = output.target(model, "import-onnx");
        OutputPolicy.of(output.force).protecting(model, "ONNX model").protecting(expected, "--expected file")
                .requireNotInput(target);
        String commandLine = Messages.commandLine(spec);
        OnnxImport.Result result = OnnxImport.run(new OnnxImport.Options(model, Optional.ofNullable(expected), target,
                output.force, commandLine));
        spec.commandLine().getOut().printf("imported %s from %s of %s, %s -> %s%s -> %s%n",
                Plural.of(result.network().depth(), "layer"), Plural.of(result.nodes(), "node"), result.source(),
                Plural.of(result.network().inputWidth(), "input"),
                Plural.of(result.network().outputLayer().outputWidth(), "output"),
                (result.features() ? ", inputs prepared by a Features sheet" : "")
                        + (result.checks() > 0 ? ", " + result.checks() + " checks" : ""), target);
        return ExitCodes.OK;
    }
}
