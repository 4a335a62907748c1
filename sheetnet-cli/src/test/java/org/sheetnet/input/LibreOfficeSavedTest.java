package org.sheetnet.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.LibreOffice;
import org.sheetnet.testing.Sheets;

/**
 * Workbooks as LibreOffice Calc saves them, not as sheetnet's tests write them: two flat ODS
 * documents (written here) are saved as .xlsx by LibreOffice, which writes a database range as an
 * Excel Table, a named range as a defined name, and a text cell as a shared string. The model is
 * y = 0.5·x1 + 0.25·x2 + 0.1, its W1 and b1 reached through the names Weights and Bias, its 0.5 and
 * one input stored as text; by hand, inputs (1, 2) and (3, 4) give 1.1 and 2.6, and the table's rows
 * (1, 2), (3, 4), (−2, 8) give 1.1, 2.6 and 1.1.
 */
class LibreOfficeSavedTest {

    @TempDir
    static Path dir;

    private static Path model;
    private static Path data;

    private static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\""
            + " office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\"><office:body><office:spreadsheet>";
    private static final String TAIL = "</office:spreadsheet></office:body></office:document>";

    // A row of cells: a Double is a number, a String text, null an empty cell.
    private static String row(Object... cells) {
        StringBuilder sb = new StringBuilder("<table:table-row>");
        for (Object c : cells) {
            if (c == null) {
                sb.append("<table:table-cell/>");
            } else if (c instanceof Double d) {
                sb.append("<table:table-cell office:value-type=\"float\" office:value=\"").append(d).append("\"/>");
            } else {
                sb.append("<table:table-cell office:value-type=\"string\"><text:p>").append(c).append("</text:p></table:table-cell>");
            }
        }
        return sb.append("</table:table-row>").toString();
    }

    private static String sheet(String name, String... rows) {
        return "<table:table table:name=\"" + name + "\">" + String.join("", rows) + "</table:table>";
    }

    @BeforeAll
    static void saveWithLibreOffice() throws IOException, InterruptedException {
        Path soffice = LibreOffice.require();
        Path modelFods = Files.writeString(dir.resolve("model.fods"), HEAD
                + sheet("Model", row("layer", "weights", "bias", "activation"), row("out", "Weights", "Bias", "linear"))
                + sheet("Params", row(), row(null, "input", "y", null, "y"), row(null, "x1", "0.5", null, 0.1),
                        row(null, "x2", 0.25))
                + sheet("Inputs", row("x1", "x2"), row(1.0, "2"), row(3.0, 4.0))
                + "<table:named-expressions>"
                + "<table:named-range table:name=\"Weights\" table:base-cell-address=\"$Params.$A$1\""
                + " table:cell-range-address=\"$Params.$B$2:.$C$4\"/>"
                + "<table:named-range table:name=\"Bias\" table:base-cell-address=\"$Params.$A$1\""
                + " table:cell-range-address=\"$Params.$E$2:.$E$3\"/>"
                + "</table:named-expressions>" + TAIL, StandardCharsets.UTF_8);
        Path dataFods = Files.writeString(dir.resolve("data.fods"), HEAD
                + sheet("Data", row("Sales 2026"), row(), row(null, "id", "x1", "x2"), row(null, "a", 1.0, 2.0),
                        row(999.0, "b", 3.0, 4.0), row(null, "c", -2.0, 8.0), row(null, null, null, null, "note"))
                + "<table:database-ranges><table:database-range table:name=\"Sales2026\""
                + " table:target-range-address=\"Data.B3:Data.D6\" table:contains-header=\"true\"/>"
                + "</table:database-ranges>" + TAIL, StandardCharsets.UTF_8);
        Path out = Files.createDirectories(dir.resolve("saved"));
        LibreOffice.convert(soffice, dir.resolve("profile"), "xlsx:Calc MS Excel 2007 XML", List.of(modelFods, dataFods),
                out, dir.resolve("soffice.log"));
        model = out.resolve("model.xlsx");
        data = out.resolve("data.xlsx");
    }

    @Test
    void namedRangesAndTextNumbersOfALibreOfficeModel() throws IOException {
        Path out = dir.resolve("model-scored.xlsx");
        Cli.Run run = Cli.run("score", model.toString(), "--out", out.toString(), "--force");
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(List.of(
                "sheetnet: warning: model.xlsx: Params!C3 held a number stored as text; read as a number",
                "sheetnet: warning: model.xlsx: Inputs!B2 held a number stored as text; read as a number"),
                run.stderrLines(), "stderr");
        List<List<Object>> predictions = Sheets.rows(out, "Predictions");
        assertEquals(1.1, Sheets.number(predictions, 1, "y"), 1e-15, "row 2, y by hand");
        assertEquals(2.6, Sheets.number(predictions, 2, "y"), 1e-15, "row 3, y by hand");
    }

    @Test
    void aDatabaseRangeSavedAsATableFeedsTheInputs() throws IOException {
        Path out = dir.resolve("data-scored.xlsx");
        Cli.Run run = Cli.run("score", model.toString(), "--input", data.toString(), "--input-table", "Sales2026",
                "--out", out.toString(), "--force");
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        List<List<Object>> predictions = Sheets.rows(out, "Predictions");
        assertEquals(4, predictions.size(), "header and the table's three rows");
        assertEquals("c", Sheets.at(predictions, 3, "id"), "last id");
        assertEquals(1.1, Sheets.number(predictions, 1, "y"), 1e-15, "row a, y by hand");
        assertEquals(2.6, Sheets.number(predictions, 2, "y"), 1e-15, "row b, y by hand");
        assertEquals(1.1, Sheets.number(predictions, 3, "y"), 1e-15, "row c, y by hand");
    }
}
