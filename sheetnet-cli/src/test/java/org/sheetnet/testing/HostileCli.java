package org.sheetnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.sheetnet.cli.Main;

/** Runs the command line in this JVM or in a child JVM, and checks how a refused run ended. */
public final class HostileCli {

    /**
     * How a run ended.
     *
     * @param exit    the exit code
     * @param stdout  what it printed on standard output
     * @param stderr  what it printed on standard error
     * @param seconds how long it took
     */
    public record Run(int exit, String stdout, String stderr, double seconds) {

        /** The one stderr line, without its "sheetnet: " prefix; fails unless there is exactly one such line. */
        public String oneLine() {
            String message = stderr.strip();
            assertTrue(message.startsWith("sheetnet: "), () -> "stderr: " + stderr);
            assertFalse(message.contains("\n"), () -> "one line expected on stderr, got:\n" + stderr);
            assertFalse(message.contains("internal error") || message.contains("OutOfMemoryError"), message);
            return message.substring("sheetnet: ".length());
        }
    }

    private HostileCli() {
    }

    /** Runs sheetnet in this JVM with stdout and stderr captured. */
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
                    (System.nanoTime() - start) / 1e9);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }

    /**
     * Runs sheetnet in a child JVM with the given heap (e.g. {@code -Xmx256m}), this test's class path.
     *
     * @param timeoutSeconds the child is killed (and the test fails) after this long
     */
    public static Run child(String heap, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("sheetnet-child", ".out");
        Path err = Files.createTempFile("sheetnet-child", ".err");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("sheetnet " + String.join(" ", args) + " ran longer than " + timeoutSeconds + " s");
            }
            return new Run(p.exitValue(), Files.readString(out), Files.readString(err), (System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** SHA-256 of every file under a folder, hidden ones included, by relative path. */
    public static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> digests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                digests.put(dir.relativize(p).toString(), sha256(p));
            }
        }
        return digests;
    }

    /** Asserts that a message contains every part, naming the missing one. */
    public static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    /** Asserts that a folder is as it was: nothing written, changed or left behind. */
    public static void assertUnchanged(Map<String, String> before, Path dir, String what) throws IOException {
        assertEquals(before, snapshot(dir), what + ": files under " + dir);
    }

    private static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
