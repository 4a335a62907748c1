package org.sheetnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * LibreOffice Calc run headless by the tests that need an independent spreadsheet engine. Where
 * {@code soffice} is missing those tests are skipped, unless {@value #REQUIRE}=1 (set by
 * {@code .ci/run}) makes them fail: in CI they must run.
 */
public final class LibreOffice {

    /** The environment variable that turns a missing LibreOffice into a failure. */
    public static final String REQUIRE = "SHEETNET_REQUIRE_LIBREOFFICE";

    /** Longest a conversion may take before it is killed. */
    public static final long TIMEOUT_SECONDS = 120;

    private LibreOffice() {
    }

    /** {@code soffice} on the PATH; skips the calling test when absent, or fails it when required. */
    public static Path require() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, "soffice");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = "LibreOffice (soffice) is not installed; Debian: apt-get install libreoffice-calc-nogui";
        if ("1".equals(System.getenv(REQUIRE))) {
            fail(message + " (" + REQUIRE + "=1 requires it)");
        }
        assumeTrue(false, message + "; skipped (set " + REQUIRE + "=1 to fail instead)");
        throw new IllegalStateException("unreachable");
    }

    /**
     * Converts files with one LibreOffice run, in a user profile folder of its own.
     *
     * @param soffice the program
     * @param profile the user profile folder (may hold a registrymodifications.xcu)
     * @param format  the target format, e.g. {@code xlsx} or {@code pdf}
     * @param files   the files to convert
     * @param outDir  where the converted files go
     * @param log     where LibreOffice's output goes
     */
    public static void convert(Path soffice, Path profile, String format, List<Path> files, Path outDir, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(soffice.toString(), "-env:UserInstallation=" + profile.toUri(),
                "--headless", "--norestore", "--convert-to", format, "--outdir", outDir.toString()));
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("LibreOffice did not finish within " + TIMEOUT_SECONDS + " s; killed. Output: " + Files.readString(log));
        }
        assertEquals(0, process.exitValue(), "soffice exit code; output: " + Files.readString(log));
    }
}
