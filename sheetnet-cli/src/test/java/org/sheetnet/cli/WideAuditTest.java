package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** 10,000 passed-through text columns used to make an Audit cell too long for Excel (an internal error). */
class WideAuditTest {

    @TempDir
    Path dir;

    @Test
    void tenThousandPassedThroughColumnsAreCountedAndListed() throws IOException {
        StringBuilder header = new StringBuilder("x1,x2");
        StringBuilder row = new StringBuilder("1,2");
        for (int c = 0; c < 10_000; c++) {
            header.append(",a_rather_long_column_name_").append(c);
            row.append(",t").append(c);
        }
        Path rows = Files.writeString(dir.resolve("wide.csv"), header + "\n" + row + "\n", StandardCharsets.UTF_8);
        Path model = TinyModel.write(dir.resolve("model.xlsx"), true, null);
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", model.toString(), "--input", rows.toString(),
                "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        List<List<Object>> audit = Sheets.rows(out, "Audit");
        for (int r = 0; r < audit.size(); r++) {
            for (Object cell : audit.get(r)) {
                assertTrue(!(cell instanceof String s) || s.length() <= 32_767, "Audit row " + (r + 1) + " cell length");
            }
        }
        List<Object> line = audit.stream().filter(r -> !r.isEmpty() && "passed through".equals(r.get(0))).findFirst()
                .orElseThrow();
        assertTrue(((String) line.get(1)).endsWith("a_rather_long_column_name_9 … and 9,990 more (all 10,000 under"
                + " \"Passed-through columns\" below)"), "Audit passed through: " + line.get(1));
        int heading = audit.indexOf(List.of("Passed-through columns", "10,000"));
        assertTrue(heading > 0, "the listing's heading");
        for (int c = 0; c < 10_000; c++) {
            assertEquals(List.of((double) (c + 1), "a_rather_long_column_name_" + c), audit.get(heading + 1 + c),
                    "Audit listing, column " + c);
        }
    }
}
