package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.activation.Activations;
import org.sheetnet.format.workbook.ModelWorkbookWriter;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;
import org.sheetnet.model.Provenance;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.FolderSnapshot;

/**
 * sheetnet itself through the real {@code ./sheetnet}, which adds the vector module: a quiet run
 * prints nothing, an error its one line with its exit code, the Audit names the kernel, the numbers
 * are the same bits with {@code SHEETNET_VECTOR=0}, and SIGTERM to the launcher leaves no
 * temporaries and no process. (The kernel itself is proven against the scalar loops by
 * VectorProductsTest; this checks the wiring.)
 */
class VectorLauncherTest {

    // 512 rows through 256→256: 33.5 million multiply-adds in the first layer's batch, over the
    // vector kernel's threshold of 2^24.
    private static final int ROWS = 512;
    private static final int WIDTH = 256;

    @TempDir
    Path dir;

    private LauncherCheckout checkout;

    @BeforeEach
    void sheetnetCheckout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run the launcher");
        assumeTrue(LauncherCheckout.javaHasVectorModule(), "a java with jdk.incubator.vector");
        checkout = LauncherCheckout.create(dir, Main.class.getName(), LauncherCheckout.testClassPath());
    }

    @Test
    void aQuietRunPrintsNothingAndTheNumbersAreTheSameBitsWithoutTheModule() throws Exception {
        Path model = wideModel(List.of(WIDTH, WIDTH, 3), new Random(11));
        Path rows = rows(ROWS, WIDTH, new Random(12));
        Path vector = dir.resolve("vector");
        Path scalar = dir.resolve("scalar");

        LauncherCheckout.Run with = score(Map.of(), model, rows, vector);
        LauncherCheckout.Run without = score(Map.of("SHEETNET_VECTOR", "0"), model, rows, scalar);

        assertEquals(0, with.exit(), "exit code; stderr: " + with.stderr());
        assertEquals("", with.stderr(), "stderr of a --quiet run with the module");
        assertEquals(0, without.exit(), "exit code with SHEETNET_VECTOR=0; stderr: " + without.stderr());
        assertEquals("", without.stderr(), "stderr of a --quiet run without the module");
        assertTrue(auditLine(vector, "kernel").startsWith("kernel,") && !auditLine(vector, "kernel").contains("no jdk"),
                "Audit with the module: " + auditLine(vector, "kernel"));
        assertEquals("kernel,scalar (no --add-modules jdk.incubator.vector)",
                auditLine(scalar, "kernel"), "Audit with SHEETNET_VECTOR=0");
        List<String> sheets = csvFiles(scalar);
        assertEquals(sheets, csvFiles(vector), "the same sheets");
        assertTrue(sheets.contains("L1_pre.csv") && sheets.contains("Predictions.csv"), "layer sheets written: " + sheets);
        for (String sheet : sheets) {
            if (!sheet.equals("Audit.csv")) {
                assertEquals(Files.readString(scalar.resolve(sheet)), Files.readString(vector.resolve(sheet)),
                        sheet + ": the same numbers with and without the vector module");
            }
        }
    }

    @Test
    void anErrorPrintsItsOneLineAndExitCode() throws Exception {
        String[] args = {"score", dir.resolve("missing.xlsx").toString(), "--out", dir.resolve("out.xlsx").toString()};
        Cli.Run inProcess = Cli.run(args);
        LauncherCheckout.Run launched = LauncherCheckout.run(checkout.command(Map.of(), args), dir, "");
        assertEquals(ExitCodes.FILE, launched.exit(), "exit code of a missing model; stderr: " + launched.stderr());
        assertEquals(inProcess.stderr(), launched.stderr(), "the one line, as sheetnet printed it");
        assertEquals(1, launched.stderr().lines().count(), "one line: " + launched.stderr());
    }

    @Test
    void theUsageOfABareSheetnetReachesAFileWholeAndInOrder() throws Exception {
        Cli.Run inProcess = Cli.run();
        LauncherCheckout.Run launched = LauncherCheckout.run(checkout.command(Map.of()), dir, "");
        assertEquals(ExitCodes.USAGE, launched.exit(), "exit code of a bare sheetnet");
        assertTrue(inProcess.stderr().lines().count() > 5, "the usage has many lines: " + inProcess.stderr());
        assertEquals(inProcess.stderr(), launched.stderr(), "every line, in order, in the file at exit");
    }

    @Test
    void sigtermToTheLauncherLeavesNoTemporariesAndNoProcess() throws Exception {
        Path model = wideModel(List.of(2, 200, 200, 1), new Random(7));
        Path rows = rows(40_000, 2, new Random(8));
        Path out = Files.createDirectories(dir.resolve("out"));
        Map<String, String> before = FolderSnapshot.of(out);
        Process launcher = checkout.command(Map.of(), "score", model.toString(), "--input", rows.toString(), "--out",
                out.resolve("scored.xlsx").toString(), "--batch-size", "256", "-q")
                .redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        awaitTemporaries(launcher, out);
        List<ProcessHandle> children = launcher.descendants().toList();
        assertEquals(2, children.size(), "java and the filter under the launcher");

        launcher.destroy();

        assertTrue(launcher.waitFor(60, TimeUnit.SECONDS), "the launcher ends on SIGTERM");
        assertNotEquals(0, launcher.exitValue(), "the run was stopped before it finished");
        assertEquals(before, FolderSnapshot.of(out), "no output, no temporary file or folder left");
        for (ProcessHandle child : children) {
            assertFalse(child.isAlive(), "left running: " + child.info());
        }
        assertFalse(Files.readString(dir.resolve("stderr.txt")).contains("WARNING"), "no JVM warning on stderr");
    }

    private LauncherCheckout.Run score(Map<String, String> env, Path model, Path rows, Path out)
            throws IOException, InterruptedException {
        return LauncherCheckout.run(checkout.command(env, "score", model.toString(), "--input", rows.toString(),
                "--out", out.toString(), "--batch-size", String.valueOf(ROWS), "--quiet"), dir, "");
    }

    // Waits until the run has made its temporaries and written for a moment: it is then mid-run.
    private static void awaitTemporaries(Process launcher, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LauncherCheckout.TIMEOUT_SECONDS);
        while (hidden(out).isEmpty()) {
            assertTrue(launcher.isAlive(), "the run ended early");
            assertTrue(System.nanoTime() < deadline, "temporaries appear in time");
            Thread.sleep(20);
        }
        Thread.sleep(1000);
        assertTrue(launcher.isAlive(), "still running after 1 s: the job is large enough to be stopped mid-way");
    }

    private static List<String> hidden(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
        }
    }

    private static List<String> csvFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String auditLine(Path csvFolder, String label) throws IOException {
        return Files.readAllLines(csvFolder.resolve("Audit.csv")).stream().filter(l -> l.startsWith(label + ","))
                .findFirst().orElse("(no " + label + " line)");
    }

    // A tanh network of the given widths, Gaussian weights scaled by 1/√n_in, in a model workbook.
    private Path wideModel(List<Integer> widths, Random random) throws IOException {
        List<DenseLayer> layers = new ArrayList<>();
        for (int k = 1; k < widths.size(); k++) {
            int in = widths.get(k - 1);
            int units = widths.get(k);
            double[][] w = new double[in][units];
            double[] b = new double[units];
            List<String> names = new ArrayList<>();
            for (int j = 0; j < units; j++) {
                for (int i = 0; i < in; i++) {
                    w[i][j] = random.nextGaussian() / Math.sqrt(in);
                }
                b[j] = random.nextGaussian() * 0.1;
                names.add("u" + k + "_" + (j + 1));
            }
            layers.add(new DenseLayer("L" + k, Matrix.of(w), b, Activations.of("tanh"), List.of(), names));
        }
        Path model = dir.resolve("model-" + widths.get(0) + ".xlsx");
        ModelWorkbookWriter.write(Model.of(new Network(layers), Provenance.inMemory("test")), null, null, List.of(), model,
                false);
        return model;
    }

    private Path rows(int count, int width, Random random) throws IOException {
        Path csv = dir.resolve("rows-" + width + ".csv");
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder("id");
            for (int i = 1; i <= width; i++) {
                header.append(",x").append(i);
            }
            w.write(header + "\n");
            for (int r = 0; r < count; r++) {
                StringBuilder line = new StringBuilder("r").append(r);
                for (int i = 0; i < width; i++) {
                    line.append(',').append(random.nextDouble() * 2 - 1);
                }
                w.write(line + "\n");
            }
        }
        return csv;
    }
}
