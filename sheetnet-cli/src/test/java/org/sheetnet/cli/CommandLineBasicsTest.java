package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Cli;

/**
 * What a new user meets first: a bare {@code sheetnet} is a usage error (exit 2, the usage on stderr);
 * {@code --formulas} with a CSV output is a usage error in one line, before anything is read or written;
 * counts read "1 row", "1 layer", not "1 rows".
 */
class CommandLineBasicsTest {

    @TempDir
    Path dir;

    @Test
    void bareCommandPrintsUsageAndExitsWithTheUsageCode() {
        Cli.Run run = Cli.run();
        assertEquals(ExitCodes.USAGE, run.exit(), "exit code of a bare sheetnet");
        assertTrue(run.stderr().contains("Usage: sheetnet"), "usage on stderr: " + run.stderr());
        assertTrue(run.stderr().contains("Commands:"), "the commands are listed: " + run.stderr());
        assertEquals("", run.stdout(), "nothing on stdout, which a script may be reading");
    }

    @Test
    void helpStillExitsZero() {
        Cli.Run run = Cli.run("--help");
        assertEquals(ExitCodes.OK, run.exit(), "exit code of sheetnet --help");
        assertTrue(run.stdout().contains("Usage: sheetnet"), "usage on stdout: " + run.stdout());
    }

    @Test
    void formulasWithACsvOutputIsAUsageErrorInOneLine() {
        Path csv = dir.resolve("f.csv");
        Cli.Run run = Cli.run("score", "workbooks/logic-gates.xlsx", "--formulas", "--out", csv.toString());
        assertEquals(ExitCodes.USAGE, run.exit(), "exit code; stderr: " + run.stderr());
        Cli.assertContains(run.oneLine(), "--formulas needs an .xlsx output", "f.csv", "sheetnet help score");
        assertFalse(Files.exists(csv), "no output written");
    }

    @Test
    void formulasWithAFolderOutputIsAUsageErrorToo() {
        Path folder = dir.resolve("out");
        Cli.Run run = Cli.run("score", "workbooks/logic-gates.xlsx", "--formulas", "--out", folder.toString());
        assertEquals(ExitCodes.USAGE, run.exit(), "exit code; stderr: " + run.stderr());
        assertFalse(Files.exists(folder), "no folder made");
    }

    @Test
    void oneRowThroughOneLayerIsSingular() throws IOException {
        Path csv = Files.writeString(dir.resolve("one.csv"), "id,x1,x2\nonly,1,0\n");
        Path out = dir.resolve("one.xlsx");
        Cli.Run run = Cli.run("score", "workbooks/logic-gates.xlsx", "--input", csv.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), "exit code; stderr: " + run.stderr());
        assertEquals("scored 1 row through 1 layer -> " + out, run.stdout().strip(), "summary line");
        Cli.Run check = Cli.run("check", "workbooks/logic-gates.xlsx");
        assertTrue(check.stdout().startsWith("logic-gates.xlsx: 1 layer, 2 inputs -> 3 outputs"),
                "check's first line: " + check.stdout());
    }
}
