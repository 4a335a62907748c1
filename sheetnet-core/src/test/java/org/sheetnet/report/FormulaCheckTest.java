package org.sheetnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheetnet.sheet.CellRef;

/**
 * The pre-write check of {@code score --formulas}: one formula per column of each sheet, the rows
 * taking turns. Workbooks are made here by hand: W (3 inputs × 4 units), X (5 rows of 3 inputs) and
 * L1_pre with {@code =MMULT(X!$A1:$C1,W!A$1:A$3)} in each cell, its cached value the sum worked out
 * in the test. A wrong formula the writer would put down a whole column must be caught whichever
 * column it is in.
 */
class FormulaCheckTest {

    private static final int INPUTS = 3;
    private static final int UNITS = 4;
    private static final int ROWS = 5;

    private static double w(int i, int j) {
        return 0.25 * (i + 1) - 0.5 * j;
    }

    private static double x(int r, int i) {
        return r + 0.125 * i + 1;
    }

    /** The workbook, each L1_pre cell in column {@code wrongColumn} reading column {@code wrongColumn + 1} of W. */
    private static XSSFWorkbook workbook(int wrongColumn) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet w = wb.createSheet("W");
        for (int i = 0; i < INPUTS; i++) {
            Row row = w.createRow(i);
            for (int j = 0; j < UNITS; j++) {
                row.createCell(j).setCellValue(w(i, j));
            }
        }
        Sheet xs = wb.createSheet("X");
        for (int r = 0; r < ROWS; r++) {
            Row row = xs.createRow(r);
            for (int i = 0; i < INPUTS; i++) {
                row.createCell(i).setCellValue(x(r, i));
            }
        }
        Sheet pre = wb.createSheet("L1_pre");
        for (int r = 0; r < ROWS; r++) {
            Row row = pre.createRow(r);
            for (int j = 0; j < UNITS; j++) {
                int column = j == wrongColumn ? (j + 1) % UNITS : j;
                String letter = CellRef.columnName(column);
                Cell cell = row.createCell(j);
                cell.setCellFormula("MMULT(X!$A" + (r + 1) + ":$C" + (r + 1) + ",W!" + letter + "$1:" + letter + "$3)");
                double sum = 0;
                for (int i = 0; i < INPUTS; i++) {
                    sum += x(r, i) * w(i, j);
                }
                cell.setCellValue(sum);
            }
        }
        return wb;
    }

    @Test
    void rightFormulasPassAndTheAuditLineSaysWhichWereEvaluated() throws IOException {
        try (XSSFWorkbook wb = workbook(-1)) {
            FormulaCheck.Result result = FormulaCheck.everyColumnOnce(wb);
            assertTrue(result.passes(1e-12), result.describe());
            assertEquals(UNITS, result.formulas(), "formulas evaluated: one per column");
            assertEquals(ROWS * UNITS, result.present(), "formulas present");
            assertEquals("4 of 20 formulas (every column of each sheet once, column c in the (c mod R)-th of the"
                    + " sheet's R formula rows) recomputed by Apache POI; largest relative deviation 0",
                    result.describe().replaceAll("deviation 0\\.00+", "deviation 0"), "Audit line");
        }
    }

    @ParameterizedTest(name = "wrong column {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void aWrongFormulaDownAColumnIsCaughtWhicheverColumn(int wrongColumn) throws IOException {
        try (XSSFWorkbook wb = workbook(wrongColumn)) {
            FormulaCheck.Result result = FormulaCheck.everyColumnOnce(wb);
            assertFalse(result.passes(1e-12), "planted in column " + wrongColumn + ": " + result.describe());
            // Column c is evaluated in the (c mod 5)-th row: L1_pre!A1, B2, C3, D4.
            String expected = "L1_pre!" + new CellRef(wrongColumn % ROWS, wrongColumn);
            assertEquals(expected, result.worstCell(), "the cell found wrong");
        }
    }

    @Test
    void theFullCheckEvaluatesEveryFormula() throws IOException {
        try (XSSFWorkbook wb = workbook(-1)) {
            FormulaCheck.Result result = FormulaCheck.run(wb);
            assertEquals(ROWS * UNITS, result.formulas(), "formulas evaluated");
            assertEquals("20 formulas recomputed by Apache POI; largest relative deviation 0",
                    result.describe().replaceAll("deviation 0\\.00+", "deviation 0"), "verify's line");
        }
    }

    @Test
    void aWrongFormulaInOneCellOutsideTheSampleIsOnlyCaughtByTheFullCheck() throws IOException {
        // The bound of the sample, stated: a cell that differs from the rest of its column in a row not
        // evaluated (L1_pre!A2: column A is evaluated in row 1) is not seen by it; verify's full check sees it.
        try (XSSFWorkbook wb = workbook(-1)) {
            wb.getSheet("L1_pre").getRow(1).getCell(0).setCellFormula("MMULT(X!$A2:$C2,W!B$1:B$3)");
            assertTrue(FormulaCheck.everyColumnOnce(wb).passes(1e-12), "the sample does not evaluate L1_pre!A2");
        }
        try (XSSFWorkbook wb = workbook(-1)) {
            wb.getSheet("L1_pre").getRow(1).getCell(0).setCellFormula("MMULT(X!$A2:$C2,W!B$1:B$3)");
            FormulaCheck.Result full = FormulaCheck.run(wb);
            assertFalse(full.passes(1e-12), full.describe());
            assertEquals("L1_pre!A2", full.worstCell(), "the cell found wrong by the full check");
        }
    }
}
