package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.FolderSnapshot;

/**
 * An output that is one of the run's inputs (by path, by {@code ..}, through a symbolic or a hard link)
 * is refused always, {@code --force} or not, with one line naming both; the input stays byte for byte.
 */
class InputProtectionTest {

    @TempDir
    Path dir;

    private Path model;

    @BeforeEach
    void copyTheModel() throws IOException {
        model = Files.copy(Path.of("workbooks/seed-2-3-2-2.xlsx"), dir.resolve("model.xlsx"));
    }

    @Test
    void theModelByItsOwnPath() throws IOException {
        refused(model, "model workbook " + model, "score", model.toString(), "--out", model.toString(), "--force");
    }

    @Test
    void theModelThroughDotDot() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        Path roundabout = dir.resolve("sub/../model.xlsx");
        refused(roundabout, "model workbook " + model + " (the same file)", "score", model.toString(), "--out", roundabout.toString(),
                "--force");
    }

    @Test
    void dotDotAfterASymbolicLinkIsResolvedAsTheFileSystemDoes() throws IOException {
        Path deep = Files.createDirectories(dir.resolve("a/b"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), deep);
        String modelBefore = FolderSnapshot.sha256(Files.readAllBytes(model));

        // The text says dir/model.xlsx; the file system says dir/a/model.xlsx, which is not an input.
        Cli.Run run = Cli.run("score", model.toString(), "--out", link.resolve("../model.xlsx").toString(), "--force",
                "-q");

        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertTrue(Files.exists(dir.resolve("a/model.xlsx")), "written where the file system resolves the name");
        assertEquals(modelBefore, FolderSnapshot.sha256(Files.readAllBytes(model)), "the model is untouched");
    }

    @Test
    void theModelThroughASymbolicLink() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.xlsx"), model);
        refused(link, "model workbook " + model + " (the same file)", "score", model.toString(), "--out",
                link.toString(), "--force");
    }

    @Test
    void theModelThroughAHardLink() throws IOException {
        Path hard = Files.createLink(dir.resolve("hard.xlsx"), model);
        refused(hard, "model workbook " + model + " (the same file)", "score", model.toString(), "--out",
                hard.toString(), "--force");
    }

    @Test
    void theInputFileWithoutForce() throws IOException {
        Path rows = Files.writeString(dir.resolve("rows.csv"), "x1,x2\n1,0.5\n");
        refused(rows, "--input file " + rows, "score", model.toString(), "--input", rows.toString(), "--out",
                rows.toString());
    }

    @Test
    void aCsvFolderThatWouldReplaceTheInputFile() throws IOException {
        Path rows = Files.writeString(dir.resolve("Inputs.csv"), "x1,x2\n1,0.5\n");
        refused(rows, "--input file " + rows, "score", model.toString(), "--input", rows.toString(), "--out",
                dir.toString(), "--force");
    }

    @Test
    void theTrainingDataThroughAHardLink() throws IOException {
        Path data = Files.writeString(dir.resolve("data.csv"), "x,y\n0,0\n1,2\n2,4\n3,6\n");
        Path hard = Files.createLink(dir.resolve("data-model.xlsx"), data);
        refused(hard, "training data " + data + " (the same file)", "train", data.toString(), "--epochs", "1",
                "--out", hard.toString(), "--force");
    }

    @Test
    void theKerasModelThroughAHardLink() throws IOException {
        Path keras = Files.write(dir.resolve("net.h5"), new byte[] {(byte) 0x89, 'H', 'D', 'F'});
        Path hard = Files.createLink(dir.resolve("net.xlsx"), keras);
        refused(hard, "Keras model " + keras + " (the same file)", "import-keras", keras.toString(), "--out",
                hard.toString(), "--force");
    }

    @Test
    void theExpectedFileOfAKerasImport() throws IOException {
        Path keras = Files.write(dir.resolve("net.keras"), new byte[] {'P', 'K', 3, 4});
        Path expected = Files.write(dir.resolve("expected.xlsx"), new byte[] {1, 2, 3});
        refused(expected, "--expected file " + expected, "import-keras", keras.toString(), "--expected",
                expected.toString(), "--out", expected.toString(), "--force");
    }

    @Test
    void aFileOfTheCsvModelFolderThroughAHardLink() throws IOException {
        Path csv = dir.resolve("csv");
        assertEquals(ExitCodes.OK, Cli.run("export-csv", model.toString(), csv.toString()).exit(), "export");
        Path hard = Files.createLink(dir.resolve("back.xlsx"), csv.resolve("W2.csv"));
        refused(hard, "file of the CSV model folder " + csv.resolve("W2.csv") + " (the same file)", "import-csv",
                csv.toString(), "--out", hard.toString(), "--force");
    }

    @Test
    void theModelAsAFileOfAnExportedFolder() throws IOException {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        Path hard = Files.createLink(csv.resolve("W1.csv"), model);
        refused(hard, "model workbook " + model + " (the same file)", "export-csv", model.toString(), csv.toString(),
                "--force");
    }

    /** Runs a command that must be refused: exit OUTPUT, one line naming output and input, no file changed. */
    private void refused(Path output, String input, String... args) throws IOException {
        Map<String, String> before = FolderSnapshot.of(dir);

        Cli.Run run = Cli.run(args);

        assertEquals(ExitCodes.OUTPUT, run.exit(), run.stderr());
        assertEquals(1, run.stderrLines().size(), () -> "one line: " + run.stderr());
        String line = run.stderrLines().get(0);
        assertTrue(line.startsWith("sheetnet: " + output + ": is the " + input + "; sheetnet never writes over"),
                () -> "names both: " + line);
        assertTrue(line.contains("even with --force"), line);
        assertEquals(before, FolderSnapshot.of(dir), "every input byte for byte, nothing added");
    }
}
