package org.sheetnet.format.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sheetnet.format.keras.KerasFixtures.resource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.Main;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.model.Network;
import org.sheetnet.testing.Sheets;

/**
 * Imports the generated Keras 3 fixtures of sheetnet-core/src/test/resources/keras (written by make_fixtures.py
 * there, with expected outputs computed by numpy in float64) and reproduces their predictions.
 */
class Keras3FixtureTest {

    /** Both sides compute in double from the same float32 weights; only summation order differs. */
    private static final double RELATIVE = 1e-12;
    private static final double ZERO = 1e-15;

    @TempDir
    Path dir;

    private Network importAndCheck(String name, String... extra) throws IOException {
        Path out = dir.resolve(name + ".xlsx");
        String[] args = new String[extra.length + 6];
        args[0] = "import-keras";
        System.arraycopy(extra, 0, args, 1, extra.length);
        args[extra.length + 1] = "--expected";
        args[extra.length + 2] = resource(name + "_inputs_and_outputs.h5").toString();
        args[extra.length + 3] = "--out";
        args[extra.length + 4] = out.toString();
        args[extra.length + 5] = "--force";
        assertEquals(0, Main.run(args), "exit code of import-keras " + String.join(" ", args));
        try (ModelWorkbook m = ModelReader.read(out)) {
            KerasFixtures.assertChecksReproduced(out, m.network(), RELATIVE, ZERO);
            return m.network();
        }
    }

    @Test
    void functionalChainWithFlattenLeakyReluDropoutNoBiasAndSoftmax() throws IOException {
        Network network = importAndCheck("functional_chain", resource("functional_chain.keras").toString());
        assertEquals(List.of("hidden", "squash", "probs"), network.layers().stream().map(l -> l.name()).toList(),
                "Model!A2:A4");
        assertEquals(List.of("leaky_relu(negative_slope=0.1)", "tanh", "softmax"),
                network.layers().stream().map(l -> l.activation().describe()).toList(), "Model!D2:E4");
        assertEquals(List.of("features_1", "features_2", "features_3", "features_4", "features_5", "features_6"),
                network.inputNames(), "W1!A2:A7: a named input layer names the inputs");
        assertEquals(List.of("probs_1", "probs_2", "probs_3"), network.outputLayer().unitNames(), "W3!A1:C1");
        for (double b : network.layers().get(1).bias()) {
            assertEquals(0.0, b, 0.0, "b2 of a Dense layer without bias");
        }
    }

    @Test
    void weightsOnlyKeras3FileWithItsConfigGivesTheSameNetwork() throws IOException {
        Network fromZip = KerasImport.read(resource("functional_chain.keras"), Optional.empty());
        Network fromParts = importAndCheck("functional_chain", resource("functional_chain.weights.h5").toString(),
                "--config", resource("functional_chain.json").toString());
        for (int k = 0; k < fromZip.depth(); k++) {
            assertEquals(fromZip.layers().get(k).weights(), fromParts.layers().get(k).weights(), "W" + (k + 1));
        }
    }

    @Test
    void elevenDenseLayersAreMatchedByOrderNotByName() throws IOException {
        // Weight groups dense, dense_1, …, dense_10: in name order dense_10 would come before dense_2.
        Network network = importAndCheck("deep_sequential", resource("deep_sequential.keras").toString());
        assertEquals(11, network.depth(), "Dense layers");
        assertEquals("step_11", network.outputLayer().name(), "Model!A12");
        List<List<Object>> source = Sheets.rows(dir.resolve("deep_sequential.xlsx"), KerasImport.SOURCE_SHEET);
        assertEquals("3.10.0", source.stream().filter(r -> !r.isEmpty() && "keras_version".equals(r.get(0)))
                .findFirst().orElseThrow().get(1), "Source: keras_version from metadata.json");
    }
}
