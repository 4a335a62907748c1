package org.sheetnet.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@link FuzzCampaign} in a JVM of its own with a small heap, so that a heap blow-up is
 * caught where a user's JVM would have it; when that JVM dies inside a case, the case is recorded
 * and the campaign goes on after it. Writes {@code REPORT.txt} beside the reproducers.
 */
final class CampaignRunner {

    static final Path PROJECT = Path.of("").toAbsolutePath();

    private final Path failures;
    private final long caseMillis = Long.getLong("sheetnet.fuzz.case-seconds", 20) * 1000;
    private final String heap = System.getProperty("sheetnet.fuzz.heap", "256m");

    /** A runner saving reproducers and its report under {@code target/FOLDER}, emptied first. */
    CampaignRunner(String folder) {
        this.failures = PROJECT.resolve("target").resolve(folder);
    }

    /** Cases {@code first}, {@code first + 1}, ... until {@code seconds} have passed. */
    FindingsReport runFor(long first, long seconds, boolean verbose) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000;
        return run(deadline, died -> "from:" + (died + 1), "from:" + first, verbose);
    }

    /** Exactly these cases, however long they take. */
    FindingsReport runSeeds(List<Long> seeds, boolean verbose) throws IOException, InterruptedException {
        return run(Long.MAX_VALUE, died -> join(seeds.subList(seeds.indexOf(died) + 1, seeds.size())), join(seeds),
                verbose);
    }

    private FindingsReport run(long deadline, java.util.function.LongFunction<String> after, String seeds,
            boolean verbose) throws IOException, InterruptedException {
        FileTrees.delete(failures);
        Files.createDirectories(failures);
        List<String> deaths = new ArrayList<>();
        while (!seeds.isEmpty() && System.currentTimeMillis() < deadline) {
            int exit = launch(seeds, deadline, verbose);
            String progress = Files.readString(failures.resolve("progress")).trim();
            if (progress.startsWith("done")) {
                break;
            }
            long died = Long.parseLong(progress);
            Path saved = failures.resolve("jvm-death-seed-" + died);
            FileTrees.copy(PROJECT.resolve("target/fuzz-work/case/in"), saved.resolve("in"));
            deaths.add("campaign JVM ended with exit code " + exit + "\t" + died + "\t" + failures.relativize(saved));
            seeds = after.apply(died);
        }
        FindingsReport report = FindingsReport.read(failures.resolve("findings.tsv"), deaths);
        Files.writeString(failures.resolve("REPORT.txt"), report.describe());
        return report;
    }

    private int launch(String seeds, long deadline, boolean verbose) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), FuzzCampaign.class.getName(),
                PROJECT.toString(), failures.toString(), Long.toString(caseMillis), Long.toString(deadline), seeds));
        if (verbose) {
            command.add("verbose");
        }
        Process process = new ProcessBuilder(command).directory(PROJECT.toFile()).inheritIO()
                .redirectOutput(failures.resolve("campaign.log").toFile()).start();
        // A case may run past the deadline: its own limit, the --verbose rerun and the reduction of a new group.
        long wait = deadline == Long.MAX_VALUE ? Long.MAX_VALUE
                : Math.max(0, deadline - System.currentTimeMillis()) + 4 * caseMillis + 60_000;
        if (!process.waitFor(wait, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }

    private static String join(List<Long> seeds) {
        return String.join(",", seeds.stream().map(String::valueOf).toList());
    }
}
