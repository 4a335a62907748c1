package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.FolderSnapshot;

/**
 * The launcher adds {@code jdk.incubator.vector} and drops the one line the JVM prints about it, and
 * only that: a probe run through it prints given text on stderr, echoes stdin, reports whether the
 * module is loaded, or lingers in a shutdown hook that speaks last, while the launcher is signalled.
 * Everything else must come through as the probe wrote it, with the probe's exit code.
 */
class LauncherStderrFilterTest {

    private static final String PROBE = """
            public class Probe {
                public static void main(String[] a) throws Exception {
                    switch (a[0]) {
                        case "module" -> System.out.println(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent());
                        case "stdin" -> System.in.transferTo(System.out);
                        case "gc" -> System.out.println(String.join(", ", java.lang.management.ManagementFactory
                                .getGarbageCollectorMXBeans().stream().map(b -> b.getName()).sorted().toList()));
                        case "stderr" -> {
                            for (int i = 2; i < a.length; i++) { System.err.print(a[i]); System.err.flush(); }
                            System.exit(Integer.parseInt(a[1]));
                        }
                        default -> {
                            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                                try { Thread.sleep(500); } catch (InterruptedException e) { }
                                System.err.println("last words");
                            }));
                            System.out.println("ready");
                            Thread.sleep(120_000);
                        }
                    }
                }
            }
            """;

    @TempDir
    Path dir;

    private LauncherCheckout checkout;

    @BeforeEach
    void probeCheckout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run the launcher");
        assumeTrue(LauncherCheckout.javaHasVectorModule(), "a java with jdk.incubator.vector");
        checkout = LauncherCheckout.create(dir, "Probe", List.of(LauncherCheckout.compile(dir, "Probe", PROBE)));
    }

    @Test
    void theModuleIsAddedUnlessSheetnetVectorIsZero() throws Exception {
        LauncherCheckout.Run unset = run(Map.of("SHEETNET_VECTOR", ""), "module");
        assertEquals("true\n", unset.stdout(), "by default: the module; stderr: " + unset.stderr());
        assertEquals("", unset.stderr(), "by default: nothing on stderr: the JVM's warning is dropped");
        LauncherCheckout.Run with = run(Map.of("SHEETNET_VECTOR", "1"), "module");
        assertEquals("true\n", with.stdout(), "module loaded; stderr: " + with.stderr());
        assertEquals("", with.stderr(), "nothing on stderr: the JVM's warning is dropped");
        LauncherCheckout.Run without = run(Map.of("SHEETNET_VECTOR", "0"), "module");
        assertEquals("false\n", without.stdout(), "SHEETNET_VECTOR=0: no module");
        assertEquals("", without.stderr(), "SHEETNET_VECTOR=0: nothing on stderr");
        // bash takes OSTYPE from the environment: as under Git Bash, where no named pipe is tried.
        LauncherCheckout.Run windows = run(Map.of("OSTYPE", "msys"), "module");
        assertEquals("false\n", windows.stdout(), "Git Bash: no module");
        assertEquals("", windows.stderr(), "Git Bash: nothing on stderr");
    }

    @Test
    void theThroughputCollectorIsChosenUnlessJavaOptsNamesOne() throws Exception {
        for (String vector : List.of("", "1")) {
            LauncherCheckout.Run chosen = run(Map.of("SHEETNET_VECTOR", vector), "gc");
            assertEquals("PS MarkSweep, PS Scavenge\n", chosen.stdout(), "the parallel collector; SHEETNET_VECTOR="
                    + vector + "; stderr: " + chosen.stderr());
            LauncherCheckout.Run own = run(Map.of("SHEETNET_VECTOR", vector, "JAVA_OPTS",
                    "-XX:-UsePerfData -XX:+UseSerialGC"), "gc");
            assertEquals("Copy, MarkSweepCompact\n", own.stdout(), "JAVA_OPTS's collector, without a conflict;"
                    + " SHEETNET_VECTOR=" + vector + "; stderr: " + own.stderr());
            assertEquals(0, own.exit(), "exit code with a collector in JAVA_OPTS");
        }
    }

    @Test
    void theNamedPipeIsGoneAfterTheRunAndWithoutOneJavaRunsAsBefore() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        LauncherCheckout.Run run = run(Map.of("TMPDIR", tmp.toString()), "module");
        assertEquals("true\n", run.stdout(), "module loaded; stderr: " + run.stderr());
        assertEquals(List.of(), FolderSnapshot.of(tmp).keySet().stream().filter(k -> !k.isEmpty()).toList(),
                "nothing left in TMPDIR");
        LauncherCheckout.Run noPipe = run(Map.of("TMPDIR", dir.resolve("missing").toString()), "module");
        assertEquals("false\n", noPipe.stdout(), "no named pipe can be made: no module");
        assertEquals("", noPipe.stderr(), "and no warning");
    }

    @Test
    void everyOtherLineComesThroughAsWrittenWithTheExitCode() throws Exception {
        for (int code : new int[] {0, 1, 7, 130}) {
            LauncherCheckout.Run run = run(Map.of(), "stderr", String.valueOf(code), "one\n", "two\n\n", "last, no newline");
            assertEquals("one\ntwo\n\nlast, no newline", run.stderr(), "stderr of a run ending with " + code);
            assertEquals(code, run.exit(), "exit code");
        }
    }

    @Test
    void theProgramsOwnLineOfTheSameTextIsKept() throws Exception {
        String text = "a\n" + LauncherCheckout.INCUBATOR_WARNING + "\n";
        LauncherCheckout.Run run = run(Map.of(), "stderr", "0", text);
        assertEquals(text, run.stderr(), "only the JVM's line, the first, is dropped");
    }

    @Test
    void theJvmsStartUpNotesBeforeTheWarningAreKept() throws Exception {
        LauncherCheckout.Run run = run(Map.of("JAVA_TOOL_OPTIONS", "-Xss4m"), "stderr", "0", "one\n");
        assertEquals("Picked up JAVA_TOOL_OPTIONS: -Xss4m\none\n", run.stderr(), "the JVM's note, then the probe's line");
    }

    @Test
    void stdinReachesJava() throws Exception {
        Process p = checkout.command(Map.of(), "stdin").start();
        p.getOutputStream().write("hello\nworld\n".getBytes());
        p.getOutputStream().close();
        assertEquals("hello\nworld\n", new String(p.getInputStream().readAllBytes()), "stdin echoed through java");
        assertTrue(p.waitFor(LauncherCheckout.TIMEOUT_SECONDS, TimeUnit.SECONDS), "ended");
        assertEquals("", new String(p.getErrorStream().readAllBytes()), "stderr through a pipe");
        assertEquals(0, p.exitValue(), "exit code");
    }

    @Test
    void aJavaWithoutTheModuleRunsWithoutIt() throws Exception {
        Path plain = fakeJavaHome("plain", "java.base java.logging");
        LauncherCheckout.Run run = run(Map.of("PATH", plain + ":/usr/bin:/bin"), "module");
        assertEquals("false\n", run.stdout(), "a java home whose release file lacks the module: run as before");
        // A link on the PATH to a java whose home has the module: the launcher looks where the link leads.
        Path full = fakeJavaHome("full", "java.base jdk.incubator.vector jdk.jfr");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("java"), full.resolve("java"));
        LauncherCheckout.Run linked = run(Map.of("PATH", bin + ":/usr/bin:/bin"), "module");
        assertEquals("true\n", linked.stdout(), "the release file of the link's target's home");
        assertEquals("", linked.stderr(), "no warning");
    }

    @Test
    void sigtermToTheLauncherReachesJavaWhichSpeaksLast() throws Exception {
        Process p = startLingering(List.of());
        List<ProcessHandle> children = javaAndFilter(p);
        p.destroy();
        assertEnded(p, children, 143, "SIGTERM");
    }

    @Test
    void sighupToTheLauncherReachesJava() throws Exception {
        Process p = startLingering(List.of());
        List<ProcessHandle> children = javaAndFilter(p);
        new ProcessBuilder("kill", "-HUP", String.valueOf(p.pid())).start().waitFor();
        assertEnded(p, children, 129, "SIGHUP");
    }

    @Test
    void ctrlCToTheWholeProcessGroupLetsJavaSpeakLast() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")), "setsid makes the launcher a process group");
        // As a terminal's Ctrl-C: SIGINT to the launcher, java and the filter at once.
        Process p = startLingering(List.of("/usr/bin/setsid"));
        List<ProcessHandle> children = javaAndFilter(p);
        new ProcessBuilder("kill", "-INT", "--", "-" + p.pid()).start().waitFor();
        assertEnded(p, children, 130, "SIGINT to the process group");
    }

    private LauncherCheckout.Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return LauncherCheckout.run(checkout.command(env, args), dir, "");
    }

    // A java home whose bin/java runs this test's java, with a release file listing the given modules.
    private Path fakeJavaHome(String name, String modules) throws IOException {
        Path home = Files.createDirectories(dir.resolve(name));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17\"\nMODULES=\"" + modules + "\"\n");
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\nexec '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
        assertTrue(java.toFile().setExecutable(true), "fake java made executable");
        return bin;
    }

    private Process startLingering(List<String> prefix) throws Exception {
        ProcessBuilder command = checkout.command(Map.of(), "linger");
        command.command().addAll(0, prefix);
        Process p = command.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LauncherCheckout.TIMEOUT_SECONDS);
        while (!Files.readString(dir.resolve("out.txt")).equals("ready\n")) {
            assertTrue(p.isAlive(), "the probe ended early");
            assertTrue(System.nanoTime() < deadline, "the probe is ready");
            Thread.sleep(20);
        }
        return p;
    }

    private static List<ProcessHandle> javaAndFilter(Process launcher) {
        List<ProcessHandle> children = launcher.descendants().toList();
        assertEquals(2, children.size(), () -> "java and the filter under the launcher: "
                + children.stream().map(c -> c.info().command().orElse("?")).toList());
        return children;
    }

    // The launcher ended with java's code, java's last words reached stderr, and no process is left.
    private void assertEnded(Process launcher, List<ProcessHandle> children, int code, String signal) throws Exception {
        assertTrue(launcher.waitFor(LauncherCheckout.TIMEOUT_SECONDS, TimeUnit.SECONDS), "the launcher ends on " + signal);
        assertEquals(code, launcher.exitValue(), "exit code after " + signal);
        assertEquals("last words\n", Files.readString(dir.resolve("err.txt")), "stderr after " + signal);
        for (ProcessHandle child : children) {
            assertFalse(child.isAlive(), "left running after " + signal + ": " + child.info());
        }
    }
}
