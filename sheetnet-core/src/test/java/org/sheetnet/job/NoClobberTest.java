package org.sheetnet.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;
import org.sheetnet.testing.FolderSnapshot;

/**
 * Without --force, a file that someone creates at the output path while a score run works is never
 * replaced: the run fails naming it, and leaves nothing of its own behind. The file is created from
 * the run's progress callback, which is called after each batch, before the output is put in place.
 */
class NoClobberTest {

    @TempDir
    Path dir;

    @Test
    void aWorkbookCreatedDuringTheRunIsKept() throws IOException {
        strangerArrivesDuringTheRun(dir.resolve("scored.xlsx"));
    }

    @Test
    void aPredictionsFileCreatedDuringTheRunIsKept() throws IOException {
        strangerArrivesDuringTheRun(dir.resolve("predictions.csv"));
    }

    @Test
    void aCsvFileCreatedInTheOutputFolderDuringTheRunIsKept() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("scored"));
        Path model = Files.copy(Path.of("workbooks/seed-2-3-2-2.xlsx"), dir.resolve("model.xlsx"));
        Path stranger = folder.resolve("L2_act.csv");

        SheetnetException e = assertThrows(SheetnetException.class,
                () -> ScoreJob.run(options(model, folder), (rows, read) -> write(stranger)));

        assertEquals(SheetnetException.Problem.OUTPUT, e.problem(), "problem");
        assertTrue(e.getMessage().startsWith(stranger + ": was created by someone else while sheetnet ran"),
                e.getMessage());
        assertEquals(Map.of("", "folder", "L2_act.csv", FolderSnapshot.sha256("a stranger's file".getBytes())),
                FolderSnapshot.of(folder), "only the stranger's file: none of the run's files was put in place");
    }

    private void strangerArrivesDuringTheRun(Path target) throws IOException {
        Path model = Files.copy(Path.of("workbooks/seed-2-3-2-2.xlsx"), dir.resolve("model.xlsx"));

        SheetnetException e = assertThrows(SheetnetException.class,
                () -> ScoreJob.run(options(model, target), (rows, read) -> write(target)));

        assertEquals(SheetnetException.Problem.OUTPUT, e.problem(), "problem");
        assertTrue(e.getMessage().startsWith(target + ": was created by someone else while sheetnet ran"),
                e.getMessage());
        assertEquals("a stranger's file", Files.readString(target), "the stranger's file is intact");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("model.xlsx", target.getFileName().toString()),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary left");
        }
    }

    private static ScoreOptions options(Path model, Path out) {
        return new ScoreOptions(model, Optional.empty(), Optional.empty(), out, false, 1, false, 1e-6, 1, "test");
    }

    private static void write(Path stranger) {
        try {
            if (!Files.exists(stranger)) {
                Files.writeString(stranger, "a stranger's file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
