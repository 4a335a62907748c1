package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.TinyModel;

/**
 * A model workbook's sheets that no layer names are never parsed; the Audit says so by name, so an
 * auditor knows the output holds no copy of them.
 */
class UnreadSheetsTest {

    @TempDir
    Path dir;

    @Test
    void aSheetNoLayerNamesIsListedInTheAuditAndNotCopied() throws IOException {
        Path model = TinyModel.writeLinear(dir.resolve("linear.xlsx"), w -> {
            w.sheet("Notes", true, List.of(List.of("who", "when"), List.of("analyst", "today")));
            w.sheet("Inputs", true, List.of(List.of("id", "a", "b"), List.of("r1", 1, 1)));
        });
        Path out = dir.resolve("out.xlsx");
        Cli.Run run = Cli.run("score", model.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, run.exit(), run.stderr());
        try (XSSFWorkbook wb = new XSSFWorkbook(out.toFile())) {
            assertTrue(wb.getSheet("Notes") == null, "Notes is not copied");
            assertTrue(wb.getSheet("W1") != null, "W1 is copied");
            Sheet audit = wb.getSheet("Audit");
            String listed = null;
            for (Row row : audit) {
                if (row.getCell(0) != null && "sheets not read: names".equals(row.getCell(0).toString())) {
                    listed = row.getCell(1).toString();
                }
            }
            assertEquals("Notes", listed, "Audit: the line naming the sheets not read (not Inputs, which was scored)");
        } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw new IOException(e);
        }
    }
}
