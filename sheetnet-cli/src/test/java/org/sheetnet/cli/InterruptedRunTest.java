package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
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
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Network;
import org.sheetnet.format.workbook.ModelWorkbookWriter;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.FolderSnapshot;

/**
 * A score run stopped mid-way (SIGTERM, as Ctrl-C or {@code kill} sends) leaves no temporary file or
 * folder: a child JVM scores a job large enough to take many seconds and is stopped once its
 * temporaries exist. A run killed without a chance to clean up (SIGKILL) leaves temporaries that the
 * next run writing to the folder names in one note, and leaves alone.
 */
class InterruptedRunTest {

    private static final int ROWS = 40_000;
    private static final int WIDTH = 200;

    @TempDir
    Path dir;

    private Path model;
    private Path rows;
    private Path out;

    @BeforeEach
    void largeJob() throws IOException {
        // Process.destroy() sends SIGTERM on POSIX systems only; Windows terminates without shutdown hooks.
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "a POSIX system");
        model = dir.resolve("wide.xlsx");
        Random random = new Random(7);
        ModelWorkbookWriter.write(org.sheetnet.model.Model.of(new Network(List.of(layer("h1", 2, WIDTH, "tanh", random),
                layer("h2", WIDTH, WIDTH, "tanh", random), layer("y", WIDTH, 1, "linear", random))),
                org.sheetnet.model.Provenance.inMemory("test")), null, null, List.of(), model, false);
        rows = dir.resolve("rows.csv");
        try (Writer w = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
            w.write("id,x1,x2\n");
            for (int r = 0; r < ROWS; r++) {
                w.write("r" + r + "," + random.nextDouble() + "," + random.nextDouble() + "\n");
            }
        }
        out = Files.createDirectories(dir.resolve("out"));
    }

    @Test
    void aWorkbookRunStoppedBySigtermLeavesNothing() throws Exception {
        stoppedBySigtermLeavesNothing(out.resolve("scored.xlsx"));
    }

    @Test
    void aCsvFolderRunStoppedBySigtermLeavesNothing() throws Exception {
        stoppedBySigtermLeavesNothing(out.resolve("scored"));
    }

    @Test
    void aRunKilledOutrightIsNamedByTheNextRun() throws Exception {
        Process child = startAndAwaitTemporaries(out.resolve("scored.xlsx"));
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends");
        List<String> leftovers = hidden(out);
        assertTrue(!leftovers.isEmpty(), "SIGKILL leaves temporaries: " + leftovers);
        Map<String, String> left = FolderSnapshot.of(out);

        Cli.Run next = Cli.run("score", "workbooks/seed-2-3-2-2.xlsx", "--out", out.resolve("next.xlsx").toString(),
                "-q");

        assertEquals(ExitCodes.OK, next.exit(), next.stderr());
        assertEquals(1, next.stderrLines().size(), () -> "one note: " + next.stderr());
        String note = next.stderrLines().get(0);
        assertTrue(note.startsWith("sheetnet: note: " + out.toAbsolutePath().normalize() + ": "), note);
        leftovers.forEach(name -> assertTrue(note.contains(name), "the note names " + name + ": " + note));
        assertTrue(note.contains("process has ended"), note);
        Map<String, String> after = FolderSnapshot.of(out);
        after.remove("next.xlsx");
        assertEquals(left, after, "the leftovers are left alone, nothing else was added");
    }

    private void stoppedBySigtermLeavesNothing(Path target) throws Exception {
        Map<String, String> before = FolderSnapshot.of(dir);
        before.put("stdout.txt", "any");
        before.put("stderr.txt", "any");
        Process child = startAndAwaitTemporaries(target);

        child.destroy();

        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends on SIGTERM");
        assertNotEquals(0, child.exitValue(), "the run was stopped before it finished");
        Map<String, String> after = FolderSnapshot.of(dir);
        after.put("stdout.txt", "any");
        after.put("stderr.txt", "any");
        assertEquals(before, after, "no output, no temporary file or folder left");
    }

    // Waits until the run has made its temporaries and written for a moment: it is then mid-run.
    private Process startAndAwaitTemporaries(Path target) throws Exception {
        Process child = Cli.start(List.of(), dir, dir.resolve("stdout.txt"), dir.resolve("stderr.txt"), "score",
                model.toString(), "--input", rows.toString(), "--out", target.toString(), "--batch-size", "256", "-q");
        Path watched = target.getFileName().toString().endsWith(".xlsx") ? out : target;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.isDirectory(watched) || hidden(watched).isEmpty()) {
            assertTrue(child.isAlive(), () -> "the child ended early: " + read(dir.resolve("stderr.txt")));
            assertTrue(System.nanoTime() < deadline, "temporaries appear within a minute");
            Thread.sleep(20);
        }
        Thread.sleep(1500);
        assertTrue(child.isAlive(), "still running after 1.5 s: the job is large enough to be stopped mid-way");
        return child;
    }

    private static List<String> hidden(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static DenseLayer layer(String name, int in, int units, String activation, Random random) {
        double[][] w = new double[in][units];
        for (double[] row : w) {
            for (int j = 0; j < units; j++) {
                row[j] = random.nextGaussian() / Math.sqrt(in);
            }
        }
        List<String> unitNames = new ArrayList<>();
        for (int j = 1; j <= units; j++) {
            unitNames.add(name + "_" + j);
        }
        return new DenseLayer(name, Matrix.of(w), new double[units], Activations.of(activation), List.of(), unitNames);
    }
}
