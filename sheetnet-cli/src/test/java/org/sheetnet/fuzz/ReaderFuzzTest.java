package org.sheetnet.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the readers (model workbook, input workbook, input CSV, Keras zip, legacy HDF5,
 * architecture JSON, CSV parameter folder) through the public commands for a bounded time, in a
 * JVM with a small heap, and fails listing every distinct broken promise (see {@link Oracle}),
 * grouped by kind, exception class and first sheetnet method.
 *
 * <p>System properties (the pom passes them on):
 * <ul>
 *   <li>{@code sheetnet.fuzz.seconds}: the time budget (default 60);</li>
 *   <li>{@code sheetnet.fuzz.seed}: the first case seed (default 1); cases are numbered from it;</li>
 *   <li>{@code sheetnet.fuzz.heap}: the heap of the JVM running the cases (default 256m);</li>
 *   <li>{@code sheetnet.fuzz.case-seconds}: the time one case may take (default 20);</li>
 *   <li>{@code sheetnet.fuzz.report-only}: {@code true} to report without failing;</li>
 *   <li>{@code sheetnet.fuzz.replay}: case seeds (comma-separated) to run instead, printing each.</li>
 * </ul>
 * Reproducers are saved under {@code target/fuzz-failures/}, with {@code REPORT.txt}.
 */
class ReaderFuzzTest {

    @Test
    void readersKeepTheirPromisesOnDamagedFiles() throws Exception {
        long seconds = Long.getLong("sheetnet.fuzz.seconds", 60);
        String replay = System.getProperty("sheetnet.fuzz.replay", "").trim();
        CampaignRunner runner = new CampaignRunner("fuzz-failures");
        FindingsReport report = replay.isEmpty()
                ? runner.runFor(Long.getLong("sheetnet.fuzz.seed", 1), seconds, false)
                : runner.runSeeds(Arrays.stream(replay.split(",")).map(s -> Long.parseLong(s.trim())).toList(), true);
        System.out.println(report.describe());
        if (!Boolean.getBoolean("sheetnet.fuzz.report-only")) {
            assertTrue(report.isEmpty(), () -> "the readers broke " + report.groups() + " distinct promises"
                    + (replay.isEmpty() ? " in " + seconds + " s of fuzzing" : " in cases " + replay)
                    + " (reproducers under target/fuzz-failures/):\n" + report.describe());
        }
    }

}
