package org.sheetnet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sheetnet.cli.Main;
import org.sheetnet.examples.SheetWriter;
import org.sheetnet.testing.Sheets;

/**
 * The library scores the same bits as {@code sheetnet score}: on every example workbook, on a model
 * with a Features sheet, and on a Keras model with a Normalization layer. The library is given the
 * raw Inputs sheet read with POI here (not sheetnet's reader), and compared with the Predictions
 * sheet the command wrote.
 */
class LibraryMatchesCliTest {

    @TempDir
    Path dir;

    static Stream<Path> examples() throws IOException {
        return Files.list(Path.of("workbooks")).filter(p -> p.toString().endsWith(".xlsx")).sorted();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleWorkbook(Path workbook) throws IOException {
        assertSameBits(Sheetnet.load(workbook), workbook, workbook);
    }

    @Test
    void aModelWithAFeaturesSheet() throws IOException {
        Path model = dir.resolve("prepared.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(List.of("layer", "weights", "bias", "activation"),
                    List.of("h", "W1", "b1", "tanh"), List.of("out", "W2", "b2", "linear")));
            w.sheet("W1", false, List.of(Arrays.asList(null, "h1", "h2"), List.of("a", 0.3, -1.7), List.of("b", 2.1, 0.01)));
            w.sheet("b1", false, List.of(List.of(0.1, -0.2)));
            w.sheet("W2", false, List.of(Arrays.asList(null, "y"), List.of("h1", 1.5), List.of("h2", -0.75)));
            w.sheet("b2", false, List.of(List.of(0.25)));
            w.sheet("Features", true, List.of(List.of("feature", "offset", "scale", "default", "min", "max"),
                    Arrays.asList("b", 0.1, 0.7, 4, null, null), Arrays.asList("a", 70000, 25, null, 0, 1e6)));
            w.sheet("Inputs", true, List.of(List.of("id", "b", "a"), Arrays.asList("r1", 1, 70050),
                    Arrays.asList("r2", null, 69990.125), Arrays.asList("r3", -3.3e-5, 70123.456789)));
            w.save(model);
        }
        SheetnetModel m = Sheetnet.load(model);
        assertSameBits(m, model, model);
        // By name, in any order, with b empty (its default 4): the same bits as Predictions row 3.
        Map<String, Double> byName = new LinkedHashMap<>();
        byName.put("a", 69990.125);
        Map<String, Double> y = m.predict(byName);
        double cli = Sheets.number(Sheets.rows(scored(model), "Predictions"), 2, "y");
        assertEquals(Double.doubleToRawLongBits(cli), Double.doubleToRawLongBits(y.get("y")), "predict by name, row r2");
    }

    @Test
    void aKerasModelWithNormalization() throws IOException {
        Path keras = resource("normalized_sequential.keras");
        Path imported = dir.resolve("normalized.xlsx");
        assertEquals(0, Main.run("import-keras", keras.toString(), "--expected",
                resource("normalized_sequential_inputs_and_outputs.h5").toString(), "--out", imported.toString()),
                "import-keras");
        SheetnetModel direct = Sheetnet.load(keras);
        assertTrue(direct.model().preparation().isPresent(), "the Normalization layer is the model's preparation");
        assertSameBits(direct, imported, imported);
        SheetnetModel viaWorkbook = Sheetnet.load(imported);
        assertTrue(viaWorkbook.verify().orElseThrow().passes(), "the imported check vectors: "
                + viaWorkbook.verify().orElseThrow().describe());
        try (InputStream in = Files.newInputStream(keras)) {
            assertSameBits(Sheetnet.load(in, "normalized_sequential.keras"), imported, imported);
        }
    }

    private static Path resource(String name) {
        return Path.of("sheetnet-core", "src", "test", "resources", "keras", name);
    }

    private Path scored(Path workbook) {
        Path out = dir.resolve("scored-" + workbook.getFileName());
        if (!Files.exists(out)) {
            assertEquals(0, Main.run("score", workbook.toString(), "--out", out.toString(), "-q"), "sheetnet score");
        }
        return out;
    }

    // Scores the Inputs sheet of `inputs` with the library and with the command on `workbook`; same bits.
    private void assertSameBits(SheetnetModel model, Path workbook, Path inputs) throws IOException {
        List<List<Object>> sheet = Sheets.rows(inputs, "Inputs");
        double[][] rows = rawInputs(model, sheet);
        double[][] library = model.score(rows);
        List<List<Object>> predictions = Sheets.rows(scored(workbook), "Predictions");
        assertEquals(rows.length + 1, predictions.size(), workbook.getFileName() + ": rows of Predictions");
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < model.outputNames().size(); j++) {
                String output = model.outputNames().get(j);
                double cli = Sheets.number(predictions, r + 1, output);
                assertEquals(Double.doubleToRawLongBits(cli), Double.doubleToRawLongBits(library[r][j]),
                        workbook.getFileName() + " row " + (r + 1) + " " + output + ": " + cli + " vs " + library[r][j]);
            }
            double[] one = model.predict(rows[r]);
            assertEquals(Arrays.toString(library[r]), Arrays.toString(one), "predict(double...) = score, row " + (r + 1));
        }
    }

    // The raw inputs in the model's order: columns by input name when the model names them, else the numeric ones.
    private static double[][] rawInputs(SheetnetModel model, List<List<Object>> sheet) {
        List<Object> header = sheet.get(0);
        List<Integer> columns = new ArrayList<>();
        if (model.model().namesInputs()) {
            for (String name : model.inputNames()) {
                columns.add(header.indexOf(name));
            }
        } else {
            for (int c = 0; c < header.size(); c++) {
                if (sheet.get(1).get(c) instanceof Double) {
                    columns.add(c);
                }
            }
        }
        assertEquals(model.inputNames().size(), columns.size(), "input columns found in " + header);
        double[][] rows = new double[sheet.size() - 1][columns.size()];
        for (int r = 1; r < sheet.size(); r++) {
            for (int i = 0; i < columns.size(); i++) {
                int c = columns.get(i);
                Object v = c < sheet.get(r).size() ? sheet.get(r).get(c) : null;
                rows[r - 1][i] = v == null ? Double.NaN : (Double) v;
            }
        }
        return rows;
    }
}
