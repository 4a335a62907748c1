package org.sheetnet.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.HandXlsx;
import org.sheetnet.testing.Sheets;

/**
 * Inputs from an Excel Table: {@code --input-table NAME}, {@code --input-sheet NAME} when no sheet
 * has that name, and a model workbook whose Inputs is a table. Only the table's cells are read (a
 * title above it and notes beside it are not), its header gives the column names and its totals
 * row is left out; a name no table has is refused listing the tables there are.
 *
 * <p>The model is {@link HandXlsx#smallModel}'s y = 0.5·x1 + 0.25·x2 + 0.1; the table's rows
 * (1, 2), (3, 4), (−2, 8) give, by hand, y = 1.1, 2.6 and −1 + 2 + 0.1 = 1.1.
 */
class ExcelTableInputTest {

    @TempDir
    Path dir;

    /** The Data sheet: a title, a blank row, the table at B3:D7 (totals in row 7), a note at F4, a stray 999 at A5. */
    static final Object[][] DATA = {
        {"Sales 2026, exported from the shop"},
        {},
        {null, "id", "x1", "x2"},
        {null, "a", 1.0, 2.0, null, "checked"},
        {999.0, "b", 3.0, 4.0},
        {null, "c", -2.0, 8.0},
        {null, "Total", 2.0, 14.0}};

    static String table(String displayName, String ref, int totalsRows, String... columns) {
        StringBuilder cols = new StringBuilder();
        for (int i = 0; i < columns.length; i++) {
            cols.append("<tableColumn id=\"").append(i + 1).append("\" name=\"").append(columns[i]).append("\"/>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<table xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" id=\"1\" name=\"Table1\""
                + " displayName=\"" + displayName + "\" ref=\"" + ref + "\""
                + (totalsRows > 0 ? " totalsRowCount=\"" + totalsRows + "\"" : "") + ">"
                + "<autoFilter ref=\"" + ref + "\"/><tableColumns count=\"" + columns.length + "\">" + cols
                + "</tableColumns><tableStyleInfo name=\"TableStyleMedium2\" showRowStripes=\"1\"/></table>";
    }

    static String sheetRels(String... tableTargets) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 0; i < tableTargets.length; i++) {
            sb.append("<Relationship Id=\"rId").append(i + 1).append("\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/table\" Target=\"").append(tableTargets[i]).append("\"/>");
        }
        return sb.append("</Relationships>").toString();
    }

    /** A workbook whose first sheet, Data, holds the table Sales2026; the second sheet, Other, holds a table Other1. */
    private Path data(String name) throws IOException {
        return new HandXlsx().sheet("Data", DATA).sheet("Other", new Object[][] {{"x1", "x2"}, {5.0, 6.0}})
                .part("xl/worksheets/_rels/sheet1.xml.rels", sheetRels("../tables/table1.xml"))
                .part("xl/tables/table1.xml", table("Sales2026", "B3:D7", 1, "id", "x1", "x2"))
                .part("xl/worksheets/_rels/sheet2.xml.rels", sheetRels("/xl/tables/table2.xml"))
                .part("xl/tables/table2.xml", table("Other1", "A1:B2", 0, "x1", "x2"))
                .write(dir.resolve(name));
    }

    private Path model() throws IOException {
        return HandXlsx.smallModel(Map.of()).write(dir.resolve("model.xlsx"));
    }

    private void assertTableScored(Cli.Run run, Path out) throws IOException {
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        List<List<Object>> predictions = Sheets.rows(out, "Predictions");
        assertEquals(4, predictions.size(), "header and three rows: the totals row is left out");
        assertEquals(List.of("a", "b", "c"), List.of(Sheets.at(predictions, 1, "id"), Sheets.at(predictions, 2, "id"),
                Sheets.at(predictions, 3, "id")), "ids");
        assertEquals(1.1, Sheets.number(predictions, 1, "y"), 1e-15, "row a, y by hand");
        assertEquals(2.6, Sheets.number(predictions, 2, "y"), 1e-15, "row b, y by hand");
        assertEquals(1.1, Sheets.number(predictions, 3, "y"), 1e-15, "row c, y by hand");
        assertEquals(List.of("id", "x1", "x2"), Sheets.rows(out, "Inputs").get(0), "only the table's columns");
    }

    @Test
    void inputTableReadsTheTablesRowsOnly() throws IOException {
        Path out = dir.resolve("scored.xlsx");
        assertTableScored(Cli.run("score", model().toString(), "--input", data("data.xlsx").toString(),
                "--input-table", "Sales2026", "--out", out.toString()), out);
        Cli.Run verify = Cli.run("verify", out.toString());
        assertEquals(ExitCodes.OK, verify.exit(), verify.stdout() + verify.stderr());
    }

    @Test
    void inputSheetAcceptsATableNameIgnoringCase() throws IOException {
        Path out = dir.resolve("scored.xlsx");
        assertTableScored(Cli.run("score", model().toString(), "--input", data("data.xlsx").toString(),
                "--input-sheet", "sales2026", "--out", out.toString()), out);
    }

    @Test
    void theModelsInputsMayBeATable() throws IOException {
        Path model = new HandXlsx().sheet("Model", HandXlsx.MODEL).sheet("W1", HandXlsx.W1).sheet("b1", HandXlsx.B1)
                .sheet("Data", DATA)
                .part("xl/worksheets/_rels/sheet4.xml.rels", sheetRels("../tables/table1.xml"))
                .part("xl/tables/table1.xml", table("Inputs", "B3:D7", 1, "id", "x1", "x2"))
                .write(dir.resolve("model.xlsx"));
        Path out = dir.resolve("scored.xlsx");
        assertTableScored(Cli.run("score", model.toString(), "--out", out.toString()), out);
        Path again = dir.resolve("again.xlsx");
        assertTableScored(Cli.run("score", model.toString(), "--input-table", "inputs", "--out", again.toString()), again);
    }

    @Test
    void aTableWithoutTotalsOrHeaderRowReadsAllItsRows() throws IOException {
        String noHeader = table("Bare", "C4:D6", 0, "x1", "x2").replace("ref=\"C4:D6\"", "ref=\"C4:D6\" headerRowCount=\"0\"");
        Path data = new HandXlsx().sheet("Data", DATA)
                .part("xl/worksheets/_rels/sheet1.xml.rels", sheetRels("../tables/table1.xml"))
                .part("xl/tables/table1.xml", noHeader).write(dir.resolve("bare.xlsx"));
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", model().toString(), "--input", data.toString(), "--input-table", "Bare",
                "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        List<List<Object>> predictions = Sheets.rows(out, "Predictions");
        assertEquals(4, predictions.size(), "three rows, no header row in the table");
        assertEquals(1.1, Sheets.number(predictions, 3, "y"), 1e-15, "row c, y by hand");
    }

    @Test
    void anUnknownTableIsRefusedListingTheTables() throws IOException {
        Path data = data("data.xlsx");
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", model().toString(), "--input", data.toString(), "--input-table", "Sales2025",
                "--out", out.toString());
        assertEquals(ExitCodes.INPUT, run.exit(), run.stderr());
        assertEquals("data.xlsx: no table named \"Sales2025\"; its tables are Sales2026, Other1", run.oneLine(), "message");
        Cli.Run sheet = Cli.run("score", model().toString(), "--input", data.toString(), "--input-sheet", "Sales2025",
                "--out", out.toString());
        assertEquals(ExitCodes.INPUT, sheet.exit(), sheet.stderr());
        assertEquals("data.xlsx: no sheet or table named \"Sales2025\"; its sheets are Data, Other, and its tables are"
                + " Sales2026, Other1", sheet.oneLine(), "message for --input-sheet");
        assertFalse(Files.exists(out), "no output");
    }

    @Test
    void aBadCellInATableIsNamedWhereItStandsOnTheSheet() throws IOException {
        Object[][] rows = DATA.clone();
        rows[4] = new Object[] {999.0, "b", 3.0, "n/a"};
        Path data = new HandXlsx().sheet("Data", rows)
                .part("xl/worksheets/_rels/sheet1.xml.rels", sheetRels("../tables/table1.xml"))
                .part("xl/tables/table1.xml", table("Sales2026", "B3:D7", 1, "id", "x1", "x2"))
                .write(dir.resolve("data.xlsx"));
        Cli.Run run = Cli.run("score", model().toString(), "--input", data.toString(), "--input-table", "Sales2026",
                "--out", dir.resolve("scored.xlsx").toString());
        assertEquals(ExitCodes.INPUT, run.exit(), run.stderr());
        assertEquals("data.xlsx: Data!D5: expected a number, found text \"n/a\"", run.oneLine(), "message");
    }

    @Test
    void sheetAndTableTogetherAreAUsageError() throws IOException {
        Cli.Run run = Cli.run("score", model().toString(), "--input-sheet", "Inputs", "--input-table", "T");
        assertEquals(ExitCodes.USAGE, run.exit(), run.stderr());
    }

    @Test
    void aDamagedTablePartIsRefusedNamingIt() throws IOException {
        Path data = new HandXlsx().sheet("Data", DATA)
                .part("xl/worksheets/_rels/sheet1.xml.rels", sheetRels("../tables/table1.xml"))
                .part("xl/tables/table1.xml", table("Sales2026", "B3:D7", 1, "id", "x1"))
                .write(dir.resolve("data.xlsx"));
        Cli.Run run = Cli.run("score", model().toString(), "--input", data.toString(), "--input-table", "Sales2026",
                "--out", dir.resolve("scored.xlsx").toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertEquals("data.xlsx: xl/tables/table1.xml is damaged: table Sales2026 names 2 columns, but Data!B3:D7 has 3",
                run.oneLine(), "message");
    }
    @Test
    void aDoctypeInATablePartIsRefused() throws IOException {
        String hostile = HandXlsx.withDoctype(table("Sales2026", "B3:D7", 1, "id", "x1", "x2"),
                "<!DOCTYPE table [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        Path data = new HandXlsx().sheet("Data", DATA)
                .part("xl/worksheets/_rels/sheet1.xml.rels", sheetRels("../tables/table1.xml"))
                .part("xl/tables/table1.xml", hostile).write(dir.resolve("data.xlsx"));
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", model().toString(), "--input", data.toString(), "--input-table", "Sales2026",
                "--out", out.toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        org.sheetnet.testing.Cli.assertContains(run.oneLine(), "data.xlsx", "xl/tables/table1.xml", "DOCTYPE");
        assertFalse(Files.exists(out), "no output");
    }
}
