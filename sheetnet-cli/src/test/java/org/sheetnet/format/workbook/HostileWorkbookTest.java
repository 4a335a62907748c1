package org.sheetnet.format.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sheetnet.testing.Cli.assertContains;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.FolderSnapshot;
import org.sheetnet.testing.HandXlsx;
import org.sheetnet.testing.Sheets;

/**
 * Model workbooks (and input workbooks) built by hand to break the reader, through the command
 * line: each run ends with its exit code and one line naming the file, sheet and cell, writes
 * nothing, and changes no input. The memory-bound cases run in a small heap in {@code BoundedMemoryTest}.
 */
class HostileWorkbookTest {

    @TempDir
    Path dir;

    private Path in;
    private Path out;

    @BeforeEach
    void folders() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        out = Files.createDirectories(dir.resolve("out")).resolve("scored.xlsx");
    }

    private static String sheet(String rows) {
        return HandXlsx.HEAD + "<sheetData>" + rows + "</sheetData></worksheet>";
    }

    private Path model(Map<String, String> replace) throws IOException {
        return HandXlsx.smallModel(replace).write(in.resolve("model.xlsx"));
    }

    /** Runs a command that must be refused; returns its one line (without "sheetnet: "). */
    private String refused(int code, String... args) throws IOException {
        Map<String, String> before = FolderSnapshot.of(dir);
        Cli.Run run = Cli.run(args);
        assertEquals(code, run.exit(), () -> "exit code of " + String.join(" ", args) + "; stderr: " + run.stderr());
        String message = run.oneLine();
        FolderSnapshot.assertUnchanged(before, dir, "after the refused run: " + message);
        assertTrue(run.millis() < 20_000, () -> "refused after " + run.millis() + " ms");
        return message;
    }

    private String scoreRefused(int code, Path model, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("score", model.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return refused(code, args.toArray(String[]::new));
    }

    @Test
    void theSmallModelScoresAndVerifiesSilently() throws IOException {
        Cli.Run score = Cli.run("score", model(Map.of()).toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, score.exit(), score.stderr());
        try (var wb = Sheets.open(out)) {
            assertEquals(1.1, wb.getSheet("Predictions").getRow(1).getCell(0).getNumericCellValue(), 1e-12, "Predictions!A2");
            assertEquals(2.6, wb.getSheet("Predictions").getRow(2).getCell(0).getNumericCellValue(), 1e-12, "Predictions!A3");
        }
        Cli.Run verify = Cli.run("verify", out.toString());
        assertEquals(ExitCodes.OK, verify.exit(), verify.stderr());
        assertEquals("", verify.stderr(), "verify prints nothing on stderr (POI's log included)");
    }

    @Test
    void bytesThatAreNotTheirEncodingAreRefusedInOneLineAndTheParserPrintsNothing() throws IOException {
        // 0xFF never occurs in UTF-8; the JDK's parser, left to decode, printed "[Fatal Error] …" on stderr.
        byte[] head = (HandXlsx.HEAD + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "</t></is></c></row></sheetData></worksheet>".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path model = HandXlsx.smallModel(Map.of()).sheet("Notes", o -> {
            o.write(head);
            o.write(0xFF);
            o.write(tail);
        }).write(in.resolve("model.xlsx"));
        String message = scoreRefused(ExitCodes.FILE, model, "--input-sheet", "Notes");
        assertContains(message, "model.xlsx: xl/worksheets/sheet5.xml");
    }

    @Test
    void aPartDeclaringAnEncodingNoWorkbookUsesIsRefused() throws IOException {
        String w1 = HandXlsx.sheetXml(HandXlsx.W1).replace("encoding=\"UTF-8\"", "encoding=\"EBCDIC-CP-US\"");
        String message = scoreRefused(ExitCodes.FILE, model(Map.of("W1", w1)));
        assertContains(message, "model.xlsx: xl/worksheets/sheet2.xml", "EBCDIC-CP-US");
    }

    @Test
    void aPartInUtf16WithItsMarkReadsAsInUtf8() throws IOException {
        String w1 = HandXlsx.sheetXml(HandXlsx.W1).replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        Path model = HandXlsx.smallModel(Map.of()).part(HandXlsx.sheetPart(2), o -> {
            o.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
            o.write(w1.getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        }).write(in.resolve("model.xlsx"));
        Cli.Run run = Cli.run("score", model.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        try (var wb = Sheets.open(out)) {
            assertEquals(1.1, wb.getSheet("Predictions").getRow(1).getCell(0).getNumericCellValue(), 1e-12,
                    "Predictions!A2 = 0.5·1 + 0.25·2 + 0.1");
        }
    }

    @Test
    void aStrayNumberAtXfd1048576InAWeightsSheetIsRefusedNamingTheFirstEmptyCell() throws IOException {
        String w1 = sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>input</t></is></c><c r=\"B1\" t=\"inlineStr\">"
                + "<is><t>y</t></is></c></row><row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>x1</t></is></c><c r=\"B2\">"
                + "<v>0.5</v></c></row><row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>x2</t></is></c><c r=\"B3\"><v>0.25</v>"
                + "</c></row><row r=\"1048576\"><c r=\"XFD1048576\"><v>7</v></c></row>");
        String message = scoreRefused(ExitCodes.MODEL, model(Map.of("W1", w1)));
        assertEquals("model.xlsx: 'W1'!A1:XFD1048576 reaches to XFD1048576, but 'W1'!C1 inside it is empty; a block holds"
                + " numbers only (delete any stray cell near XFD1048576, or name the block's range in the Model sheet)",
                message, "message");
    }

    @Test
    void aRangeToXfd1048576WithACellInThatCornerIsRefusedPromptly() throws IOException {
        String params = sheet("<row r=\"1\"><c r=\"A1\"><v>0.5</v></c></row><row r=\"2\"><c r=\"A2\"><v>0.25</v></c></row>"
                + "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>");
        String modelSheet = HandXlsx.sheetXml(new Object[][] {{"layer", "weights", "bias", "activation"},
            {"out", "W1!A1:XFD1048576", "b1", "linear"}});
        String message = scoreRefused(ExitCodes.MODEL, model(Map.of("Model", modelSheet, "W1", params)));
        assertContains(message, "model.xlsx: 'W1'!A1:XFD1048576 reaches to XFD1048576, but 'W1'!B1 inside it is empty");
    }

    @Test
    void nanOrInfinityInAWeightsCellIsRefusedNamingThatCell() throws IOException {
        for (String bad : List.of("NaN", "-Infinity")) {
            String w1 = HandXlsx.sheetXml(HandXlsx.W1).replace("<v>0.5</v>", "<v>" + bad + "</v>");
            String message = scoreRefused(ExitCodes.MODEL, model(Map.of("W1", w1)));
            assertEquals("model.xlsx: 'W1'!B2 holds \"" + bad + "\", which is not a finite number; a workbook cannot hold it",
                    message, "message for " + bad);
            Files.delete(in.resolve("model.xlsx"));
        }
    }

    @Test
    void aFormulaWithoutItsValueIsRefusedInWeightsInputsAndStreamedInputs() throws IOException {
        String w1 = HandXlsx.sheetXml(HandXlsx.W1).replace("<v>0.5</v>", "<f>0.01*2</f>");
        String inModel = scoreRefused(ExitCodes.MODEL, model(Map.of("W1", w1)));
        assertContains(inModel, "model.xlsx: 'W1'!B2 holds the formula =0.01*2 but no calculated value",
                "open the workbook in Excel or LibreOffice and save it");
        Files.delete(in.resolve("model.xlsx"));

        String inputs = HandXlsx.sheetXml(HandXlsx.INPUTS).replace("<v>3.0</v>", "<f>50+10</f>");
        String inInputs = scoreRefused(ExitCodes.INPUT, model(Map.of("Inputs", inputs)));
        assertContains(inInputs, "model.xlsx: Inputs!A3 holds the formula =50+10 but no calculated value");

        Path data = new HandXlsx().sheetXml("Data", inputs).write(in.resolve("data.xlsx"));
        String streamed = scoreRefused(ExitCodes.INPUT, in.resolve("model.xlsx"), "--input", data.toString());
        assertContains(streamed, "data.xlsx: Data!A3 holds the formula =50+10 but no calculated value");
    }

    @Test
    void aRepeatedCellReferenceIsRefusedInsteadOfShiftingValues() throws IOException {
        String inputs = sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x1</t></is></c><c r=\"B1\" t=\"inlineStr\">"
                + "<is><t>x2</t></is></c></row><row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"A2\"><v>9</v></c>"
                + "<c r=\"B2\"><v>2</v></c></row>");
        Path data = new HandXlsx().sheetXml("Data", inputs).write(in.resolve("data.xlsx"));
        String message = scoreRefused(ExitCodes.FILE, model(Map.of()), "--input", data.toString());
        assertEquals("data.xlsx: xl/worksheets/sheet1.xml (sheet Data) is damaged: cell A2 appears twice in row 2 or out"
                + " of order", message, "message");
    }

    @Test
    void anEntryEditedAfterTheFactIsRefusedAsModelInputAndUnderVerify() throws IOException {
        Path model = HandXlsx.smallModel(Map.of()).stored().write(in.resolve("model.xlsx"));
        HandXlsx.editInPlace(model, "<v>0.25</v>", "<v>0.75</v>");
        assertEquals("model.xlsx: xl/worksheets/sheet2.xml is damaged (checksum mismatch)",
                refused(ExitCodes.FILE, "check", model.toString()), "check");
        assertEquals("model.xlsx: xl/worksheets/sheet2.xml is damaged (checksum mismatch)",
                refused(ExitCodes.FILE, "verify", model.toString()), "verify");

        Path data = new HandXlsx().sheet("Data", HandXlsx.INPUTS).stored().write(in.resolve("data.xlsx"));
        HandXlsx.editInPlace(data, "<v>3.0</v>", "<v>9.0</v>");
        Path good = HandXlsx.smallModel(Map.of()).write(in.resolve("good.xlsx"));
        assertEquals("data.xlsx: xl/worksheets/sheet1.xml is damaged (checksum mismatch)",
                scoreRefused(ExitCodes.FILE, good, "--input", data.toString()), "score --input");
    }

    @Test
    void verifyRefusesADoctypeInAnyXmlEntryWhateverItsName() throws IOException {
        Path model = HandXlsx.smallModel(Map.of()).part("xl/media/notes.bin", HandXlsx.withDoctype(
                "<?xml version=\"1.0\"?><x/>", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"))
                .write(in.resolve("model.xlsx"));
        assertEquals("model.xlsx: xl/media/notes.bin holds a DOCTYPE; sheetnet refuses DTDs in workbooks (they can read"
                + " local files or reach the network)", refused(ExitCodes.FILE, "verify", model.toString()), "message");
    }

    @Test
    void aModelMissingASheetPartIsTruncatedNotAMissingSheet() throws IOException {
        HandXlsx x = HandXlsx.smallModel(Map.of());
        Path whole = x.write(dir.resolve("whole.xlsx"));
        Path cut = in.resolve("model.xlsx");
        try (var zin = new java.util.zip.ZipInputStream(Files.newInputStream(whole));
                var zout = new java.util.zip.ZipOutputStream(Files.newOutputStream(cut))) {
            for (var e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                if (!e.getName().equals(HandXlsx.sheetPart(3))) {
                    zout.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                    zin.transferTo(zout);
                }
            }
        }
        String message = scoreRefused(ExitCodes.FILE, cut);
        assertContains(message, "model.xlsx: cannot be read as an .xlsx workbook; is it truncated or corrupt?",
                "it has no part xl/worksheets/sheet3.xml");
        assertFalse(message.contains("no sheet named"), message);
    }

    @Test
    void onlyTheSheetsTheModelNamesAreReadAndCopied() throws IOException {
        Map<String, String> replace = new HashMap<>();
        Path model = HandXlsx.smallModel(replace).sheetXml("Decoy", "<worksheet><not xml at all")
                .write(in.resolve("model.xlsx"));
        Cli.Run run = Cli.run("score", model.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        List<String> names = Sheets.names(out);
        assertTrue(names.containsAll(List.of("Model", "W1", "b1")), () -> "copied model sheets: " + names);
        assertFalse(names.contains("Decoy"), () -> "a sheet no layer names is not copied: " + names);
    }
}
