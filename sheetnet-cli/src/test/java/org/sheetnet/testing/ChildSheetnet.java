package org.sheetnet.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the sheetnet command line in a child JVM with a small heap, as a user with the default
 * settings of a small machine would, to prove that a hostile file is refused before it exhausts
 * memory (an {@code OutOfMemoryError} in the test's own JVM would take the whole test run with it).
 */
public final class ChildSheetnet {

    /** The heap of the child JVM: small enough that reading a hostile file whole fails. */
    public static final String SMALL_HEAP = "-Xmx256m";

    /** Longest a child run may take; a refusal must be prompt. */
    public static final long TIMEOUT_SECONDS = 60;

    /**
     * What a run did.
     *
     * @param exitCode its exit code
     * @param stdout   what it printed on standard output
     * @param stderr   what it printed on standard error
     * @param millis   how long it took
     */
    public record Result(int exitCode, String stdout, String stderr, long millis) {

        /** The lines of standard error, without empty ones. */
        public List<String> stderrLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private ChildSheetnet() {
    }

    /**
     * Runs {@code sheetnet ARGS} in a child JVM with {@link #SMALL_HEAP}.
     *
     * @param work a folder for the child's standard output and error files
     * @param args the command line after {@code sheetnet}
     */
    public static Result run(Path work, String... args) throws IOException, InterruptedException {
        return runWithHeap(SMALL_HEAP, work, args);
    }

    /**
     * Runs {@code sheetnet ARGS} in a child JVM with the given heap option.
     *
     * @param heap the JVM's heap option, e.g. {@code -Xmx8m}
     * @param work a folder for the child's standard output and error files
     * @param args the command line after {@code sheetnet}
     */
    public static Result runWithHeap(String heap, Path work, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-cp", System.getProperty("java.class.path"), "org.sheetnet.cli.Main"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "child", ".out");
        Path err = Files.createTempFile(work, "child", ".err");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        boolean done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly().waitFor();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(done, "sheetnet " + String.join(" ", args) + " did not end within " + TIMEOUT_SECONDS + " s");
        Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), millis);
        Files.delete(out);
        Files.delete(err);
        return result;
    }
}
