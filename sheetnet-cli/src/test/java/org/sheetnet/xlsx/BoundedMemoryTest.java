package org.sheetnet.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sheetnet.testing.Cli.assertContains;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.FolderSnapshot;
import org.sheetnet.testing.HandXlsx;

/**
 * Files whose unpacked size or cell count would exhaust memory, run in a child JVM with
 * {@code -Xmx256m}: each must end promptly with its exit code and one line, never OutOfMemoryError.
 */
class BoundedMemoryTest {

    private static final String HEAP = "-Xmx256m";
    private static final long GIGABYTE = 1L << 30;
    /** Generous: a refusal takes a second or two; this only catches reading everything first. */
    private static final long TIMEOUT_SECONDS = 120;

    @TempDir
    Path dir;

    private Path in;
    private Path out;

    @BeforeEach
    void folders() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        out = Files.createDirectories(dir.resolve("out")).resolve("scored.xlsx");
    }

    private Cli.Run child(String... args) throws IOException, InterruptedException {
        Map<String, String> before = FolderSnapshot.of(dir);
        Cli.Run run = Cli.child(List.of(HEAP, Cli.SERIAL_GC), TIMEOUT_SECONDS, args);
        FolderSnapshot.assertUnchanged(before, dir, "after " + String.join(" ", args));
        return run;
    }

    // Writes `total` bytes of `unit` repeated, between `head` and `tail`.
    private static HandXlsx.PartWriter repeated(String head, String unit, long total, String tail) {
        return o -> {
            o.write(head.getBytes(StandardCharsets.UTF_8));
            byte[] block = unit.repeat(Math.max(1, (1 << 16) / unit.length())).getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n < total; n += block.length) {
                o.write(block);
            }
            o.write(tail.getBytes(StandardCharsets.UTF_8));
        };
    }

    @Test
    void aGigabyteCommentInAnInputSheetIsRefusedPromptly() throws Exception {
        Path model = HandXlsx.smallModel(Map.of()).write(in.resolve("model.xlsx"));
        Path data = new HandXlsx().sheet("Data", repeated(HandXlsx.HEAD + "<sheetData><!--", "a<b>c&d ", GIGABYTE,
                "--></sheetData></worksheet>")).write(in.resolve("data.xlsx"));
        Cli.Run run = child("score", model.toString(), "--input", data.toString(), "--out", out.toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertEquals("data.xlsx: xl/worksheets/sheet1.xml holds a text, tag or comment longer than 1 MiB; a cell holds"
                + " at most 32,767 characters, so sheetnet refuses it", run.oneLine(), "message");
    }

    @Test
    void aGigabyteInlineStringInAWeightsSheetIsRefusedPromptly() throws Exception {
        String before = "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>";
        Path file = new HandXlsx().sheetXml("Model", HandXlsx.sheetXml(HandXlsx.MODEL))
                .sheet("W1", repeated(HandXlsx.HEAD + before, "0123456789", GIGABYTE, "</t></is></c></row></sheetData>"
                        + "</worksheet>"))
                .sheet("b1", HandXlsx.B1).write(in.resolve("model.xlsx"));
        Cli.Run run = child("check", file.toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertContains(run.oneLine(), "model.xlsx: xl/worksheets/sheet2.xml holds a text, tag or comment longer than 1 MiB");
    }

    @Test
    void aDecoySheetOfThreeMillionCellsIsNeverParsed() throws Exception {
        // Malformed at its end, too: parsing it at all would fail the run.
        HandXlsx x = HandXlsx.smallModel(Map.of()).sheet("Decoy", o -> {
            o.write((HandXlsx.HEAD + "<sheetData>").getBytes(StandardCharsets.UTF_8));
            for (int r = 0; r < 30_000; r++) {
                StringBuilder row = new StringBuilder("<row r=\"").append(r + 1).append("\">");
                for (int c = 0; c < 100; c++) {
                    row.append(HandXlsx.cell(new CellRef(r, c), (double) c));
                }
                o.write(row.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
            }
            o.write("<!DOCTYPE".getBytes(StandardCharsets.UTF_8));
        });
        Path model = x.write(in.resolve("model.xlsx"));
        assertTrue(Files.size(model) < 64L << 20, "the decoy is small zipped: " + Files.size(model));
        Cli.Run check = child("check", model.toString());
        assertEquals(ExitCodes.OK, check.exit(), check.stderr());
        assertEquals("", check.stderr(), "stderr of check");
        Cli.Run score = Cli.child(List.of(HEAP, Cli.SERIAL_GC), TIMEOUT_SECONDS, "score", model.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, score.exit(), score.stderr());
        assertTrue(Files.exists(out), "the output was written");
    }

    @Test
    void aWeightsSheetWithAStrayCornerCellIsRefusedInASmallHeap() throws Exception {
        String w1 = HandXlsx.sheetXml(HandXlsx.W1).replace("</sheetData>",
                "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row></sheetData>");
        Path model = HandXlsx.smallModel(Map.of("W1", w1)).write(in.resolve("model.xlsx"));
        Cli.Run run = child("check", model.toString());
        assertEquals(ExitCodes.MODEL, run.exit(), run.stderr());
        assertContains(run.oneLine(), "model.xlsx: 'W1'!A1:XFD1048576 reaches to XFD1048576, but 'W1'!C1 inside it is empty");
    }

    @Test
    void aNamedSheetOfMoreCellsThanTheHeapHoldsIsRefusedSayingHowToRaiseIt() throws Exception {
        // 2.1 million numbers: more than a 256 MB heap's budget for model cells.
        HandXlsx x = new HandXlsx().sheetXml("Model", HandXlsx.sheetXml(HandXlsx.MODEL)).sheet("W1", o -> {
            o.write((HandXlsx.HEAD + "<sheetData>").getBytes(StandardCharsets.UTF_8));
            for (int r = 0; r < 2_100; r++) {
                StringBuilder row = new StringBuilder("<row>");
                for (int c = 0; c < 1_000; c++) {
                    row.append("<c><v>1</v></c>");
                }
                o.write(row.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
            }
            o.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }).sheet("b1", HandXlsx.B1);
        Path model = x.write(in.resolve("model.xlsx"));
        Cli.Run run = child("check", model.toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertContains(run.oneLine(), "model.xlsx: the sheets read hold more than", "(sheet \"W1\" passes the limit)",
                "give Java more memory, e.g. JAVA_OPTS=-Xmx");
    }

    @Test
    void hugeSharedStringsAreRefusedWhenFirstNeeded() throws Exception {
        // The Inputs header's first cell is shared string 0; 40 MB of strings follow it.
        String inputs = HandXlsx.sheetXml(HandXlsx.INPUTS).replaceFirst("t=\"inlineStr\"><is><t>x1</t></is>",
                "t=\"s\"><v>0</v>");
        Path model = HandXlsx.smallModel(Map.of("Inputs", inputs)).part("xl/sharedStrings.xml",
                repeated("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>x1</t></si>",
                        "<si><t>" + "s".repeat(990) + "</t></si>", 40L << 20, "</sst>")).write(in.resolve("model.xlsx"));
        Cli.Run run = child("score", model.toString(), "--out", out.toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertContains(run.oneLine(), "model.xlsx: xl/sharedStrings.xml holds more than", "characters; sheetnet refuses it");
    }

    @Test
    void verifyRefusesAWorkbookLargerThanItsHeapCanHoldBeforePoiSeesIt() throws Exception {
        Path model = HandXlsx.smallModel(Map.of()).sheet("Notes", repeated(HandXlsx.HEAD + "<sheetData>",
                "<row><c><v>1</v></c></row>", 64L << 20, "</sheetData></worksheet>")).write(in.resolve("model.xlsx"));
        Cli.Run run = child("verify", model.toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertContains(run.oneLine(), "model.xlsx: xl/worksheets/sheet5.xml unpacks to more than");
    }
}
