package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.TinyModel;

/**
 * Whatever goes wrong, sheetnet prints one line starting with {@code sheetnet: } and nothing else:
 * no library log line, no help text after a wrong option, no message of several lines (POI's zip
 * bomb refusal has five), and one line with its own exit code when the heap runs out.
 */
class OneLineMessagesTest {

    @TempDir
    Path dir;

    private Path model() throws IOException {
        return TinyModel.write(dir.resolve("model.xlsx"), true,
                List.of(TinyModel.row("id", "x1", "x2"), TinyModel.row("a", 1.0, 2.0)));
    }

    /** A copy of an .xlsx with one part's bytes changed. */
    private Path rewrite(Path xlsx, String part, java.util.function.UnaryOperator<byte[]> change, String name)
            throws IOException {
        Path copy = dir.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(xlsx));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(part) ? change.apply(bytes) : bytes);
                out.closeEntry();
            }
        }
        return copy;
    }

    private static void assertOneLine(Cli.Run run, String what) {
        List<String> lines = run.stderr().lines().toList();
        assertEquals(1, lines.size(), what + ": stderr was\n" + run.stderr());
        assertTrue(lines.get(0).startsWith("sheetnet: "), what + ": " + lines.get(0));
    }

    @Test
    void everyFailurePrintsExactlyOneLine() throws IOException {
        Path model = model();
        Path out = dir.resolve("out.xlsx");
        // The Model sheet followed by 20 MB of blanks: deflated 1000 to 1, which POI refuses as a zip bomb.
        Path bomb = rewrite(model, "xl/worksheets/sheet1.xml", b -> {
            byte[] padded = java.util.Arrays.copyOf(b, b.length + (20 << 20));
            java.util.Arrays.fill(padded, b.length, padded.length, (byte) ' ');
            return padded;
        }, "bomb.xlsx");
        Path notKeras = Files.writeString(dir.resolve("model.keras"), "PK\u0003\u0004 truncated", StandardCharsets.ISO_8859_1);
        List<String[]> failures = List.of(
                new String[] {"score", model.toString(), "--bogus"},
                new String[] {"score", model.toString(), "--batch-size", "0", "--out", out.toString()},
                new String[] {"score", dir.resolve("missing.xlsx").toString(), "--out", out.toString()},
                new String[] {"score", bomb.toString(), "--out", out.toString()},
                new String[] {"check", bomb.toString()},
                new String[] {"import-keras", notKeras.toString(), "--out", out.toString()},
                new String[] {"nonsense"});
        for (String[] args : failures) {
            String what = "sheetnet " + String.join(" ", args);
            Cli.Run run = Cli.run(args);
            assertNotEquals(ExitCodes.OK, run.exit(), what);
            assertNotEquals(ExitCodes.INTERNAL, run.exit(), what + ": " + run.stderr());
            assertOneLine(run, what);
            assertEquals("", run.stdout(), what + ": stdout");
        }
    }

    @Test
    void poiLogsNothingEvenWhenItComplains() throws Exception {
        // POI logs "FATAL XMLHelper … DOCTYPE is disallowed" with a stack trace for this core.xml, then carries on.
        Path model = rewrite(model(), "docProps/core.xml", b -> new String(b, StandardCharsets.UTF_8)
                .replaceFirst("\\?>", "?><!DOCTYPE x [<!ENTITY a \"b\">]>").getBytes(StandardCharsets.UTF_8),
                "doctype-core.xlsx");
        Path out = dir.resolve("out.xlsx");
        Cli.Run run = Cli.child("score", model.toString(), "--out", out.toString());
        String what = "score of a workbook whose core.xml has a DOCTYPE (exit " + run.exit() + ")";
        if (run.exit() == ExitCodes.OK) {
            assertEquals("", run.stderr(), what + ": stderr");
        } else {
            assertOneLine(run, what);
            assertNotEquals(ExitCodes.INTERNAL, run.exit(), what);
        }
    }

    @Test
    void runningOutOfMemoryIsOneLineWithItsOwnCode() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(TinyModel.row("id", "x1", "x2"));
        for (int r = 0; r < 20_000; r++) {
            rows.add(TinyModel.row("case " + r, r * 0.5, r * 0.25));
        }
        Path model = TinyModel.write(dir.resolve("big.xlsx"), true, rows);
        Path out = dir.resolve("out.xlsx");
        Cli.Run run = Cli.child(List.of("-Xmx8m"), Cli.TIMEOUT_SECONDS, "score", model.toString(), "--out",
                out.toString());
        assertEquals(ExitCodes.MEMORY, run.exit(), run.stderr());
        assertEquals(List.of("sheetnet: out of memory (a heap of 8 MB) running \"score " + model + " --out " + out
                + "\"; raise it, e.g. JAVA_OPTS=-Xmx1g, or give large inputs as CSV, which is read a batch at a time"),
                run.stderr().lines().toList(), "stderr");
        assertTrue(!Files.exists(out), "no output");
    }

    @Test
    void theHeapIsGroupedInThousandsAsTheFormatterGroupsIt() {
        // Messages.grouped stands in for %,d so that the out-of-memory message needs no formatter.
        for (long n : new long[] {0, 7, 999, 1000, 8191, 65_536, 1_000_000, 123_456_789_012L, -1234, Long.MAX_VALUE}) {
            assertEquals(String.format(java.util.Locale.ROOT, "%,d", n), Messages.grouped(n), "n = " + n);
        }
    }

    @Test
    void aMessageOfSeveralLinesIsJoined() {
        assertEquals("Zip bomb detected! The file would exceed the max. ratio. This may indicate a risk. Limits: 0.01",
                Messages.oneLine("Zip bomb detected! The file would exceed the max. ratio.\nThis may indicate a risk.\r\n"
                        + "  Limits:   0.01\n"), "joined");
    }
}
