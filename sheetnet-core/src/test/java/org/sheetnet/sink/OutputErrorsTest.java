package org.sheetnet.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheetnet.SheetnetException;

/** A failed write is reported as the output's name and the system's reason, whichever thread met it. */
class OutputErrorsTest {

    private static final FileSystemException FULL =
            new FileSystemException("/data/.scored.xlsx.sheetnet-42.scratch/sheet3.xml.deflate", null,
                    "No space left on device");

    @Test
    void theReasonWithoutTheTemporarysName() {
        SheetnetException e = OutputErrors.cannotWrite("scored.xlsx", new UncheckedIOException(FULL));
        assertEquals(SheetnetException.Problem.OUTPUT, e.problem(), "problem");
        assertEquals("scored.xlsx: cannot be written: No space left on device", e.getMessage(), "message");
    }

    @Test
    void aSheetTaskOnAnotherThreadThatCannotWrite() {
        try (SheetTasks tasks = new SheetTasks(2, "scored.xlsx")) {
            Runnable full = () -> {
                throw new UncheckedIOException(FULL);
            };
            SheetnetException e = assertThrows(SheetnetException.class, () -> {
                tasks.submitAll(List.of(() -> { }, full));
                tasks.awaitAll();
            });
            assertEquals("scored.xlsx: cannot be written: No space left on device", e.getMessage(), "message");
        }
    }

    @Test
    void aSheetTaskOnTheCallersThreadThatCannotWrite() {
        try (SheetTasks tasks = new SheetTasks(1, "out/")) {
            SheetnetException e = assertThrows(SheetnetException.class, () -> {
                tasks.submitAll(List.of(() -> {
                    throw new UncheckedIOException(FULL);
                }));
                tasks.awaitAll();
            });
            assertEquals("out/: cannot be written: No space left on device", e.getMessage(), "message");
        }
    }
}
