package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.FolderSnapshot;

/**
 * {@code score --out FOLDER} creates or replaces only the CSV files it writes: the folder, the model in
 * it, the user's notes and subfolders survive, with or without {@code --force}, {@code --out .} included.
 */
class OutputFolderSafetyTest {

    /** The CSV files a score run of the seed model writes into a folder. */
    private static final List<String> WRITTEN = List.of("Audit.csv", "Inputs.csv", "L1_act.csv", "L1_pre.csv",
            "L2_act.csv", "L2_pre.csv", "L3_act.csv", "L3_pre.csv", "Predictions.csv");

    @TempDir
    Path dir;

    private Path work;
    private Path model;

    @BeforeEach
    void folderOfTheUser() throws IOException {
        work = Files.createDirectories(dir.resolve("work"));
        model = Files.copy(Path.of("workbooks/seed-2-3-2-2.xlsx"), work.resolve("model.xlsx"));
        Files.writeString(work.resolve("notes.txt"), "my notes\n");
        Files.createDirectories(work.resolve("sub"));
        Files.writeString(work.resolve("sub/keep.txt"), "keep me\n");
    }

    @Test
    void forceIntoAFolderReplacesOnlyTheFilesSheetnetWrites() throws IOException {
        Files.writeString(work.resolve("Predictions.csv"), "an earlier result\n");
        Map<String, String> before = FolderSnapshot.of(work);

        Cli.Run run = Cli.run("score", model.toString(), "--out", work.toString(), "--force", "-q");

        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertUserFilesKept(before, FolderSnapshot.of(work));
        assertNotEquals(before.get("Predictions.csv"), FolderSnapshot.of(work).get("Predictions.csv"),
                "Predictions.csv, written by sheetnet, was replaced");
    }

    @Test
    void forceIntoTheCurrentFolderReplacesOnlyTheFilesSheetnetWrites() throws Exception {
        Map<String, String> before = FolderSnapshot.of(work);
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");

        Process child = Cli.start(List.of(), work, stdout, stderr, "score", "model.xlsx", "--out", ".", "--force", "-q");

        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child run ends");
        assertEquals(ExitCodes.OK, child.exitValue(), Files.readString(stderr));
        assertUserFilesKept(before, FolderSnapshot.of(work));
    }

    @Test
    void withoutForceAFolderHoldingOtherFilesIsUsedAndTheyAreKept() throws IOException {
        Map<String, String> before = FolderSnapshot.of(work);

        Cli.Run run = Cli.run("score", model.toString(), "--out", work.toString(), "-q");

        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertUserFilesKept(before, FolderSnapshot.of(work));
    }

    @Test
    void withoutForceAnExistingOutputFileInTheFolderIsRefusedAndNothingIsWritten() throws IOException {
        Files.writeString(work.resolve("L2_pre.csv"), "an earlier result\n");
        Map<String, String> before = FolderSnapshot.of(dir);

        Cli.Run run = Cli.run("score", model.toString(), "--out", work.toString(), "-q");

        assertEquals(ExitCodes.OUTPUT, run.exit(), run.stderr());
        assertEquals(List.of("sheetnet: " + work.resolve("L2_pre.csv")
                + ": already exists; give --force to replace it, or another --out"), run.stderrLines(), "the message");
        assertEquals(before, FolderSnapshot.of(dir), "nothing changed, no temporary left");
    }

    @Test
    void aFileWhereTheFolderWouldBeIsRefused() throws IOException {
        Path notAFolder = work.resolve("results");
        Files.writeString(notAFolder, "a file without extension\n");
        Map<String, String> before = FolderSnapshot.of(dir);

        Cli.Run run = Cli.run("score", model.toString(), "--out", notAFolder.toString(), "--force", "-q");

        assertEquals(ExitCodes.OUTPUT, run.exit(), run.stderr());
        assertEquals(1, run.stderrLines().size(), run.stderr());
        assertTrue(run.stderr().contains(notAFolder + ": is a file, not a folder"), run.stderr());
        assertEquals(before, FolderSnapshot.of(dir), "nothing changed");
    }

    @Test
    void aFailedRunRemovesTheFolderItMadeAndLeavesNoTemporary() throws IOException {
        Path csv = work.resolve("rows.csv");
        Files.writeString(csv, "x1,x2\n1,2\n3,n/a\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("new/deeper/scored");
        Map<String, String> before = FolderSnapshot.of(dir);

        Cli.Run run = Cli.run("score", model.toString(), "--input", csv.toString(), "--out", out.toString(), "-q");

        assertEquals(ExitCodes.INPUT, run.exit(), run.stderr());
        assertEquals(before, FolderSnapshot.of(dir), "the folders sheetnet made are gone, nothing else changed");
    }

    /** Every entry of {@code before} is unchanged (but sheetnet's own files), and only sheetnet's files were added. */
    private static void assertUserFilesKept(Map<String, String> before, Map<String, String> after) {
        Map<String, String> kept = new TreeMap<>(after);
        Map<String, String> expected = new TreeMap<>(before);
        WRITTEN.forEach(name -> {
            assertTrue(kept.containsKey(name), name + " written");
            kept.remove(name);
            expected.remove(name);
        });
        assertEquals(expected, kept, "the model, notes.txt and sub/ are as they were; nothing else was added");
        assertFalse(after.keySet().stream().anyMatch(n -> n.startsWith(".")), "no hidden temporary left: " + after);
    }
}
