package org.sheetnet.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.sheetnet.cli.Main;

/**
 * The one way tests run sheetnet's command line: in this JVM with stdout and stderr captured, or in
 * a child JVM (a small heap, so that a hostile file that were read whole fails there and not in the
 * test's own JVM; or a working folder and signals, which one JVM cannot test).
 */
public final class Cli {

    /** The heap of a child JVM: small enough that reading a hostile file whole fails. */
    public static final String SMALL_HEAP = "-Xmx256m";

    /** A child JVM option: the serial collector, whose heap use follows the live data most closely. */
    public static final String SERIAL_GC = "-XX:+UseSerialGC";

    /** Longest a child run may take; a refusal must be prompt. */
    public static final long TIMEOUT_SECONDS = 60;

    /**
     * How a run ended.
     *
     * @param exit   its exit code
     * @param stdout what it printed on standard output
     * @param stderr what it printed on standard error
     * @param millis how long it took
     */
    public record Run(int exit, String stdout, String stderr, long millis) {

        /** The lines of standard error, without blank ones. */
        public List<String> stderrLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }

        /** The one stderr line, without its "sheetnet: " prefix; fails unless there is exactly one such line. */
        public String oneLine() {
            String message = stderr.strip();
            assertTrue(message.startsWith("sheetnet: "), () -> "stderr: " + stderr);
            assertFalse(message.contains("\n"), () -> "one line expected on stderr, got:\n" + stderr);
            assertFalse(message.contains("internal error") || message.contains("OutOfMemoryError"), message);
            return message.substring("sheetnet: ".length());
        }
    }

    private Cli() {
    }

    /** Runs {@code sheetnet args…} in this JVM with stdout and stderr captured (and then restored). */
    public static synchronized Run run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long start = System.nanoTime();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                    millisSince(start));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    /** Runs {@code sheetnet args…} in a child JVM with {@link #SMALL_HEAP} and {@link #TIMEOUT_SECONDS}. */
    public static Run child(String... args) throws IOException, InterruptedException {
        return child(List.of(SMALL_HEAP), TIMEOUT_SECONDS, args);
    }

    /**
     * Runs {@code sheetnet args…} in a child JVM on this test's class path, and waits for it.
     *
     * @param jvmOptions     the child's JVM options, e.g. {@code -Xmx8m}, {@link #SERIAL_GC}
     * @param timeoutSeconds the child is killed and the test fails after this long
     */
    public static Run child(List<String> jvmOptions, long timeoutSeconds, String... args)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("sheetnet-child", ".out");
        Path err = Files.createTempFile("sheetnet-child", ".err");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(javaCommand(jvmOptions, args))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                fail("sheetnet " + String.join(" ", args) + " did not end within " + timeoutSeconds + " s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), millisSince(start));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Starts {@code sheetnet args…} in a child JVM with {@link #SMALL_HEAP}, and returns at once: for
     * tests that signal or kill it.
     *
     * @param shellPrefix   a shell command line run first ({@code ulimit …}), or empty
     * @param workingFolder the child's current folder
     * @param stdout        where its stdout goes
     * @param stderr        where its stderr goes
     */
    public static Process start(List<String> shellPrefix, Path workingFolder, Path stdout, Path stderr, String... args)
            throws IOException {
        List<String> command = javaCommand(List.of(SMALL_HEAP), args);
        if (!shellPrefix.isEmpty()) {
            StringBuilder line = new StringBuilder(String.join(" ", shellPrefix)).append("; exec");
            for (String word : command) {
                line.append(" '").append(word.replace("'", "'\\''")).append('\'');
            }
            command = List.of("/bin/sh", "-c", line.toString());
        }
        return new ProcessBuilder(command).directory(workingFolder.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    }

    /** Asserts that a message contains every part, naming the missing one. */
    public static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    // -XX:-UsePerfData: the child leaves no hsperfdata file in the temporary folder.
    private static List<String> javaCommand(List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
