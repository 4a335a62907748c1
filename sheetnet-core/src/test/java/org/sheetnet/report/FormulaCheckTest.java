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
    private static final int ROWS = 5;

    private static double w(int i, int j) {
        return 0.25 * (i + 1) - 0.5 * j;
    }

    private static double x(int r, int i) {
        return r + 0.125 * i + 1;
    }

    private static XSSFWorkbook workbook(int wrongColumn) {
        return workbook(4, wrongColumn);
    }

    /** The workbook, each L1_pre cell in column {@code wrongColumn} reading column {@code wrongColumn + 1} of W. */
    private static XSSFWorkbook workbook(int units, int wrongColumn) {
        XSSFWorkbook wb = new XSSFWorkbook();
        Sheet w = wb.createSheet("W");
        for (int i = 0; i < INPUTS; i++) {
            Row row = w.createRow(i);
            for (int j = 0; j < units; j++) {
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
            for (int j = 0; j < units; j++) {
                int column = j == wrongColumn ? (j + 1) % units : j;
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
            FormulaCheck.Result result = FormulaCheck.sample(wb);
            assertTrue(result.passes(1e-12), result.describe());
            assertEquals(4, result.formulas(), "formulas evaluated: one per column");
            assertEquals(ROWS * 4, result.present(), "formulas present");
            assertEquals("4 of 20 formulas (one in each of up to 64 columns of each sheet, all when fewer, else evenly"
                    + " spread with the first and last; the k-th in the (k mod R)-th of the sheet's R formula rows)"
                    + " recomputed by Apache POI; largest relative deviation 0",
                    result.describe().replaceAll("deviation 0\\.00+", "deviation 0"), "Audit line");
        }
    }

    @ParameterizedTest(name = "wrong column {0}")
    @ValueSource(ints = {0, 1, 2, 3})
    void aWrongFormulaDownAColumnIsCaughtWhicheverColumn(int wrongColumn) throws IOException {
        try (XSSFWorkbook wb = workbook(wrongColumn)) {
            FormulaCheck.Result result = FormulaCheck.sample(wb);
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
            assertEquals(ROWS * 4, result.formulas(), "formulas evaluated");
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
            assertTrue(FormulaCheck.sample(wb).passes(1e-12), "the sample does not evaluate L1_pre!A2");
        }
        try (XSSFWorkbook wb = workbook(-1)) {
            wb.getSheet("L1_pre").getRow(1).getCell(0).setCellFormula("MMULT(X!$A2:$C2,W!B$1:B$3)");
            FormulaCheck.Result full = FormulaCheck.run(wb);
            assertFalse(full.passes(1e-12), full.describe());
            assertEquals("L1_pre!A2", full.worstCell(), "the cell found wrong by the full check");
        }
    }

    @ParameterizedTest(name = "wrong column {0} of 150")
    @ValueSource(ints = {0, 2, 73, 147, 149})
    void ofAWideSheet64ColumnsAreEvaluatedAndAWrongOneAmongThemIsCaught(int wrongColumn) throws IOException {
        // Of 150 columns the k-th sampled is round(k·149/63): 0, 2, 5, …, 73 (k = 31), …, 147, 149.
        try (XSSFWorkbook wb = workbook(150, wrongColumn)) {
            FormulaCheck.Result result = FormulaCheck.sample(wb);
            assertEquals(FormulaCheck.MAX_COLUMNS, result.formulas(), "formulas evaluated");
            assertEquals(ROWS * 150, result.present(), "formulas present");
            assertFalse(result.passes(1e-12), "planted in column " + wrongColumn + ": " + result.describe());
            int k = (int) Math.round(wrongColumn * 63.0 / 149);
            assertEquals("L1_pre!" + new CellRef(k % ROWS, wrongColumn), result.worstCell(), "the cell found wrong");
        }
    }

    @Test
    void aWrongColumnOutsideTheSampleOfAWideSheetIsOnlyCaughtByTheFullCheck() throws IOException {
        // The bound, stated: column 1 of 150 is not among the 64 sampled (0, 2, 5, …).
        try (XSSFWorkbook wb = workbook(150, 1)) {
            assertTrue(FormulaCheck.sample(wb).passes(1e-12), "the sample does not evaluate column B");
        }
        try (XSSFWorkbook wb = workbook(150, 1)) {
            assertFalse(FormulaCheck.run(wb).passes(1e-12), "the full check evaluates column B");
        }
    }
}
