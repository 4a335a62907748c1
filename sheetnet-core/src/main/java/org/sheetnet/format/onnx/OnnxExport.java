package org.sheetnet.format.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sheetnet.SheetnetException;
import org.sheetnet.Version;
import org.sheetnet.format.onnx.proto.Onnx.GraphProto;
import org.sheetnet.format.onnx.proto.Onnx.ModelProto;
import org.sheetnet.format.onnx.proto.Onnx.OperatorSetIdProto;
import org.sheetnet.format.onnx.proto.Onnx.StringStringEntryProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorShapeProto;
import org.sheetnet.format.onnx.proto.Onnx.TypeProto;
import org.sheetnet.format.onnx.proto.Onnx.ValueInfoProto;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.FeatureScaling;
import org.sheetnet.model.InputPreparation;
import org.sheetnet.model.Model;
import org.sheetnet.sink.OutputPolicy;
import org.sheetnet.sink.SafeOutputFile;

/**
 * {@code sheetnet export-onnx}: a whole model as an ONNX graph that ONNX Runtime computes as sheetnet
 * does. Input {@code [N, inputs]} → the Features sheet as Where(IsNaN) for defaults, Sub and Div →
 * each layer as Gemm(h, W, b) → its activation ({@link ExportActivations}) → output {@code [N, outputs]}.
 * Values are float64 unless float32 is asked for. The names of the inputs and outputs are kept in the
 * metadata ({@code sheetnet.input_names}, {@code sheetnet.output_names}), which import-onnx reads back.
 */
public final class OnnxExport {

    /** The opsets written: from 13 (Softmax over one axis, ReduceSum's axes input) to 21. */
    public static final int MIN_OPSET = 13;
    public static final int MAX_OPSET = 21;
    /** The default opset: 17, read by every ONNX Runtime since 1.11. */
    public static final int DEFAULT_OPSET = 17;

    static final String INPUT_NAMES = "sheetnet.input_names";
    static final String OUTPUT_NAMES = "sheetnet.output_names";

    private OnnxExport() {
    }

    /**
     * The model as an ONNX model.
     *
     * @param model   the model
     * @param opset   the ai.onnx opset, {@value #MIN_OPSET} to {@value #MAX_OPSET}
     * @param float32 whether to store and compute in float32 instead of float64
     * @throws SheetnetException (MODEL) if the opset is out of range
     */
    public static ModelProto toOnnx(Model model, int opset, boolean float32) {
        if (opset < MIN_OPSET || opset > MAX_OPSET) {
            throw SheetnetException.model("opset " + opset + ": sheetnet writes opsets " + MIN_OPSET + " to " + MAX_OPSET);
        }
        GraphProto.Builder graph = GraphProto.newBuilder().setName("sheetnet");
        GraphWriter g = new GraphWriter(graph, float32, opset);
        String input = tensorName(model.inputNames(), "input");
        String h = input;
        if (model.preparation().isPresent()) {
            h = prepare(g, h, model.preparation().get());
        }
        int k = 0;
        for (DenseLayer layer : model.network().layers()) {
            k++;
            double[] w = layer.weights().toArray();
            String wk = g.tensor("W" + k, new long[] {layer.inputWidth(), layer.units()}, w);
            String bk = g.tensor("b" + k, new long[] {layer.units()}, layer.bias());
            String a = g.op("Gemm", h, wk, bk);
            h = ExportActivations.apply(g, a, layer.activation(), layer.units());
        }
        String output = tensorName(model.outputNames(), "output");
        if (output.equals(input)) {
            output = output + "_out";
        }
        graph.addNode(org.sheetnet.format.onnx.proto.Onnx.NodeProto.newBuilder().setName("output").setOpType("Identity")
                .addInput(h).addOutput(output));
        graph.addInput(value(input, g, model.network().inputWidth()));
        graph.addOutput(value(output, g, model.network().outputLayer().outputWidth()));
        return ModelProto.newBuilder().setIrVersion(irVersion(opset)).setProducerName("sheetnet")
                .setProducerVersion(Version.describe()).setGraph(graph)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset))
                .setDocString("exported by sheetnet export-onnx from " + model.provenance().source())
                .addMetadataProps(entry(INPUT_NAMES, json(model.inputNames())))
                .addMetadataProps(entry(OUTPUT_NAMES, json(model.outputNames())))
                .build();
    }

    /**
     * Writes the model as an ONNX file.
     *
     * @throws SheetnetException as {@link #toOnnx}, and (OUTPUT) if the file cannot be written
     */
    public static ModelProto write(Model model, int opset, boolean float32, Path target, boolean replace) {
        return write(model, opset, float32, target, OutputPolicy.of(replace));
    }

    /**
     * Writes the model as an ONNX file under an output policy (which inputs it must never replace).
     *
     * @throws SheetnetException as {@link #toOnnx}, and (OUTPUT) if the file cannot be written or is an input
     */
    public static ModelProto write(Model model, int opset, boolean float32, Path target, OutputPolicy policy) {
        ModelProto proto = toOnnx(model, opset, float32);
        new SafeOutputFile(target, policy).write(proto::writeTo);
        return proto;
    }

    /** Where(IsNaN(x), default, x) when a feature has a default; then (x − offset) / scale. */
    private static String prepare(GraphWriter g, String x, InputPreparation p) {
        List<FeatureScaling> f = p.features();
        double[] offset = f.stream().mapToDouble(FeatureScaling::offset).toArray();
        double[] scale = f.stream().mapToDouble(FeatureScaling::scale).toArray();
        double[] defaults = f.stream().mapToDouble(FeatureScaling::defaultValue).toArray();
        String h = x;
        if (f.stream().anyMatch(FeatureScaling::hasDefault)) {
            h = g.op("Where", g.op("IsNaN", h), g.tensor("default", new long[] {f.size()}, defaults), h);
        }
        h = g.op("Sub", h, g.tensor("offset", new long[] {f.size()}, offset));
        return g.op("Div", h, g.tensor("scale", new long[] {f.size()}, scale));
    }

    /** The graph's tensor name for a list of names: the common base of base_1 … base_n, the one name, or a default. */
    static String tensorName(List<String> names, String fallback) {
        if (names.size() == 1) {
            return names.get(0);
        }
        String first = names.get(0);
        int cut = first.lastIndexOf('_');
        if (cut > 0) {
            String base = first.substring(0, cut);
            if (names.equals(InputShape.names(base, names.size()))) {
                return base;
            }
        }
        return fallback;
    }

    private static ValueInfoProto value(String name, GraphWriter g, int width) {
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(width)).build();
        TypeProto type = TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                .setElemType(g.type().getNumber()).setShape(shape)).build();
        return ValueInfoProto.newBuilder().setName(name).setType(type).build();
    }

    /** The IR version that goes with an opset (ONNX's versioning table), so that older runtimes read it. */
    private static long irVersion(int opset) {
        return opset <= 14 ? 7 : opset <= 18 ? 8 : opset <= 20 ? 9 : 10;
    }

    private static StringStringEntryProto entry(String key, String value) {
        return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static String json(List<String> names) {
        try {
            return new ObjectMapper().writeValueAsString(new ArrayList<>(names));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }
}
