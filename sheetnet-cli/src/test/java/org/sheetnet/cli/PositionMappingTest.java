package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.Sheets;
import org.sheetnet.testing.TinyModel;

/**
 * When the weights name no inputs, the numeric columns feed the inputs in order, so a numeric id
 * column becomes a feature. The run says which column feeds which input, once on stderr (unless
 * {@code --quiet}) and always in the Audit sheet.
 */
class PositionMappingTest {

    @TempDir
    Path dir;

    private Path unnamedModelWithNumericIds() throws IOException {
        Path model = TinyModel.write(dir.resolve("model.xlsx"), false, null);
        Files.writeString(dir.resolve("rows.csv"), "id,weight\n1001,2.5\n1002,3.5\n", StandardCharsets.UTF_8);
        return model;
    }

    private static final String NOTE = "sheetnet: note: inputs matched by position, as the first weights block names"
            + " none: x1 ← column A \"id\", x2 ← column B \"weight\"; name the inputs in its first column to match them"
            + " by name";

    @Test
    void theMappingIsPrintedOnceAndKeptInTheAudit() throws IOException {
        Path model = unnamedModelWithNumericIds();
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", model.toString(), "--input",
                dir.resolve("rows.csv").toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(List.of(NOTE), run.stderrLines(), "stderr");
        List<List<Object>> audit = Sheets.rows(out, "Audit");
        assertEquals(List.of("x1", "id", "by position", "A"), find(audit, "x1"), "Audit row of x1");
        assertEquals(List.of("x2", "weight", "by position", "B"), find(audit, "x2"), "Audit row of x2");
    }

    @Test
    void quietKeepsItInTheAuditOnly() throws IOException {
        Path model = unnamedModelWithNumericIds();
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", model.toString(), "--input",
                dir.resolve("rows.csv").toString(), "--out", out.toString(), "--quiet");
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals("", run.stderr(), "stderr with --quiet");
        assertEquals(List.of("x1", "id", "by position", "A"), find(Sheets.rows(out, "Audit"), "x1"), "Audit row of x1");
    }

    @Test
    void inputsMatchedByNameNeedNoNote() throws IOException {
        Path model = TinyModel.write(dir.resolve("model.xlsx"), true, null);
        Path rows = Files.writeString(dir.resolve("rows.csv"), "id,x2,x1\n1001,2.5,1\n", StandardCharsets.UTF_8);
        Cli.Run run = Cli.run("score", model.toString(), "--input", rows.toString(),
                "--out", dir.resolve("scored.xlsx").toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals("", run.stderr(), "stderr");
    }

    private static List<Object> find(List<List<Object>> rows, String label) {
        return rows.stream().filter(r -> !r.isEmpty() && label.equals(r.get(0))).findFirst()
                .orElseThrow(() -> new AssertionError("no Audit row " + label + " in " + rows));
    }
}
