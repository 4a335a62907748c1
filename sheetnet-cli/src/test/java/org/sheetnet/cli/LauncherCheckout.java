package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;

/**
 * A copy of the {@code ./sheetnet} launcher in a checkout of its own whose sources are older than its
 * target/sheetnet.jar, so that it runs that jar without building. The jar is a manifest only: its
 * main class and its class path (absolute URLs) say what runs, e.g. sheetnet's command line on this
 * test's class path, or a probe compiled here. The java the launcher finds on the PATH is this test's.
 */
final class LauncherCheckout {

    /** Longest a launcher run may take in a test. */
    static final long TIMEOUT_SECONDS = 120;

    /** The JVM's line about an incubator module, which the launcher drops. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    private final Path launcher;

    private LauncherCheckout(Path launcher) {
        this.launcher = launcher;
    }

    /** A checkout under {@code dir} whose jar runs {@code mainClass} from {@code classPath}. */
    static LauncherCheckout create(Path dir, String mainClass, List<Path> classPath) throws IOException {
        Path checkout = Files.createDirectories(dir.resolve("checkout"));
        Path script = Files.copy(Path.of("sheetnet"), checkout.resolve("sheetnet"));
        assertTrue(script.toFile().setExecutable(true), "launcher copy made executable");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        for (String folder : List.of("sheetnet-core/src/main", "sheetnet-cli/src/main")) {
            Files.setLastModifiedTime(Files.createDirectories(checkout.resolve(folder)), old);
        }
        for (String pom : List.of("pom.xml", "sheetnet-core/pom.xml", "sheetnet-cli/pom.xml")) {
            Files.setLastModifiedTime(Files.writeString(checkout.resolve(pom), "<project/>"), old);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH,
                classPath.stream().map(p -> p.toAbsolutePath().toUri().toString()).collect(Collectors.joining(" ")));
        Path jar = Files.createDirectories(checkout.resolve("target")).resolve("sheetnet.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new ZipEntry("META-INF/"));
            out.closeEntry();
        }
        return new LauncherCheckout(script);
    }

    /** This test's class path: sheetnet's classes and their libraries. */
    static List<Path> testClassPath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator)).map(Path::of).toList();
    }

    /** Compiles {@code source} (one public class named {@code name}) into a folder under {@code dir}. */
    static Path compile(Path dir, String name, String source) throws IOException {
        Path src = Files.createDirectories(dir.resolve("probe-src"));
        Path classes = Files.createDirectories(dir.resolve("probe-classes"));
        Path java = Files.writeString(src.resolve(name + ".java"), source);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", "-d",
                classes.toString(), java.toString()), "probe compiled");
        return classes;
    }

    /** Whether this test's java has jdk.incubator.vector, as its release file says. */
    static boolean javaHasVectorModule() throws IOException {
        Path release = Path.of(System.getProperty("java.home"), "release");
        return Files.isRegularFile(release) && Files.readString(release).contains(" jdk.incubator.vector ");
    }

    /**
     * {@code ./sheetnet args…} with a clean environment: this test's java first on the PATH, no
     * JAVA_OPTS or JVM option variables unless {@code env} sets them, and no SHEETNET_VECTOR (so the
     * vector module is added, the launcher's longer path) unless {@code env} sets it.
     */
    ProcessBuilder command(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        for (String name : List.of("JAVA_OPTS", "SHEETNET_VECTOR", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS",
                "JAVA_HOME")) {
            environment.remove(name);
        }
        environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        // No hsperfdata file left in the temporary folder by the JVMs of the tests.
        environment.put("JAVA_OPTS", "-XX:-UsePerfData");
        environment.putAll(env);
        return builder;
    }

    /** Runs {@code command}, stdout and stderr to files, stdin from {@code stdin}, and waits for it. */
    static Run run(ProcessBuilder command, Path dir, String stdin) throws IOException, InterruptedException {
        Path out = dir.resolve("launcher.out");
        Path err = dir.resolve("launcher.err");
        Process p = command.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the launcher did not end within " + TIMEOUT_SECONDS + " s");
        }
        // Read right at exit: a 2>file must be complete when the launcher has ended.
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** How a launcher run ended: its exit code and what it printed. */
    record Run(int exit, String stdout, String stderr) {
    }
}
