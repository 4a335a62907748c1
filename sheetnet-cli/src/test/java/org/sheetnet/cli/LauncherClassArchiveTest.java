package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher maps the build's class data archive, target/sheetnet.jsa, when it is newer than the
 * jar, and a stale, foreign or broken one changes nothing a run prints. Which classes came from the
 * archive is read from the JVM's own class-loading log ({@code -Xlog:class+load}, given in JAVA_OPTS),
 * which names the archive as a class's source.
 */
class LauncherClassArchiveTest {

    private static final String PROBE = """
            public class ArchiveProbe {
                public static void main(String[] a) {
                    System.out.println("probe ran");
                }
            }
            """;

    private static final String FROM_ARCHIVE = "ArchiveProbe source: shared objects file (top)";

    @TempDir
    Path dir;

    private LauncherCheckout checkout;
    private Path jar;
    private Path archive;

    @BeforeEach
    void checkoutWithAnArchive() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run the launcher");
        checkout = LauncherCheckout.create(dir, "ArchiveProbe", List.of());
        // The class data archive takes classes from jars only, and from a manifest's Class-Path only by
        // relative paths (as the shaded jar has none, this matters only here): the probe in a jar beside it.
        Path classes = LauncherCheckout.compile(dir, "ArchiveProbe", PROBE);
        jar = dir.resolve("checkout/target/sheetnet.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest())) {
            out.putNextEntry(new ZipEntry("META-INF/"));
            out.closeEntry();
        }
        try (OutputStream file = Files.newOutputStream(jar.resolveSibling("probe.jar"));
                JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new ZipEntry("ArchiveProbe.class"));
            out.write(Files.readAllBytes(classes.resolve("ArchiveProbe.class")));
            out.closeEntry();
        }
        archive = dir.resolve("checkout/target/sheetnet.jsa");
        // As the build makes it: one run with -XX:ArchiveClassesAtExit, without the vector module.
        Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds*=off", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("dump.log").toFile()).start();
        assertTrue(dump.waitFor(LauncherCheckout.TIMEOUT_SECONDS, TimeUnit.SECONDS), "the dump ended");
        assumeTrue(Files.isRegularFile(archive), "this JVM makes class data archives: " + Files.readString(dir.resolve("dump.log")));
    }

    @Test
    void anArchiveNewerThanTheJarIsMapped() throws Exception {
        LauncherCheckout.Run run = run("-Xlog:class+load");
        assertEquals(0, run.exit(), "exit code; stderr: " + run.stderr());
        assertTrue(run.stdout().contains(FROM_ARCHIVE), "the probe's class came from the archive:\n" + probeLines(run));
        assertEquals("", run.stderr(), "stderr");
    }

    @Test
    void anArchiveOlderThanTheJarIsLeftAlone() throws Exception {
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(archive).toMillis() + 60_000));
        LauncherCheckout.Run run = run("-Xlog:class+load");
        assertEquals(0, run.exit(), "exit code; stderr: " + run.stderr());
        assertTrue(run.stdout().contains("ArchiveProbe source: file:"), "the probe's class read from its jar:\n"
                + probeLines(run));
    }

    @Test
    void aBrokenArchivePrintsNothing() throws Exception {
        // The JVM refuses it and says so, on stdout, unless told not to: the run's output must not change.
        Files.delete(archive);
        Files.writeString(archive, "not an archive");
        assertEquals(new LauncherCheckout.Run(0, "probe ran\n", ""), run(), "a file that is no archive");
    }

    @Test
    void anArchiveOfAnotherJarPrintsNothing() throws Exception {
        // The jar rewritten after the archive was made, the archive then touched: the JVM sees that the
        // jar is not the one the archive was made from, and refuses it.
        Files.write(jar, Files.readAllBytes(jar));
        // (The JVM compares whole seconds: the jar's time moved on by more than one.)
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        LauncherCheckout.Run run = run("-Xlog:class+load");
        assertEquals(0, run.exit(), "exit code; stderr: " + run.stderr());
        assertTrue(run.stdout().contains("ArchiveProbe source: file:"), "the probe's class read from its jar:\n"
                + probeLines(run));
        assertEquals(new LauncherCheckout.Run(0, "probe ran\n", ""), run(), "what the run prints");
    }

    private LauncherCheckout.Run run(String... javaOptions) throws IOException, InterruptedException {
        String options = String.join(" ", List.of(javaOptions));
        return LauncherCheckout.run(checkout.command(Map.of("JAVA_OPTS", ("-XX:-UsePerfData " + options).trim())), dir, "");
    }

    private static String probeLines(LauncherCheckout.Run run) {
        return run.stdout().lines().filter(l -> l.contains("ArchiveProbe") || l.contains("probe ran")).toList().toString();
    }

    private static Manifest manifest() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "ArchiveProbe");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "probe.jar");
        return manifest;
    }
}
