package org.sheetnet.format.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;
import org.sheetnet.cli.Main;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Network;
import org.sheetnet.format.workbook.ModelWorkbookWriter;

/** xlsx → export-csv → import-csv → xlsx keeps every double bit for bit, and every name. */
class CsvRoundTripTest {

    /** Doubles that a careless format loses: signed zero, subnormals, extremes, long mantissas. */
    private static final double[] HARD = {-0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 2.5e-320,
        Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), 1e308, -1e308, Double.MAX_VALUE, 0.1, 1.0 / 3,
        Math.PI, 123456789.123456789, 1e-7, 0.30000000000000004, (double) 0.7f};

    @TempDir
    Path dir;

    @Test
    void randomNetworkSurvivesBitForBit() throws IOException {
        Network original = randomNetwork(new Random(6L));
        Path first = dir.resolve("first.xlsx");
        ModelWorkbookWriter.write(org.sheetnet.model.Model.of(original, org.sheetnet.model.Provenance.inMemory("test")),
                null, null, List.of(), first, false);
        Path csv = dir.resolve("csv");
        Path second = dir.resolve("second.xlsx");

        assertEquals(0, Main.run("export-csv", first.toString(), csv.toString()), "exit code of export-csv");
        assertEquals(0, Main.run("import-csv", csv.toString(), "--out", second.toString()), "exit code of import-csv");

        assertSameNetwork(original, read(first), "first.xlsx");
        assertSameNetwork(original, CsvModelReader.read(csv).network(), "csv folder");
        assertSameNetwork(original, read(second), "second.xlsx");
    }

    @Test
    void exampleWithRangesAndNamesSurvives() throws IOException {
        Path example = Path.of("workbooks", "regression-4-20-10-1.xlsx");
        Path csv = dir.resolve("regression");
        Path back = dir.resolve("back.xlsx");
        assertEquals(0, Main.run("export-csv", example.toString(), csv.toString()));
        assertEquals(0, Main.run("import-csv", csv.toString(), "--out", back.toString()));
        assertSameNetwork(read(example), read(back), "back.xlsx");
        List<String> w1 = Files.readAllLines(csv.resolve("W1.csv"), StandardCharsets.UTF_8);
        assertEquals("\"\",h1,h2,h3,h4,h5,h6,h7,h8,h9,h10,h11,h12,h13,h14,h15,h16,h17,h18,h19,h20", w1.get(0),
                "W1.csv header: empty corner, then unit names");
        assertTrue(w1.get(1).startsWith("x1,"), "W1.csv line 2 starts with the input name: " + w1.get(1));
        assertEquals(List.of("layer,weights,bias,activation,alpha", "dense,W1.csv,b1.csv,linear,",
                "dense_1,W2.csv,b2.csv,linear,", "dense_2,W3.csv,b3.csv,linear,"),
                Files.readAllLines(csv.resolve("model.csv"), StandardCharsets.UTF_8), "model.csv");
    }

    @Test
    void refusesToOverwriteWithoutForce() {
        Path example = Path.of("workbooks", "seed-2-3-2-2.xlsx");
        Path csv = dir.resolve("seed");
        assertEquals(0, Main.run("export-csv", example.toString(), csv.toString()));
        assertEquals(6, Main.run("export-csv", example.toString(), csv.toString()), "second export without --force");
        assertEquals(0, Main.run("export-csv", example.toString(), csv.toString(), "--force"), "with --force");
    }

    @Test
    void namesFileLineAndColumnOfABadNumber() throws IOException {
        Path csv = dir.resolve("bad");
        assertEquals(0, Main.run("export-csv", Path.of("workbooks", "seed-2-3-2-2.xlsx").toString(), csv.toString()));
        Path w2 = csv.resolve("W2.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(w2, StandardCharsets.UTF_8));
        lines.set(2, lines.get(2).replaceFirst(",[^,]*$", ",n/a"));
        Files.write(w2, lines, StandardCharsets.UTF_8);
        String err = stderrOf(() -> assertEquals(3,
                Main.run("import-csv", csv.toString(), "--out", dir.resolve("x.xlsx").toString())));
        assertTrue(err.contains("W2.csv: line 3, column 2: expected a number, found \"n/a\""), err);
        assertTrue(Files.notExists(dir.resolve("x.xlsx")), "no output after an error");
    }

    /** Found by the reader fuzz test (seeds 6060, 14463): POI refused the cell as an internal error. */
    @Test
    void aFieldLongerThanACellHoldsIsRefusedNamingIt() throws IOException {
        Path csv = dir.resolve("long");
        assertEquals(0, Main.run("export-csv", Path.of("workbooks", "seed-2-3-2-2.xlsx").toString(), csv.toString()));
        Path w2 = csv.resolve("W2.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(w2, StandardCharsets.UTF_8));
        lines.set(2, "9".repeat(40_000) + lines.get(2).substring(lines.get(2).indexOf(',')));
        Files.write(w2, lines, StandardCharsets.UTF_8);
        String err = stderrOf(() -> assertEquals(3,
                Main.run("import-csv", csv.toString(), "--out", dir.resolve("x.xlsx").toString())));
        assertEquals("sheetnet: W2.csv: record 3, column 1: a field of 40,000 characters; a workbook cell holds at most"
                + " 32,767 (is a quote left open?)", err.strip(), "the one line");
        assertTrue(Files.notExists(dir.resolve("x.xlsx")), "no output after an error");
    }

    /** Found by the reader fuzz test (seeds 8656, 11567): a sixth header column was an internal error. */
    @Test
    void aModelHeaderWithMoreColumnsThanKnownIsRefused() throws IOException {
        Path csv = dir.resolve("wide");
        assertEquals(0, Main.run("export-csv", Path.of("workbooks", "seed-2-3-2-2.xlsx").toString(), csv.toString()));
        Path model = csv.resolve("model.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(model, StandardCharsets.UTF_8));
        lines.set(0, lines.get(0) + ",extra");
        Files.write(model, lines, StandardCharsets.UTF_8);
        String err = stderrOf(() -> assertEquals(3,
                Main.run("import-csv", csv.toString(), "--out", dir.resolve("x.xlsx").toString())));
        assertTrue(err.startsWith("sheetnet: model.csv: line 1: the header is ") && err.strip().endsWith(
                "; expected layer,weights,bias,activation,alpha") && err.strip().lines().count() == 1, err);
    }

    private static String stderrOf(Runnable run) {
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

    private static Network read(Path workbook) throws IOException {
        try (ModelWorkbook m = ModelReader.read(workbook)) {
            return m.network();
        }
    }

    private static Network randomNetwork(Random random) {
        int[] widths = {3, 5, 4, 2};
        Activation[] activations = {Activations.find("leaky_relu", OptionalDouble.of(0.1)).orElseThrow(),
            Activations.find("elu", OptionalDouble.of((double) 0.7f)).orElseThrow(), Activations.of("softmax")};
        List<DenseLayer> layers = new ArrayList<>();
        int hard = 0;
        for (int k = 0; k < 3; k++) {
            int n = widths[k];
            int m = widths[k + 1];
            double[] w = new double[n * m];
            double[] b = new double[m];
            for (int i = 0; i < w.length; i++) {
                w[i] = hard < HARD.length ? HARD[hard++] : anyFinite(random);
            }
            for (int j = 0; j < m; j++) {
                b[j] = anyFinite(random);
            }
            List<String> inputs = k == 0 ? List.of("age", "2019", "income, net") : List.of();
            List<String> units = new ArrayList<>();
            for (int j = 1; j <= m; j++) {
                units.add("L" + (k + 1) + " unit \"" + j + "\"");
            }
            layers.add(new DenseLayer("layer " + (k + 1), new Matrix(n, m, w), b, activations[k], inputs, units));
        }
        return new Network(layers);
    }

    // Uniform over bit patterns: every exponent, subnormals included, equally likely.
    private static double anyFinite(Random random) {
        double v;
        do {
            v = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(v));
        return v;
    }

    private static void assertSameNetwork(Network expected, Network actual, String where) {
        assertEquals(expected.depth(), actual.depth(), where + ": layers");
        for (int k = 0; k < expected.depth(); k++) {
            DenseLayer e = expected.layers().get(k);
            DenseLayer a = actual.layers().get(k);
            String at = where + " layer " + (k + 1);
            assertEquals(e.name(), a.name(), at + " name");
            assertEquals(e.inputNames(), a.inputNames(), at + " input names");
            assertEquals(e.unitNames(), a.unitNames(), at + " unit names");
            assertEquals(e.activation().describe(), a.activation().describe(), at + " activation");
            assertEquals(e.weights().rows(), a.weights().rows(), at + " rows");
            assertEquals(e.weights().cols(), a.weights().cols(), at + " columns");
            for (int i = 0; i < e.weights().rows(); i++) {
                for (int j = 0; j < e.weights().cols(); j++) {
                    assertBits(e.weights().get(i, j), a.weights().get(i, j), at + " W[" + i + "][" + j + "]");
                }
            }
            for (int j = 0; j < e.units(); j++) {
                assertBits(e.bias()[j], a.bias()[j], at + " b[" + j + "]");
            }
            if (e.activation().parameter().isPresent()) {
                assertBits(e.activation().parameter().getAsDouble(), a.activation().parameter().getAsDouble(),
                        at + " alpha");
            }
        }
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                what + ": expected " + expected + ", found " + actual);
    }
}
