package org.sheetnet.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.input.SheetRowSource;
import org.sheetnet.job.CheckVectors;
import org.sheetnet.job.DocumentScoreJob;
import org.sheetnet.job.ScoreJob;
import org.sheetnet.model.Provenance;
import org.sheetnet.testing.Sheets;

/**
 * The extension's scoring without LibreOffice: a workbook's cells read into memory, scored by
 * DocumentScoreJob into the document's buffered sheets, equal bit for bit to what sheetnet score writes.
 */
class DocumentScoreTest {

    @ParameterizedTest
    @ValueSource(strings = {"seed-2-3-2-2-softmax.xlsx", "regression-4-20-10-1.xlsx", "xor-perceptron.xlsx"})
    void theBufferedSheetsAreThoseOfSheetnetScore(String workbook) throws Exception {
        Path file = Path.of("workbooks", workbook);
        Path cli = ScoreIT.scoreWithTheCommandLine(file);
        WorkbookLookup lookup = new WorkbookLookup(file);
        ModelWorkbook model = ModelReader.read(workbook, lookup, new Provenance(workbook, ""));
        DocumentDestination out = new DocumentDestination(workbook, lookup.sheetNames());
        DocumentScoreJob.run(model, new SheetRowSource(lookup.find("Inputs").orElseThrow(), workbook), out,
                new DocumentScoreJob.Request(file, "test", CheckVectors.DEFAULT_TOLERANCE));
        List<String> written = Sheets.names(cli).stream().filter(n -> ScoreJob.OUTPUT_SHEETS.matcher(n).matches())
                .toList();
        assertEquals(written, out.sheets().stream().map(BufferedSheet::name).toList(), "sheets, in order");
        for (BufferedSheet sheet : out.sheets()) {
            if (!sheet.name().equals("Audit")) {
                SameCells.assertSame(sheet.name(), Sheets.rows(cli, sheet.name()), sheet.data());
            }
        }
        assertEquals(List.of(0), out.sheets().get(0).headerRows(), "the header row is bold");
        assertEquals("Predictions", out.active(), "the sheet shown");
    }

    @Test
    void aSheetOfAnEarlierRunThatStaysIsRefused() {
        Path file = Path.of("workbooks", "sine-1-20-1.xlsx");
        WorkbookLookup lookup = new WorkbookLookup(file);
        ModelWorkbook model = ModelReader.read("sine.xlsx", lookup, new Provenance("sine.xlsx", ""));
        List<String> taken = new java.util.ArrayList<>(lookup.sheetNames());
        taken.add("L1_pre");
        DocumentDestination out = new DocumentDestination("sine.xlsx", taken);
        SheetnetException e = assertThrows(SheetnetException.class, () -> DocumentScoreJob.run(model,
                new SheetRowSource(lookup.find("Inputs").orElseThrow(), "sine.xlsx"), out,
                new DocumentScoreJob.Request(file, "test", CheckVectors.DEFAULT_TOLERANCE)));
        assertTrue(e.getMessage().contains("already has a sheet named \"L1_pre\""), "message: " + e.getMessage());
        assertThrows(IllegalStateException.class, out::sheets, "an unfinished run has no sheets to add");
        assertFalse(out.hasSheet("Inputs"), "the Inputs sheet is never written, so never in the way");
    }
}
