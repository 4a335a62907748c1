package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Cli;

/**
 * Outputs get the permissions the umask gives any file the user makes (colleagues on a shared drive
 * can open them), not the 0600 of a temporary file: each is compared with a file made by
 * {@link Files#createFile} in the same folder.
 */
class OutputPermissionsTest {

    private static final String SEED = "workbooks/seed-2-3-2-2.xlsx";

    @TempDir
    Path dir;

    // Under a umask of 077 a new file is 0600 like a temporary file, and the comparison could not fail.
    @BeforeEach
    void posixWithAUmaskThatSharesFiles() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        assumeTrue(!umask(dir).equals(PosixFilePermissions.fromString("rw-------")), "a umask other than 077");
    }

    @Test
    void aScoredWorkbook() throws IOException {
        Path out = dir.resolve("scored.xlsx");
        succeeds("score", SEED, "--out", out.toString());
        assertEquals(umask(dir), Files.getPosixFilePermissions(out), "scored.xlsx");
    }

    @Test
    void aPredictionsFile() throws IOException {
        Path out = dir.resolve("predictions.csv");
        succeeds("score", SEED, "--out", out.toString());
        assertEquals(umask(dir), Files.getPosixFilePermissions(out), "predictions.csv");
    }

    @Test
    void aCsvFolderAndItsFiles() throws IOException {
        Path out = dir.resolve("scored");
        succeeds("score", SEED, "--out", out.toString());
        Path reference = Files.createDirectory(dir.resolve("reference"));
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(out), "the folder");
        assertEquals(umask(out), Files.getPosixFilePermissions(out.resolve("Predictions.csv")), "Predictions.csv");
        assertEquals(umask(out), Files.getPosixFilePermissions(out.resolve("Audit.csv")), "Audit.csv");
    }

    @Test
    void aTrainedModel() throws IOException {
        Path data = Files.writeString(dir.resolve("data.csv"), "x,y\n0,0\n1,2\n2,4\n3,6\n");
        Path out = dir.resolve("model.xlsx");
        succeeds("train", data.toString(), "--epochs", "1", "--validation-split", "0", "--out", out.toString(), "-q");
        assertEquals(umask(dir), Files.getPosixFilePermissions(out), "model.xlsx");
    }

    @Test
    void anExportedAndReimportedModel() throws IOException {
        Path csv = dir.resolve("csv");
        succeeds("export-csv", SEED, csv.toString());
        assertEquals(umask(csv), Files.getPosixFilePermissions(csv.resolve("model.csv")), "model.csv");
        assertEquals(umask(csv), Files.getPosixFilePermissions(csv.resolve("W1.csv")), "W1.csv");
        Path back = dir.resolve("back.xlsx");
        succeeds("import-csv", csv.toString(), "--out", back.toString());
        assertEquals(umask(dir), Files.getPosixFilePermissions(back), "back.xlsx");
    }

    @Test
    void theExamples() throws IOException {
        Path workbooks = dir.resolve("workbooks");
        succeeds("examples", "--workbooks", workbooks.toString(), "--templates", dir.resolve("templates").toString());
        assertEquals(umask(workbooks), Files.getPosixFilePermissions(workbooks.resolve("xor-perceptron.xlsx")),
                "xor-perceptron.xlsx");
    }

    private static void succeeds(String... args) {
        Cli.Run run = Cli.run(args);
        assertEquals(ExitCodes.OK, run.exit(), () -> String.join(" ", args) + ": " + run.stderr());
    }

    /** The permissions of a new file made in {@code folder} as any program would make it. */
    private static Set<PosixFilePermission> umask(Path folder) throws IOException {
        Path reference = Files.createFile(folder.resolve("reference-" + System.nanoTime()));
        try {
            return Files.getPosixFilePermissions(reference);
        } finally {
            Files.delete(reference);
        }
    }
}
