package org.sheetnet.format.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.testing.Cli;

/**
 * Legacy Keras HDF5 files whose object headers were damaged so that they claim a buffer of up to
 * 2 GB: jHDF allocated that buffer before reading from the file, and the import died of an
 * OutOfMemoryError at {@code -Xmx256m} (exit 8; fuzz case seed 10717). Each must be refused with one
 * line naming the file (exit FILE), in a child JVM with that small heap, leaving no output and the
 * input unchanged. The damaged files are made here from the fixture {@code legacy_normalized.h5}.
 */
class DamagedHdf5HeaderTest {

    /** The root group's object header (version 1) in legacy_normalized.h5: its header size is at +8. */
    private static final int ROOT_HEADER = 96;

    @TempDir
    Path dir;

    private static byte[] fixture() throws IOException {
        return Files.readAllBytes(KerasFixtures.resource("legacy_normalized.h5"));
    }

    /** Imports the file in a child JVM at -Xmx256m; it must fail with exactly one line, naming the file. */
    private void assertRefused(Path model) throws Exception {
        byte[] before = Files.readAllBytes(model);
        Path out = dir.resolve("imported.xlsx");
        Cli.Run run = Cli.child(List.of(Cli.SMALL_HEAP, Cli.SERIAL_GC), 120, "import-keras", model.toString(),
                "--out", out.toString());
        assertEquals(ExitCodes.FILE, run.exit(), "exit code; stderr: " + run.stderr());
        List<String> lines = run.stderrLines();
        assertEquals(1, lines.size(), "one line on stderr: " + run.stderr());
        String name = model.getFileName().toString();
        assertTrue(lines.get(0).startsWith("sheetnet: " + name + ": the model's attributes cannot be read;"
                + " is the HDF5 file truncated or corrupt?"), "the line names the file and the read: " + lines.get(0));
        assertFalse(Files.exists(out), "no output left behind");
        assertArrayEquals(before, Files.readAllBytes(model), "the input is unchanged");
    }

    @Test
    void theFuzzersCaseBytes129To167DeletedIsRefusedUnderASmallHeap() throws Exception {
        byte[] whole = fixture();
        // The harness's "bytes 129..167 deleted": from 129 up to, not including, 167.
        ByteBuffer damaged = ByteBuffer.allocate(whole.length - (167 - 129));
        damaged.put(whole, 0, 129).put(whole, 167, whole.length - 167);
        assertRefused(Files.write(dir.resolve("damaged.h5"), damaged.array()));
    }

    @Test
    void aRootObjectHeaderClaimingTwoGigabytesIsRefusedUnderASmallHeap() throws Exception {
        byte[] bytes = fixture();
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, header.get(ROOT_HEADER), "the fixture's root object header is version 1");
        assertEquals(24, header.getInt(ROOT_HEADER + 8), "the fixture's root object header size");
        header.putInt(ROOT_HEADER + 8, Integer.MAX_VALUE - 64);
        assertRefused(Files.write(dir.resolve("claims-2gb.h5"), bytes));
    }
}
