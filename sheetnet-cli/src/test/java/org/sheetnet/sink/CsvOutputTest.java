package org.sheetnet.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.cli.Main;
import org.sheetnet.testing.Sheets;

/** CSV outputs hold the same numbers as the workbook, read back with Commons CSV. */
class CsvOutputTest {

    @TempDir
    Path dir;

    private static List<List<Object>> read(Path csv) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv)) {
            for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
                List<Object> row = new ArrayList<>();
                for (String field : record) {
                    row.add(rows.isEmpty() || !field.matches("-?[0-9.]+(E-?[0-9]+)?") ? field : (Object) Double.valueOf(field));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void aFolderHoldsEverySheetWithTheWorkbooksNumbers() throws IOException {
        String model = "workbooks/seed-2-3-2-2-softmax.xlsx";
        Path xlsx = dir.resolve("out.xlsx");
        Path folder = dir.resolve("out");
        assertEquals(0, Main.run("score", model, "--out", xlsx.toString(), "-q"));
        assertEquals(0, Main.run("score", model, "--out", folder.toString(), "-q"));
        for (String sheet : List.of("L1_pre", "L1_act", "L2_pre", "L2_act", "L3_pre", "L3_act", "Predictions")) {
            assertEquals(Sheets.rows(xlsx, sheet), read(folder.resolve(sheet + ".csv")), sheet + ".csv");
        }
        assertTrue(Files.exists(folder.resolve("Audit.csv")), "Audit.csv");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary left");
        }
    }

    @Test
    void aCsvFileHoldsThePredictionsAndGuardsFormulaLikeText() throws IOException {
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "id,x1,x2\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1,0.5\n@SUM(A1),0,0\n");
        Path out = dir.resolve("predictions.csv");
        assertEquals(0, Main.run("score", "workbooks/seed-2-3-2-2.xlsx", "--input", csv.toString(), "--out",
                out.toString(), "-q"));
        List<List<Object>> rows = read(out);
        assertEquals(List.of("id", "y1", "y2"), rows.get(0));
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", rows.get(1).get(0), "guarded with an apostrophe");
        assertEquals("'@SUM(A1)", rows.get(2).get(0), "guarded with an apostrophe");
        // The article's output for (1.0, 0.5): [0.31682708, 0.69627909].
        assertEquals(0.31682708, (Double) rows.get(1).get(1), 5e-9);
        assertEquals(0.69627909, (Double) rows.get(1).get(2), 5e-9);
    }

    // A usage error since issue 12 (was OUTPUT, 6): the command line asks for two things that exclude each other.
    @Test
    void formulasNeedAWorkbook() {
        assertEquals(ExitCodes.USAGE, Main.run("score", "workbooks/seed-2-3-2-2.xlsx", "--formulas", "--out",
                dir.resolve("p.csv").toString(), "-q"));
    }
}
