package org.sheetnet.format.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.sheetnet.engine.ForwardPass;
import org.sheetnet.format.workbook.FeaturesSheet;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.model.FeatureScaling;
import org.sheetnet.model.Network;
import org.sheetnet.testing.Sheets;

/** Where the real Keras files are, and how to check an imported workbook against Keras's predictions. */
final class KerasFixtures {

    /** Relative tolerance: Keras computed in float32 (about 6e-8 relative), sheetnet in double. */
    static final double RELATIVE = 1e-5;
    /** Below this magnitude a difference is compared absolutely (outputs near zero). */
    static final double ZERO = 1e-6;

    private KerasFixtures() {
    }

    /**
     * A real Keras file from {@code src/test/resources/keras-real}: copies of the team's shared test
     * files, with their provenance in that folder's README.md, kept in the repository so that a
     * clean clone tests them.
     */
    static Path shared(String relative) {
        Path dir = Path.of("sheetnet-core", "src", "test", "resources", "keras-real").toAbsolutePath();
        assertTrue(Files.isDirectory(dir), "the real Keras test files are expected in " + dir);
        Path file = dir.resolve(relative);
        assertTrue(Files.exists(file), "missing test file " + file);
        return file;
    }

    /** A test resource of this package, by file name. */
    static Path resource(String name) {
        Path file = Path.of("sheetnet-core", "src", "test", "resources", "keras", name);
        assertTrue(Files.exists(file), "missing test resource " + file.toAbsolutePath());
        return file;
    }

    /**
     * Scores every row of an imported workbook's Checks sheet with {@link ForwardPass} and compares
     * the result with the {@code expected:} columns.
     *
     * @return the largest relative difference seen on outputs of magnitude 1e-3 or more
     */
    static double assertChecksReproduced(Path workbook, Network network) throws IOException {
        return assertChecksReproduced(workbook, network, RELATIVE, ZERO);
    }

    /** As {@link #assertChecksReproduced(Path, Network)}, with |sheetnet − expected| ≤ relative·|expected| + zero. */
    static double assertChecksReproduced(Path workbook, Network network, double relative, double zero)
            throws IOException {
        List<List<Object>> checks = Sheets.rows(workbook, "Checks");
        List<String> inputs = network.inputNames();
        List<String> outputs = network.outputLayer().outputNames();
        List<Object> header = checks.get(0);
        for (int i = 0; i < inputs.size(); i++) {
            assertEquals(inputs.get(i), header.get(i), "Checks header, column " + (i + 1));
        }
        for (int j = 0; j < outputs.size(); j++) {
            assertEquals("expected:" + outputs.get(j), header.get(inputs.size() + j),
                    "Checks header, column " + (inputs.size() + j + 1));
        }
        assertTrue(checks.size() > 1, "Checks has rows");
        // The Checks sheet holds raw inputs; a Features sheet prepares them before layer 1.
        List<FeatureScaling> features;
        try (ModelWorkbook m = ModelReader.read(workbook)) {
            features = m.preparation().map(FeaturesSheet.Preparation::features).orElse(null);
        }
        double worst = 0;
        for (int r = 1; r < checks.size(); r++) {
            double[] x = new double[inputs.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = Sheets.number(checks, r, inputs.get(i));
                x[i] = features == null ? x[i] : features.get(i).prepare(x[i]);
            }
            double[] y = ForwardPass.run(network, x, 1).output().act();
            for (int j = 0; j < outputs.size(); j++) {
                double expected = Sheets.number(checks, r, "expected:" + outputs.get(j));
                double diff = Math.abs(y[j] - expected);
                assertTrue(diff <= relative * Math.abs(expected) + zero, workbook.getFileName() + " Checks row "
                        + (r + 1) + " " + outputs.get(j) + ": Keras " + expected + ", sheetnet " + y[j]);
                if (Math.abs(expected) >= 1e-3) {
                    worst = Math.max(worst, diff / Math.abs(expected));
                }
            }
        }
        return worst;
    }

    /** Runs sheetnet and returns what it printed on standard error. */
    static String stderrOf(Runnable run) {
        PrintStream saved = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
