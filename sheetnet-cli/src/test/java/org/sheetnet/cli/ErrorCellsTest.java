package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.HandXlsx;
import org.sheetnet.testing.Sheets;

/**
 * Error cells in an input's other columns (a note column holding {@code #N/A}) are copied into the
 * output as error cells, not as text, so that {@code verify} finds the Inputs values it hashed; a code
 * no workbook knows stays its text on both sides. (It reported "Inputs values CHANGED" for an output
 * nobody had touched.)
 */
class ErrorCellsTest {

    // y = 0.5 x1 + 0.25 x2 + 0.1 (HandXlsx's small model); column C is no input of the model.
    private static final String INPUTS = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            + "<sheetData>"
            + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>x1</t></is></c><c r=\"B1\" t=\"inlineStr\"><is><t>x2</t></is></c>"
            + "<c r=\"C1\" t=\"inlineStr\"><is><t>note</t></is></c></row>"
            + "<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>2</v></c><c r=\"C2\" t=\"e\"><v>#N/A</v></c></row>"
            + "<row r=\"3\"><c r=\"A3\"><v>3</v></c><c r=\"B3\"><v>4</v></c><c r=\"C3\" t=\"e\"><v>#DIV/0!</v></c></row>"
            + "<row r=\"4\"><c r=\"A4\"><v>5</v></c><c r=\"B4\"><v>6</v></c><c r=\"C4\" t=\"e\"><v>#NOT-AN-ERROR</v></c></row>"
            + "</sheetData></worksheet>";

    @TempDir
    Path dir;

    @Test
    void errorCellsAreCopiedAsErrorCellsAndTheOutputVerifies() throws IOException {
        Path model = HandXlsx.smallModel(Map.of("Inputs", INPUTS)).write(dir.resolve("m.xlsx"));
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", model.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        try (XSSFWorkbook workbook = Sheets.open(out)) {
            Sheet predictions = workbook.getSheet("Predictions");
            assertEquals(4.1, predictions.getRow(3).getCell(column(predictions, "y")).getNumericCellValue(), 1e-15,
                    "y of the third row by hand: 0.5·5 + 0.25·6 + 0.1");
            // The note is no input of the model: an id column, copied beside the predictions too.
            assertError(FormulaError.NA, predictions.getRow(1).getCell(column(predictions, "note")), "Predictions' note");
            Sheet inputs = workbook.getSheet("Inputs");
            int note = column(inputs, "note");
            assertError(FormulaError.NA, inputs.getRow(1).getCell(note), "Inputs, first row's note");
            assertError(FormulaError.DIV0, inputs.getRow(2).getCell(note), "Inputs, second row's note");
            Cell unknown = inputs.getRow(3).getCell(note);
            assertEquals(CellType.STRING, unknown.getCellType(), "a code no workbook knows: text");
            assertEquals("#NOT-AN-ERROR", unknown.getStringCellValue(), "its text");
        }
        Cli.Run verify = Cli.run("verify", out.toString());
        assertEquals(ExitCodes.OK, verify.exit(), verify.stdout() + verify.stderr());
    }

    private static int column(Sheet sheet, String header) {
        for (Cell cell : sheet.getRow(0)) {
            if (cell.getCellType() == CellType.STRING && header.equals(cell.getStringCellValue())) {
                return cell.getColumnIndex();
            }
        }
        throw new AssertionError("no column " + header);
    }

    private static void assertError(FormulaError expected, Cell cell, String what) {
        assertEquals(CellType.ERROR, cell.getCellType(), what + ": an error cell");
        assertEquals(expected.getCode(), cell.getErrorCellValue(), what + ": " + expected.getString());
    }
}
