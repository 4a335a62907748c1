package org.sheetnet.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;

/**
 * The same mutators and oracle as {@link ReaderFuzzTest}, steered by Jazzer's coverage feedback
 * instead of seeds: Jazzer's bytes choose the target, the seed file, the mutations and their
 * seeds. Opt-in, as it needs the Jazzer agent in the test JVM:
 * {@code mvn -Pjazzer test -Dtest=ReaderJazzerFuzzTest}, fuzzing for {@code sheetnet.fuzz.seconds}
 * (the profile passes it to libFuzzer; the annotation's duration is the fallback). The
 * cases run in the test JVM (coverage feedback needs them there), with its 1 GB heap: a blow-up
 * under 256 MB would take Jazzer down with the case, which is why {@link ReaderFuzzTest}, run by
 * every build, keeps its cases in a JVM of their own. Reproducers and the report land in
 * {@code target/fuzz-jazzer/}; the test fails listing every group, as the seeded one does.
 */
class ReaderJazzerFuzzTest {

    private static final Path FAILURES = CampaignRunner.PROJECT.resolve("target/fuzz-jazzer");
    private static PrintStream savedOut;
    private static PrintStream savedErr;
    private static FuzzCampaign campaign;
    private static long cases;

    // The profile's -max_total_time overrides this duration; 60 s matches the seeded test's default.
    @FuzzTest(maxDuration = "60s")
    void readersKeepTheirPromises(FuzzedDataProvider data) throws IOException {
        if (campaign == null) {
            startCampaign();
        }
        campaign.record(FuzzCase.plan(new DataRandom(data), cases++, campaign.corpus()));
    }

    /**
     * Loads every class of the project before stderr is captured: Jazzer's agent, installed just
     * before the first input, logs each class it instruments on stderr, which is not the readers' noise.
     */
    private static void startCampaign() throws IOException {
        FileTrees.delete(FAILURES);
        for (String folder : java.util.List.of("target/classes", "target/test-classes")) {
            Path root = CampaignRunner.PROJECT.resolve(folder);
            try (var files = java.nio.file.Files.walk(root)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                    try {
                        Class.forName(name, false, ReaderJazzerFuzzTest.class.getClassLoader());
                    } catch (ClassNotFoundException | LinkageError e) {
                        // a class that cannot load here is not one a command will load either
                    }
                }
            }
        }
        savedOut = System.out;
        savedErr = System.err;
        CommandRun.installCapture();
        campaign = FuzzCampaign.inProcess(CampaignRunner.PROJECT, FAILURES,
                Long.getLong("sheetnet.fuzz.case-seconds", 20) * 1000, savedErr);
    }

    @AfterAll
    static void report() throws IOException {
        if (campaign == null) {
            return;
        }
        System.setOut(savedOut);
        System.setErr(savedErr);
        FindingsReport report = FindingsReport.read(FAILURES.resolve("findings.tsv"), java.util.List.of());
        java.nio.file.Files.writeString(FAILURES.resolve("REPORT.txt"), report.describe());
        System.out.println("jazzer: " + cases + " cases\n" + report.describe());
        if (!Boolean.getBoolean("sheetnet.fuzz.report-only")) {
            assertTrue(report.isEmpty(), () -> "the readers broke " + report.groups() + " distinct promises in "
                    + cases + " cases chosen by Jazzer (reproducers under target/fuzz-jazzer/):\n" + report.describe());
        }
    }

    /**
     * Choices taken from the fuzzer's bytes, so that its coverage feedback steers them; past the
     * end of its (short) input, from a generator seeded with those bytes, so that a short input
     * still makes a case of its own rather than the same all-zero one.
     */
    private static final class DataRandom extends Random {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;
        private int at;
        private final Random rest;

        DataRandom(FuzzedDataProvider data) {
            this.bytes = data.consumeRemainingAsBytes();
            this.rest = new Random(java.util.Arrays.hashCode(bytes));
        }

        @Override
        protected int next(int bits) {
            if (at + 4 > bytes.length) {
                return rest.nextInt() >>> (32 - bits);
            }
            int value = (bytes[at] & 0xFF) << 24 | (bytes[at + 1] & 0xFF) << 16 | (bytes[at + 2] & 0xFF) << 8
                    | (bytes[at + 3] & 0xFF);
            at += 4;
            return value >>> (32 - bits);
        }
    }
}
