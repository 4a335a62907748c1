package org.sheetnet.format.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sheetnet.SheetnetException;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.format.keras.KerasImport;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.format.workbook.ModelWorkbookWriter;
import org.sheetnet.model.Model;
import org.sheetnet.testing.OnnxFixtures;
import org.sheetnet.testing.Ort;

/**
 * Round trips through the model workbook: Keras file → workbook → ONNX, run by ONNX Runtime, equals
 * sheetnet on the workbook (1e-12); ONNX fixture → workbook (import-onnx) → ONNX (export-onnx), run by
 * ONNX Runtime, equals the original file run by ONNX Runtime (as its float64 twin, 1e-12; and as it
 * is, within float32 rounding), with the input and output names kept.
 */
class OnnxRoundTripTest {

    @TempDir
    Path dir;

    /** Every Keras file of src/test/resources/keras-real that imports as a whole model. */
    @Test
    void kerasToWorkbookToOnnxEqualsSheetnet() throws IOException {
        Path root = Path.of("sheetnet-core", "src", "test", "resources", "keras-real");
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(p -> p.toString().endsWith("_model.h5") || p.toString().endsWith(".keras")).sorted().toList();
        }
        int exported = 0;
        for (Path file : files) {
            Model keras;
            try {
                keras = KerasImport.readModel(file, Optional.empty());
            } catch (SheetnetException refused) {
                continue; // a Keras file sheetnet does not import (its own tests say which and why)
            }
            Path workbook = dir.resolve("k" + exported + ".xlsx");
            ModelWorkbookWriter.write(keras, null, "Source", List.of(), workbook, false);
            try (ModelWorkbook read = ModelReader.read(workbook)) {
                Path onnx = dir.resolve("k" + exported + ".onnx");
                OnnxExport.write(read.model(), OnnxExport.DEFAULT_OPSET, false, onnx, false);
                double[][] rows = OnnxExportTest.rows(new Random(exported), 16, read.model().network().inputWidth(), 2);
                Agreement.FLOAT64.assertRows(root.relativize(file).toString(), Sheetnet.of(read.model()).score(rows),
                        Ort.run(onnx, rows, null));
            }
            exported++;
        }
        assertTrue(exported >= 8, "Keras files exported: " + exported + " of " + files.size());
    }

    static Stream<String> models() throws IOException {
        return OnnxFixtureModelsTest.models();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void onnxToWorkbookToOnnxEqualsTheOriginal(String folder) throws IOException {
        Path src = OnnxFixtures.root().resolve("models").resolve(folder);
        JsonNode ref = new ObjectMapper().readTree(src.resolve("reference.json").toFile());
        Path original = src.resolve(ref.path("model").asText());
        Path workbook = dir.resolve("m.xlsx");
        OnnxImport.run(new OnnxImport.Options(original, Optional.empty(), workbook, false, "test"));
        Path exported = dir.resolve("m.onnx");
        Model model;
        try (ModelWorkbook read = ModelReader.read(workbook)) {
            model = read.model();
        }
        OnnxExport.write(model, OnnxExport.DEFAULT_OPSET, false, exported, false);
        double[][] inputs = OnnxFixtureModelsTest.rows(ref.path("inputs"));
        double[][] again = Ort.run(exported, inputs, null);

        String compared = Float64Twin.write(original, dir.resolve("twin.onnx"));
        Agreement.FLOAT64.assertRows(folder + ": exported vs the original's float64 twin",
                Ort.run(dir.resolve("twin.onnx"), inputs, compared), again);
        boolean float64 = "float64".equals(ref.path("input_dtype").asText());
        String output = ref.has("outputs_nontensor") ? "output_probability" : null;
        (float64 ? Agreement.FLOAT64 : Agreement.FLOAT32_LONG_SUMS).assertRows(folder + ": exported vs the original",
                Ort.run(original, inputs, output), again);
        assertEquals(OnnxImport.readModel(original).inputNames(), OnnxImport.readModel(exported).inputNames(),
                folder + ": input names after the round trip");
        assertEquals(OnnxImport.readModel(original).outputNames(), OnnxImport.readModel(exported).outputNames(),
                folder + ": output names after the round trip");
    }
}
