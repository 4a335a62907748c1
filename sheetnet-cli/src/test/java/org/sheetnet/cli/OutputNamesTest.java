package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.FolderSnapshot;
import org.sheetnet.testing.Sheets;

/**
 * {@code examples} replaces existing workbooks and templates only with {@code --force}, and no
 * command writes a workbook under a name that promises something else ({@code x.csv}, {@code x.txt}).
 */
class OutputNamesTest {

    @TempDir
    Path dir;

    @Test
    void examplesRefuseToReplaceAFilledInTemplate() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Path filledIn = Files.writeString(templates.resolve("model-template.xlsx"), "my filled-in template");
        Path example = Files.writeString(Files.createDirectories(dir.resolve("workbooks")).resolve("logic-gates.xlsx"),
                "my edited example");

        String message = refused("examples", "--workbooks", dir.resolve("workbooks").toString(), "--templates",
                templates.toString());

        assertTrue(message.startsWith(example + ", " + filledIn + ": already exist; nothing was written: give --force"),
                message);
    }

    @Test
    void examplesWithForceReplaceTheirFilesOnly() throws IOException {
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve("model-template.xlsx"), "my filled-in template");
        Files.writeString(templates.resolve("notes.txt"), "my notes");

        Cli.Run run = Cli.run("examples", "--workbooks", dir.resolve("workbooks").toString(), "--templates",
                templates.toString(), "--force");

        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals("my notes", Files.readString(templates.resolve("notes.txt")), "notes.txt kept");
        try (var template = Sheets.open(templates.resolve("model-template.xlsx"))) {
            assertNotNull(template.getSheet("Model"), "replaced with --force by the blank template (its Model sheet)");
        }
    }

    @Test
    void trainWritesNoWorkbookNamedCsv() throws IOException {
        Path data = Files.writeString(dir.resolve("data.csv"), "x,y\n0,0\n1,2\n2,4\n3,6\n");
        Path out = dir.resolve("model.csv");
        String message = refused("train", data.toString(), "--epochs", "1", "--out", out.toString());
        assertEquals(out + ": train writes a model workbook, so the output's name must end in .xlsx;"
                + " give --out NAME.xlsx", message, "message");
    }

    @Test
    void importCsvWritesNoWorkbookNamedTxt() throws IOException {
        Path csv = dir.resolve("csv");
        assertEquals(ExitCodes.OK, Cli.run("export-csv", "workbooks/seed-2-3-2-2.xlsx", csv.toString()).exit());
        Path out = dir.resolve("model.txt");
        String message = refused("import-csv", csv.toString(), "--out", out.toString());
        assertTrue(message.startsWith(out + ": import-csv writes a model workbook"), message);
    }

    @Test
    void importKerasWritesNoWorkbookNamedCsv() throws IOException {
        Path keras = Files.write(dir.resolve("net.keras"), new byte[] {'P', 'K', 3, 4});
        Path out = dir.resolve("net.csv");
        String message = refused("import-keras", keras.toString(), "--out", out.toString());
        assertTrue(message.startsWith(out + ": import-keras writes a model workbook"), message);
    }

    @Test
    void scoreWritesNoWorkbookNamedXlsm() throws IOException {
        Path out = dir.resolve("scored.xlsm");
        String message = refused("score", "workbooks/seed-2-3-2-2.xlsx", "--out", out.toString());
        assertEquals(out + ": score writes a workbook (.xlsx), the predictions alone (.csv), or a folder of CSV"
                + " files (a name without extension, or an existing folder); \".xlsm\" is none of these", message);
    }

    @Test
    void scoreMakesNoFolderNamedTxt() throws IOException {
        String message = refused("score", "workbooks/seed-2-3-2-2.xlsx", "--out", dir.resolve("scored.txt").toString());
        assertTrue(message.contains("\".txt\" is none of these"), message);
    }

    @Test
    void exportCsvMakesNoFolderNamedLikeAWorkbook() throws IOException {
        Path out = dir.resolve("seed.xlsx");
        String message = refused("export-csv", "workbooks/seed-2-3-2-2.xlsx", out.toString());
        assertEquals(out + ": export-csv writes a folder of files, so its name must be an existing folder or a name"
                + " without extension, not \".xlsx\"", message, "message");
    }

    /** Runs a command that must be refused: exit OUTPUT, one line, nothing under the test folder changed. */
    private String refused(String... args) throws IOException {
        Map<String, String> before = FolderSnapshot.of(dir);
        Cli.Run run = Cli.run(args);
        assertEquals(ExitCodes.OUTPUT, run.exit(), run.stderr());
        assertEquals(1, run.stderrLines().size(), () -> "one line: " + run.stderr());
        assertEquals(before, FolderSnapshot.of(dir), "nothing written, nothing changed");
        return run.stderrLines().get(0).substring("sheetnet: ".length());
    }
}
