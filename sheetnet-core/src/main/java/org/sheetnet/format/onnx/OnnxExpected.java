package org.sheetnet.format.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto;
import org.sheetnet.format.workbook.ModelWorkbookWriter.ExtraSheet;
import org.sheetnet.model.CheckVector;
import org.sheetnet.model.CheckVectorSet;
import org.sheetnet.model.Model;

/**
 * Stored inputs and the outputs a reference runtime gave for them, for the Checks sheet: a folder in the
 * layout of ONNX's own tests ({@code input_0.pb}, {@code output_0.pb}, … serialized {@code TensorProto}s),
 * or a JSON file {@code {"inputs": [[…], …], "outputs": [[…], …]}} whose {@code outputs} may instead be
 * an object of output name → rows (the first whose rows fit the model is taken).
 *
 * @param source  the file or folder, as named in messages
 * @param inputs  the input rows
 * @param outputs the expected output rows
 */
record OnnxExpected(String source, double[][] inputs, double[][] outputs) {

    /** The largest expected-outputs file read: 256 MiB. */
    static final long MAX_BYTES = 256L << 20;

    /**
     * Reads the expected values and checks them against the model's widths.
     *
     * @throws SheetnetException (FILE) if unreadable, (MODEL) if the rows do not fit the model
     */
    static OnnxExpected read(Path path, int inputWidth, int outputWidth) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        OnnxExpected e = Files.isDirectory(path) ? fromTensors(path, name, inputWidth, outputWidth)
                : fromJson(path, name, outputWidth);
        if (e.inputs.length != e.outputs.length) {
            throw SheetnetException.model(name + ": " + e.inputs.length + " input rows but " + e.outputs.length
                    + " output rows");
        }
        for (double[] row : e.inputs) {
            if (row.length != inputWidth) {
                throw SheetnetException.model(name + ": an input row has " + row.length + " values, but the model has "
                        + inputWidth + " inputs");
            }
        }
        return e;
    }

    private static OnnxExpected fromTensors(Path dir, String name, int inputWidth, int outputWidth) {
        TensorData in = tensor(dir.resolve("input_0.pb"), name + "/input_0.pb");
        for (int k = 0; Files.exists(dir.resolve("output_" + k + ".pb")); k++) {
            TensorData out = tensor(dir.resolve("output_" + k + ".pb"), name + "/output_" + k + ".pb");
            if (out.strings().isEmpty() && out.size() > 0 && out.size() % outputWidth == 0
                    && out.size() / outputWidth == in.size() / inputWidth) {
                return new OnnxExpected(name, rows(in.values(), inputWidth), rows(out.values(), outputWidth));
            }
        }
        throw SheetnetException.model(name + ": no output_N.pb holds " + outputWidth + " values per input row");
    }

    private static TensorData tensor(Path file, String where) {
        byte[] bytes = OnnxFile.readBounded(file, where, MAX_BYTES, "tensor file");
        CodedInputStream in = CodedInputStream.newInstance(bytes);
        in.setRecursionLimit(OnnxFile.MAX_NESTING);
        try {
            return TensorData.decode(TensorProto.parseFrom(in), null, where);
        } catch (IOException e) {
            throw SheetnetException.file(where + ": not a serialized ONNX TensorProto (" + e.getMessage() + ")", e);
        }
    }

    private static OnnxExpected fromJson(Path file, String name, int outputWidth) {
        byte[] bytes = OnnxFile.readBounded(file, name, MAX_BYTES, "expected-outputs file");
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(bytes);
        } catch (IOException e) {
            throw SheetnetException.file(name + ": not JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        double[][] inputs = matrix(root.path("inputs"), name, "inputs");
        JsonNode outputs = root.path("outputs");
        if (outputs.isObject()) {
            List<String> tried = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = outputs.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> entry = it.next();
                tried.add(entry.getKey());
                double[][] rows = matrix(entry.getValue(), name, "outputs." + entry.getKey());
                if (rows.length > 0 && rows[0].length == outputWidth) {
                    return new OnnxExpected(name, inputs, rows);
                }
            }
            throw SheetnetException.model(name + ": none of the outputs " + tried + " has " + outputWidth
                    + " values per row");
        }
        double[][] rows = matrix(outputs, name, "outputs");
        if (rows.length > 0 && rows[0].length != outputWidth) {
            throw SheetnetException.model(name + ": outputs have " + rows[0].length + " values per row, but the model has "
                    + outputWidth + " outputs");
        }
        return new OnnxExpected(name, inputs, rows);
    }

    private static double[][] matrix(JsonNode node, String file, String field) {
        if (!node.isArray()) {
            throw SheetnetException.model(file + ": no array \"" + field + "\"; expected {\"inputs\": [[...], ...],"
                    + " \"outputs\": [[...], ...]}");
        }
        double[][] rows = new double[node.size()][];
        for (int r = 0; r < rows.length; r++) {
            JsonNode row = node.get(r);
            if (!row.isArray()) {
                throw SheetnetException.model(file + ": " + field + "[" + r + "] is not an array of numbers");
            }
            rows[r] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                if (!row.get(j).isNumber()) {
                    throw SheetnetException.model(file + ": " + field + "[" + r + "][" + j + "] is not a number");
                }
                rows[r][j] = row.get(j).doubleValue();
            }
        }
        return rows;
    }

    private static double[][] rows(double[] values, int width) {
        double[][] rows = new double[values.length / width][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(values, r * width, (r + 1) * width);
        }
        return rows;
    }

    /** The check vectors, case by case (sheet row r + 2 of Checks). */
    CheckVectorSet vectors() {
        List<CheckVector> vectors = new ArrayList<>();
        for (int r = 0; r < inputs.length; r++) {
            vectors.add(new CheckVector(r + 2, "case " + (r + 1), inputs[r], outputs[r]));
        }
        return new CheckVectorSet("Checks", vectors);
    }

    /** The Inputs sheet: a case column and the inputs, so that the imported workbook can be scored as it is. */
    ExtraSheet inputsSheet(Model model) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        header.add("case");
        header.addAll(model.inputNames());
        rows.add(header);
        for (int r = 0; r < inputs.length; r++) {
            List<Object> row = new ArrayList<>();
            row.add("case " + (r + 1));
            for (double v : inputs[r]) {
                row.add(v);
            }
            rows.add(row);
        }
        return new ExtraSheet("Inputs", rows);
    }
}
