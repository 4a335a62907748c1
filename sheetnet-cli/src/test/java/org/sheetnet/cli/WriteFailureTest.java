package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.FolderSnapshot;

/**
 * A write that fails for real mid-run ends with one line naming the output (not a temporary file)
 * and leaves nothing behind. The disk is made "full" for a child JVM with {@code ulimit -f}: the
 * kernel then refuses writes beyond the limit with EFBIG ("File too large"), as it refuses them with
 * ENOSPC on a full disk; the JVM ignores the SIGXFSZ that comes with it.
 */
class WriteFailureTest {

    /** The file size limit, in the shell's blocks (512 or 1024 bytes): far below the output's size. */
    private static final String LIMIT = "ulimit -f 400";

    @TempDir
    Path dir;

    private Path rows;

    @BeforeEach
    void largeInput() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell for ulimit");
        rows = dir.resolve("rows.csv");
        try (Writer w = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
            w.write("id,x1,x2\n");
            for (int r = 0; r < 30_000; r++) {
                w.write("row" + r + "," + (r % 97) / 97.0 + "," + (r % 89) / 89.0 + "\n");
            }
        }
    }

    @Test
    void aWorkbookThatCannotBeWrittenIsNamed() throws Exception {
        failsNamingTheOutput(dir.resolve("out/scored.xlsx"));
    }

    @Test
    void aCsvFolderThatCannotBeWrittenIsNamed() throws Exception {
        failsNamingTheOutput(dir.resolve("out/scored"));
    }

    @Test
    void aPredictionsFileThatCannotBeWrittenIsNamed() throws Exception {
        failsNamingTheOutput(dir.resolve("out/predictions.csv"));
    }

    private void failsNamingTheOutput(Path out) throws Exception {
        Path model = Files.copy(Path.of("workbooks/seed-2-3-2-2.xlsx"), dir.resolve("model.xlsx"));
        Path streams = Files.createTempDirectory("sheetnet-streams");
        Map<String, String> before = FolderSnapshot.of(dir);

        Process child = Cli.start(List.of(LIMIT), dir, streams.resolve("out.txt"), streams.resolve("err.txt"),
                "score", model.toString(), "--input", rows.toString(), "--out", out.toString(), "-q");

        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child ends");
        List<String> err = Files.readAllLines(streams.resolve("err.txt"));
        assertEquals(ExitCodes.OUTPUT, child.exitValue(), () -> "exit code; stderr: " + err);
        assertEquals(List.of("sheetnet: " + out + ": cannot be written: File too large"), err, "one line naming the output");
        assertEquals(before, FolderSnapshot.of(dir), "nothing left behind: no output, temporary or folder");
        for (String name : List.of("out.txt", "err.txt")) {
            Files.delete(streams.resolve(name));
        }
        Files.delete(streams);
    }
}
