package org.sheetnet.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the readers (workbook, input workbook, CSV, Keras zip, HDF5, JSON, CSV folder) through
 * the public commands for a bounded time, in a JVM with a small heap, and fails listing every
 * distinct broken promise (see {@link Oracle}), grouped by exception and first sheetnet frame.
 *
 * <p>System properties (the pom passes them on):
 * <ul>
 *   <li>{@code sheetnet.fuzz.seconds}: the time budget (default 60);</li>
 *   <li>{@code sheetnet.fuzz.seed}: the first case seed (default 1); cases are numbered from it;</li>
 *   <li>{@code sheetnet.fuzz.heap}: the campaign JVM's heap (default 256m);</li>
 *   <li>{@code sheetnet.fuzz.case-seconds}: the time one case may take (default 20);</li>
 *   <li>{@code sheetnet.fuzz.report-only}: {@code true} to report without failing;</li>
 *   <li>{@code sheetnet.fuzz.replay}: a case seed to run alone, printing what it does.</li>
 * </ul>
 * Reproducers are saved under {@code target/fuzz-failures/}, with {@code REPORT.txt}.
 */
class ReaderFuzzTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path FAILURES = PROJECT.resolve("target/fuzz-failures");

    @Test
    void readersKeepTheirPromisesOnDamagedFiles() throws Exception {
        long seconds = Long.getLong("sheetnet.fuzz.seconds", 60);
        long caseMillis = Long.getLong("sheetnet.fuzz.case-seconds", 20) * 1000;
        String replay = System.getProperty("sheetnet.fuzz.replay", "");
        FuzzCampaign.deleteTree(FAILURES);
        Files.createDirectories(FAILURES);
        if (!replay.isBlank()) {
            runCampaign(Long.parseLong(replay.trim()), 0, caseMillis, true);
            return;
        }
        long seed = Long.getLong("sheetnet.fuzz.seed", 1);
        long deadline = System.currentTimeMillis() + seconds * 1000;
        List<String> deaths = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            int exit = runCampaign(seed, deadline, caseMillis, false);
            String progress = Files.readString(FAILURES.resolve("progress")).trim();
            if (progress.startsWith("done")) {
                break;
            }
            // The campaign JVM died inside a case: that case is a finding, and the campaign goes on after it.
            long died = Long.parseLong(progress);
            Path saved = FAILURES.resolve("jvm-death-seed-" + died);
            copyTree(PROJECT.resolve("target/fuzz-work/case/in"), saved.resolve("in"));
            deaths.add("campaign JVM ended with exit code " + exit + "\t" + died + "\t" + FAILURES.relativize(saved));
            seed = died + 1;
        }
        FindingsReport report = FindingsReport.read(FAILURES.resolve("findings.tsv"), deaths);
        Files.writeString(FAILURES.resolve("REPORT.txt"), report.describe());
        System.out.println(report.describe());
        if (!Boolean.getBoolean("sheetnet.fuzz.report-only")) {
            assertTrue(report.isEmpty(), () -> "the readers broke " + report.groups() + " distinct promises in "
                    + seconds + " s of fuzzing (reproducers under target/fuzz-failures/):\n" + report.describe());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Runs the campaign in a JVM of its own with a small heap; returns its exit code. */
    private static int runCampaign(long seed, long deadline, long caseMillis, boolean replay)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("sheetnet.fuzz.heap", "256m"), "-XX:+UseSerialGC",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                FuzzCampaign.class.getName(), PROJECT.toString(), FAILURES.toString(), Long.toString(seed),
                Long.toString(deadline), Long.toString(caseMillis)));
        if (replay) {
            command.add("replay");
        }
        Process process = new ProcessBuilder(command).directory(PROJECT.toFile()).inheritIO()
                .redirectOutput(FAILURES.resolve("campaign.log").toFile()).start();
        long waitMillis = Math.max(0, deadline - System.currentTimeMillis()) + 3 * caseMillis + 60_000;
        if (!process.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }
}
