package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.TinyModel;

/**
 * CSV files that would make the parser hold hundreds of megabytes as one record (a quote that
 * never closes, a line without a break) are refused after {@code BoundedCsvReader.MAX_RECORD_CHARS}
 * characters, in a child JVM of 256 MB, with one line naming the file and the line where the
 * record started. The huge files are sparse (a run of NUL characters, which are valid UTF-8 text),
 * so they cost no disk and no time to make.
 */
class HostileCsvTest {

    private static final long GIGABYTE = 1L << 30;

    @TempDir
    Path dir;

    /** Writes {@code head}, then {@code nulBytes} NUL characters, without writing them (a sparse file). */
    private static Path sparse(Path file, String head, long nulBytes) throws IOException {
        byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.write(bytes);
            raf.setLength(bytes.length + nulBytes);
        }
        return file;
    }

    private Path outFolder() throws IOException {
        return Files.createDirectories(dir.resolve("out"));
    }

    private static void assertEmpty(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.toList(), "output folder after a refused run");
        }
    }

    private static void assertOneLine(Cli.Run run, String... parts) {
        List<String> lines = run.stderrLines();
        assertEquals(1, lines.size(), () -> "stderr lines: " + run.stderr());
        assertTrue(lines.get(0).startsWith("sheetnet: "), lines.get(0));
        for (String part : parts) {
            assertTrue(lines.get(0).contains(part), () -> "expected \"" + part + "\" in: " + lines.get(0));
        }
        assertTrue(run.millis() < 30_000, "refused promptly, not after " + run.millis() + " ms");
    }

    @Test
    void quoteThatNeverClosesIsRefusedNamingTheLineItOpened() throws Exception {
        Path model = TinyModel.write(dir.resolve("model.xlsx"), true, null);
        Path csv = sparse(dir.resolve("rows.csv"), "id,x1,x2\na,1,2\nb,\"", 400L << 20);
        long size = Files.size(csv);
        Path out = outFolder();
        Cli.Run run = Cli.child("score", model.toString(), "--input", csv.toString(),
                "--out", out.resolve("scored.xlsx").toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertOneLine(run, "rows.csv: line 3: a record longer than 4,000,000 characters",
                "the quote opened on line 3 never closes");
        assertEmpty(out);
        assertEquals(size, Files.size(csv), "rows.csv size, unchanged");
    }

    @Test
    void firstLineOfAGigabyteIsRefused() throws Exception {
        Path model = TinyModel.write(dir.resolve("model.xlsx"), true, null);
        Path csv = sparse(dir.resolve("rows.csv"), "id,x1,x2", GIGABYTE);
        Path out = outFolder();
        Cli.Run run = Cli.child("score", model.toString(), "--input", csv.toString(),
                "--out", out.resolve("scored.xlsx").toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertOneLine(run, "rows.csv: line 1: a record longer than 4,000,000 characters (no line break)");
        assertEmpty(out);
    }

    @Test
    void lineOfAGigabyteInAModelFolderIsRefused() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("model"));
        Files.writeString(folder.resolve("model.csv"), "layer,weights,bias,activation,alpha\n"
                + "output,W1.csv,b1.csv,linear,\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("b1.csv"), "y\n0.1\n", StandardCharsets.UTF_8);
        sparse(folder.resolve("W1.csv"), "y\r\n0.5\r\n\"", GIGABYTE);
        Path out = outFolder();
        Cli.Run run = Cli.child("import-csv", folder.toString(),
                "--out", out.resolve("model.xlsx").toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertOneLine(run, "W1.csv: line 3: a record longer than 4,000,000 characters",
                "the quote opened on line 3 never closes");
        assertEmpty(out);
    }
}
