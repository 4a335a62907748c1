package org.sheetnet.format.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sheetnet.format.keras.KerasFixtures.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;
import org.sheetnet.cli.Main;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.model.Network;
import org.sheetnet.testing.Sheets;

/**
 * Keras Normalization layers become the Features sheet and BatchNormalization layers are folded into
 * the Dense layer before them: generated Keras 3 fixtures (make_fixtures.py, expected outputs from numpy
 * in float64), imported, then scored from the raw inputs by {@code sheetnet score}.
 */
class KerasNormalizationTest {

    private static final double RELATIVE = 1e-12;
    private static final double ZERO = 1e-15;

    @TempDir
    Path dir;

    private Path importFixture(String name) throws IOException {
        return importFixture(name, name + ".keras");
    }

    private Path importFixture(String name, String file) throws IOException {
        Path out = dir.resolve(name + ".xlsx");
        assertEquals(0, Main.run("import-keras", resource(file).toString(), "--expected",
                resource(name + "_inputs_and_outputs.h5").toString(), "--out", out.toString()), "import " + name);
        try (ModelWorkbook m = ModelReader.read(out)) {
            KerasFixtures.assertChecksReproduced(out, m.network(), RELATIVE, ZERO);
        }
        return out;
    }

    /** Scores the imported workbook's Inputs sheet (raw inputs) and compares with the Checks sheet's numpy outputs. */
    private void scoreReproducesNumpy(Path workbook, int outputs, String unit) throws IOException {
        Path scored = dir.resolve("scored-" + workbook.getFileName());
        assertEquals(0, Main.run("score", workbook.toString(), "--out", scored.toString(), "--check-tolerance", "1e-12",
                "-q"), "score " + workbook.getFileName());
        List<List<Object>> predictions = Sheets.rows(scored, "Predictions");
        List<List<Object>> checks = Sheets.rows(workbook, "Checks");
        assertEquals(checks.size(), predictions.size(), "rows of Predictions");
        for (int r = 1; r < checks.size(); r++) {
            for (int j = 1; j <= outputs; j++) {
                double expected = Sheets.number(checks, r, "expected:" + unit + "_" + j);
                double got = Sheets.number(predictions, r, unit + "_" + j);
                assertEquals(expected, got, RELATIVE * Math.abs(expected) + ZERO, "Predictions row " + (r + 1) + " "
                        + unit + "_" + j);
            }
        }
    }

    @Test
    void adaptedNormalizationBecomesTheFeaturesSheet() throws IOException {
        Path workbook = importFixture("normalized_sequential");
        List<List<Object>> features = Sheets.rows(workbook, "Features");
        assertEquals(List.of("feature", "offset", "scale", "default", "min", "max"), features.get(0), "Features!A1:F1");
        List<String> names = List.of("reading_1", "reading_2", "reading_3", "reading_4");
        // make_fixtures.py: mean (120, −3.5, 7.25, 0.002), variance (900, 0.04, 0, 1.5e-6), all float32.
        double[] mean = {120.0, -3.5, 7.25, (double) 0.002f};
        double[] scale = {30.0, Math.sqrt((double) 0.04f), (double) (float) 1e-7, Math.sqrt((double) 1.5e-6f)};
        for (int i = 0; i < 4; i++) {
            assertEquals(names.get(i), features.get(i + 1).get(0), "Features!A" + (i + 2));
            assertEquals(mean[i], (Double) features.get(i + 1).get(1), 0.0, "Features!B" + (i + 2) + " (offset = mean)");
            assertEquals(scale[i], (Double) features.get(i + 1).get(2), 0.0,
                    "Features!C" + (i + 2) + " (scale = max(√variance, ε))");
            List<Object> row = features.get(i + 1);
            assertTrue(row.subList(Math.min(3, row.size()), row.size()).stream().allMatch(v -> v == null),
                    "Features row " + (i + 2) + ": default, min and max left empty: " + row);
        }
        try (ModelWorkbook m = ModelReader.read(workbook)) {
            assertEquals(names, m.network().inputNames(), "W1!A2:A5, the same names as the Features sheet");
            assertEquals(2, m.network().depth(), "Dense layers");
        }
        scoreReproducesNumpy(workbook, 2, "out");
        List<List<Object>> source = Sheets.rows(workbook, KerasImport.SOURCE_SHEET);
        assertTrue(source.stream().anyMatch(r -> r.size() > 2 && "normalization".equals(r.get(0))
                && String.valueOf(r.get(2)).startsWith("the Features sheet")
                && String.valueOf(r.get(2)).contains("1 variance(s) below")), "Source: what Normalization became");
    }

    @Test
    void normalizationWithMeanAndVarianceInItsConfigUsesTheirFloat32Values() throws IOException {
        Path workbook = importFixture("normalized_explicit");
        List<List<Object>> features = Sheets.rows(workbook, "Features");
        double[] mean = {0.1, -2.7, 33.3};
        double[] variance = {0.25, 1.1, 400.0};
        for (int i = 0; i < 3; i++) {
            assertEquals("x" + (i + 1), features.get(i + 1).get(0), "Features!A" + (i + 2));
            assertEquals((double) (float) mean[i], (Double) features.get(i + 1).get(1), 0.0, "Features!B" + (i + 2));
            assertEquals(Math.sqrt((double) (float) variance[i]), (Double) features.get(i + 1).get(2), 0.0,
                    "Features!C" + (i + 2));
        }
        scoreReproducesNumpy(workbook, 2, "dense");
    }

    @Test
    void batchNormalizationIsFoldedIntoTheLinearDenseLayerBeforeIt() throws IOException {
        Path workbook = importFixture("batchnorm_chain");
        assertTrue(!Sheets.names(workbook).contains("Features"), "no Features sheet without Normalization");
        try (ModelWorkbook m = ModelReader.read(workbook)) {
            Network n = m.network();
            assertEquals(List.of("hidden", "mid", "out"), n.layers().stream().map(l -> l.name()).toList(), "Model!A2:A4");
            assertEquals(List.of("tanh", "linear", "sigmoid"),
                    n.layers().stream().map(l -> l.activation().describe()).toList(), "Model!D2:D4");
        }
        scoreReproducesNumpy(workbook, 2, "out");
        List<List<Object>> source = Sheets.rows(workbook, KerasImport.SOURCE_SHEET);
        assertTrue(source.stream().anyMatch(r -> r.size() > 2 && "bn2".equals(r.get(0))
                && String.valueOf(r.get(2)).startsWith("folded into mid (layer 2)")
                && String.valueOf(r.get(2)).contains("gamma 1 (scale=False)")), "Source: bn2 folded");
    }

    @Test
    void legacyHdf5NormalizationAndBatchNormalization() throws IOException {
        Path workbook = importFixture("legacy_normalized", "legacy_normalized.h5");
        List<List<Object>> features = Sheets.rows(workbook, "Features");
        double[] mean = {5.0, -0.25, 1e3};
        double[] scale = {2.0, Math.sqrt((double) 0.01f), 500.0};
        for (int i = 0; i < 3; i++) {
            assertEquals("x" + (i + 1), features.get(i + 1).get(0), "Features!A" + (i + 2));
            assertEquals(mean[i], (Double) features.get(i + 1).get(1), 0.0, "Features!B" + (i + 2));
            assertEquals(scale[i], (Double) features.get(i + 1).get(2), 0.0, "Features!C" + (i + 2));
        }
        try (ModelWorkbook m = ModelReader.read(workbook)) {
            assertEquals(List.of("relu", "linear"),
                    m.network().layers().stream().map(l -> l.activation().name()).toList(), "Model!D2:D3");
        }
        scoreReproducesNumpy(workbook, 1, "out");
    }

    // --- refusals: the unzipped fixtures with their config edited ---

    private static final ObjectMapper JSON = new ObjectMapper();

    private SheetnetException refused(String fixture, Consumer<ArrayNode> edit) throws IOException {
        ObjectNode config = (ObjectNode) JSON.readTree(resource(fixture + ".json").toFile());
        edit.accept((ArrayNode) config.path("config").path("layers"));
        Path edited = dir.resolve(fixture + "-edited.json");
        JSON.writeValue(edited.toFile(), config);
        return assertThrows(SheetnetException.class,
                () -> KerasImport.read(resource(fixture + ".weights.h5"), Optional.of(edited)));
    }

    private static ObjectNode layerConfig(ArrayNode layers, int i) {
        return (ObjectNode) layers.get(i).get("config");
    }

    @Test
    void unzippedFixtureWithItsConfigImports() {
        Network n = KerasImport.read(resource("normalized_sequential.weights.h5"),
                Optional.of(resource("normalized_sequential.json")));
        assertEquals(4, n.inputWidth(), "inputs");
    }

    @Test
    void invertedNormalizationIsRefused() throws IOException {
        String m = refused("normalized_sequential", l -> layerConfig(l, 1).put("invert", true)).getMessage();
        assertTrue(m.contains("normalization (Normalization)") && m.contains("invert=True"), m);
    }

    @Test
    void normalizationOverAnotherAxisIsRefused() throws IOException {
        String m = refused("normalized_sequential", l -> layerConfig(l, 1).putNull("axis")).getMessage();
        assertTrue(m.contains("normalization (Normalization)") && m.contains("axis None"), m);
        m = refused("normalized_sequential", l -> layerConfig(l, 1).putArray("axis").add(0)).getMessage();
        assertTrue(m.contains("normalization (Normalization)") && m.contains("axis [0]"), m);
    }

    @Test
    void normalizationOfAnInputThatIsNotFlatIsRefused() throws IOException {
        String m = refused("normalized_sequential", l -> {
            layerConfig(l, 0).putArray("batch_shape").addNull().add(2).add(2);
        }).getMessage();
        assertTrue(m.contains("normalization (Normalization)") && m.contains("(2, 2)"), m);
    }

    @Test
    void normalizationAfterADenseLayerIsRefused() throws IOException {
        String m = refused("normalized_sequential", l -> l.insert(3, l.remove(1))).getMessage();
        assertTrue(m.contains("normalization (Normalization)") && m.contains("after a Dense layer"), m);
    }

    @Test
    void batchNormalizationAfterANonLinearDenseLayerIsRefused() throws IOException {
        String m = refused("batchnorm_chain", l -> layerConfig(l, 1).put("activation", "relu")).getMessage();
        assertTrue(m.contains("bn (BatchNormalization)") && m.contains("hidden (Dense)") && m.contains("relu"), m);
    }

    @Test
    void batchNormalizationOverAnotherAxisIsRefused() throws IOException {
        String m = refused("batchnorm_chain", l -> layerConfig(l, 2).put("axis", 0)).getMessage();
        assertTrue(m.contains("bn (BatchNormalization)") && m.contains("axis 0"), m);
    }
}
