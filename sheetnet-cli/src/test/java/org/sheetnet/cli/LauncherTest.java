package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./sheetnet} launcher run through symbolic links, as when it is linked onto the PATH:
 * it must find its checkout (and the jar in its target/) where the script really is, not where the
 * link is. The launcher is copied into a checkout of its own whose target/sheetnet.jar is a stand-in
 * (compiled here) that prints its arguments, and whose sources are older than that jar, so the
 * launcher runs it without building. Also: {@code sheetnet.cmd} for Windows runs the same jar.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("sheetnet");

    @TempDir
    Path dir;

    private Path checkout;

    @BeforeEach
    void standInCheckout() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is needed to run the launcher");
        checkout = Files.createDirectories(dir.resolve("checkout"));
        Path script = Files.copy(LAUNCHER, checkout.resolve("sheetnet"));
        assertTrue(script.toFile().setExecutable(true), "launcher copy made executable");
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        for (String folder : List.of("sheetnet-core/src/main", "sheetnet-cli/src/main")) {
            Files.setLastModifiedTime(Files.createDirectories(checkout.resolve(folder)), old);
        }
        for (String pom : List.of("pom.xml", "sheetnet-core/pom.xml", "sheetnet-cli/pom.xml")) {
            Files.setLastModifiedTime(Files.writeString(checkout.resolve(pom), "<project/>"), old);
        }
        standInJar(Files.createDirectories(checkout.resolve("target")).resolve("sheetnet.jar"));
    }

    @Test
    void runsThroughASymlinkInAnotherFolder() throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path link = Files.createSymbolicLink(bin.resolve("sheetnet"), checkout.resolve("sheetnet"));
        assertStandInRan(link, bin);
    }

    @Test
    void runsThroughARelativeLinkToALink() throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path tools = Files.createDirectories(dir.resolve("tools"));
        Files.createSymbolicLink(tools.resolve("sheetnet"), Path.of("../checkout/sheetnet"));
        Path link = Files.createSymbolicLink(bin.resolve("sn"), Path.of("../tools/sheetnet"));
        assertStandInRan(link, dir);
    }

    @Test
    void windowsLauncherRunsTheSameJarWithTheArguments() throws IOException {
        String cmd = Files.readString(Path.of("sheetnet.cmd"), StandardCharsets.US_ASCII);
        assertTrue(cmd.contains("\r\n"), "sheetnet.cmd has Windows line ends (cmd.exe misreads labels otherwise)");
        assertTrue(cmd.contains("set \"SHEETNET_JAR=%SHEETNET_ROOT%target\\sheetnet.jar\""),
                "the jar beside the script, whatever the current folder (%~dp0)");
        assertTrue(cmd.contains("-jar \"%SHEETNET_JAR%\" %*"), "all arguments passed on");
        assertTrue(cmd.contains("call mvn -B -q -DskipTests -pl sheetnet-cli -am package"),
                "builds the command line jar (not Spark, not the Calc extension) when missing");
    }

    // The launcher is run from a folder without a checkout, as from the PATH.
    private static void assertStandInRan(Path link, Path workingFolder) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/bash", "-c", "\"$0\" --version", link.toString())
                .directory(workingFolder.toFile()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the launcher ended");
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "exit code through " + link + "; output: " + output);
        assertEquals("stand-in jar ran with: --version", output.strip(), "output through " + link);
    }

    // A jar whose main class prints its arguments: enough to show which jar the launcher ran, and with what.
    private void standInJar(Path jar) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path java = Files.writeString(src.resolve("StandIn.java"), "public class StandIn { public static void"
                + " main(String[] a) { System.out.println(\"stand-in jar ran with: \" + String.join(\" \", a)); } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(),
                java.toString()), "stand-in compiled");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StandIn");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new ZipEntry("StandIn.class"));
            out.write(Files.readAllBytes(src.resolve("StandIn.class")));
            out.closeEntry();
        }
    }
}
