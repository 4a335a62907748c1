package org.sheetnet.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;

/**
 * The publishing primitive: without --force a file that appears at the output meanwhile is never
 * replaced (and of two runs writing the same output one fails); with --force the output is
 * replaced in one step; temporaries are registered for the shutdown hook until committed or discarded.
 */
class SafeOutputFileTest {

    @TempDir
    Path dir;

    @Test
    void aFileCreatedMeanwhileIsKeptAndNamed() throws IOException {
        Path target = dir.resolve("scored.xlsx");
        SafeOutputFile out = new SafeOutputFile(target, false);
        Files.writeString(out.temporary(), "sheetnet's output");
        Files.writeString(target, "a stranger's file");

        SheetnetException e = assertThrows(SheetnetException.class, out::commit);

        assertEquals(SheetnetException.Problem.OUTPUT, e.problem(), "problem");
        assertTrue(e.getMessage().startsWith(target + ": was created by someone else while sheetnet ran"),
                e.getMessage());
        assertEquals("a stranger's file", Files.readString(target), "the stranger's file is intact");
        assertEquals(List.of("scored.xlsx"), names(), "no temporary left");
    }

    @Test
    void ofTwoRunsWritingTheSameOutputTheSecondFails() throws IOException {
        Path target = dir.resolve("scored.xlsx");
        SafeOutputFile first = new SafeOutputFile(target, false);
        SafeOutputFile second = new SafeOutputFile(target, false);
        Files.writeString(first.temporary(), "first");
        Files.writeString(second.temporary(), "second");

        first.commit();
        SheetnetException e = assertThrows(SheetnetException.class, second::commit);

        assertTrue(e.getMessage().contains("was created by someone else"), e.getMessage());
        assertEquals("first", Files.readString(target), "the first run's output stands");
        assertEquals(List.of("scored.xlsx"), names(), "no temporary left");
    }

    @Test
    void withForceTheOutputIsReplaced() throws IOException {
        Path target = Files.writeString(dir.resolve("scored.xlsx"), "earlier");
        SafeOutputFile out = new SafeOutputFile(target, true);
        Files.writeString(out.temporary(), "new");

        out.commit();

        assertEquals("new", Files.readString(target), "replaced");
        assertEquals(List.of("scored.xlsx"), names(), "no temporary left");
    }

    @Test
    void aGroupIsPublishedWholeOrNotAtAll() throws IOException {
        OutputFolder folder = OutputFolder.open(dir.resolve("csv"), OutputPolicy.of(false));
        SafeOutputFile a = folder.file("a.csv");
        SafeOutputFile b = folder.file("b.csv");
        Files.writeString(a.temporary(), "a");
        Files.writeString(b.temporary(), "b");
        Files.writeString(dir.resolve("csv/b.csv"), "a stranger's b");

        assertThrows(SheetnetException.class, folder::commit);

        assertFalse(Files.exists(dir.resolve("csv/a.csv")), "a.csv, published first, was taken back");
        assertEquals("a stranger's b", Files.readString(dir.resolve("csv/b.csv")), "the stranger's file is intact");
        try (Stream<Path> files = Files.list(dir.resolve("csv"))) {
            assertEquals(List.of("b.csv"), files.map(p -> p.getFileName().toString()).toList(), "no temporary left");
        }
    }

    @Test
    void aTemporaryIsRegisteredUntilCommitted() throws IOException {
        SafeOutputFile out = new SafeOutputFile(dir.resolve("scored.xlsx"), false);
        Path scratch = out.scratchFolder();
        assertTrue(Temporaries.isLive(out.temporary()), "temporary registered for the shutdown hook");
        assertTrue(Temporaries.isLive(scratch), "scratch folder registered for the shutdown hook");

        out.commit();

        assertFalse(Temporaries.isLive(out.temporary()), "temporary forgotten after commit");
        assertFalse(Temporaries.isLive(scratch), "scratch folder forgotten after commit");
        assertEquals(List.of("scored.xlsx"), names(), "only the output");
    }

    @Test
    void aDiscardedTemporaryIsGoneWithTheFoldersMadeForIt() throws IOException {
        SafeOutputFile out = new SafeOutputFile(dir.resolve("new/deeper/scored.xlsx"), false);
        Files.writeString(out.scratchFolder().resolve("sheet0.xml"), "partial");
        Files.writeString(out.temporary(), "partial");

        out.discard();

        assertFalse(Temporaries.isLive(out.temporary()), "temporary forgotten");
        assertEquals(List.of(), names(), "nothing left, not even the folders made for the output");
    }

    @Test
    void aSymbolicLinkPutInPlaceOfTheTemporaryIsNotFollowed() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "someone else's file");
        SafeOutputFile out = new SafeOutputFile(dir.resolve("scored.xlsx"), false);
        Files.delete(out.temporary());
        Files.createSymbolicLink(out.temporary(), victim);

        assertThrows(IOException.class, out::open, "opening through the link");

        assertEquals("someone else's file", Files.readString(victim), "the link's target is intact");
        out.discard();
        assertEquals(List.of("victim.txt"), names(), "the link is removed with the temporary");
    }

    @Test
    void temporariesAreNamedForTheirProcess() {
        SafeOutputFile out = new SafeOutputFile(dir.resolve("scored.xlsx"), false);
        String expected = ".scored.xlsx.sheetnet-" + ProcessHandle.current().pid() + ".part";
        assertEquals(expected, out.temporary().getFileName().toString(), "temporary's name");
        assertEquals(ProcessHandle.current().pid(), Leftovers.processOf(out.temporary()).orElseThrow(), "its pid");
        out.discard();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
