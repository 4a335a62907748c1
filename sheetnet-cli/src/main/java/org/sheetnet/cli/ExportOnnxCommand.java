package org.sheetnet.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.sheetnet.format.onnx.OnnxExport;
import org.sheetnet.format.onnx.proto.Onnx.ModelProto;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.sink.OutputNames;
import org.sheetnet.sink.OutputPolicy;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sheetnet export-onnx}: writes a model workbook as an ONNX file. */
@Command(header = "Write a model workbook as an ONNX file that ONNX Runtime computes as sheetnet does.",
        name = "export-onnx",
        description = {
            "Writes the whole model as one ONNX graph: input [N, inputs] -> the Features sheet as Sub and",
            "Div (Where(IsNaN) for defaults) -> each layer as Gemm -> its activation -> output [N, outputs].",
            "Every sheetnet activation is written, as the ONNX operator where one computes it in double",
            "(Relu, Sigmoid, Tanh, Exp, Softmax, LogSoftmax), else composed from arithmetic, Where and",
            "comparisons with its parameter in full precision (gelu's erf as a series). Numbers are",
            "float64 unless --float32. The input and output names are kept in the file's metadata."
        },
        footer = {
            "",
            "Examples:",
            "  sheetnet export-onnx model.xlsx --out model.onnx",
            "  sheetnet export-onnx model.xlsx --out model-f32.onnx --float32 --opset 13"
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
final class ExportOnnxCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL.xlsx", description = "The model workbook.")
    Path model;

    @Option(names = {"-o", "--out"}, paramLabel = "MODEL.onnx",
            description = "The ONNX file to write. Default: the model's name with .onnx, in the current folder.")
    Path out;

    @Option(names = "--opset", paramLabel = "N",
            description = "The ai.onnx opset, " + OnnxExport.MIN_OPSET + " to " + OnnxExport.MAX_OPSET
                    + ". Default: " + OnnxExport.DEFAULT_OPSET + ".")
    int opset = OnnxExport.DEFAULT_OPSET;

    @Option(names = "--float32", description = "Store and compute in float32 (default float64).")
    boolean float32;

    @Option(names = {"-f", "--force"}, description = "Replace the output if it exists.")
    boolean force;

    @Option(names = {"-v", "--verbose"}, description = "Show the stack trace of an error.")
    boolean verbose;

    @Override
    public Integer call() {
        Path target = out != null ? out : defaultOut(model);
        OutputNames.requireExtension(target, "export-onnx", "an ONNX file", ".onnx");
        OutputPolicy policy = OutputPolicy.of(force).protecting(model, "model workbook");
        policy.requireNotInput(target);
        ModelProto written;
        int layers;
        try (ModelWorkbook workbook = ModelReader.read(model)) {
            layers = workbook.network().depth();
            written = OnnxExport.write(workbook.model(), opset, float32, target, policy);
        }
        spec.commandLine().getOut().printf("wrote %d layers as %d ONNX nodes (opset %d, %s) -> %s%n", layers,
                written.getGraph().getNodeCount(), opset, float32 ? "float32" : "float64", target);
        return ExitCodes.OK;
    }

    static Path defaultOut(Path model) {
        String name = model.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Path.of((dot > 0 ? name.substring(0, dot) : name) + ".onnx");
    }
}
