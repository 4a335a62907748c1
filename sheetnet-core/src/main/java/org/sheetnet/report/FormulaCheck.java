package org.sheetnet.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.sheetnet.sheet.SheetName;

/**
 * Recomputes every formula of a workbook with POI's evaluator and compares it with the value
 * stored as its cached result: the proof that the formulas sheetnet writes compute what it computed.
 *
 * <p>Each formula is judged on its own: sheets are checked in workbook order (L0_inputs, L1_pre,
 * L1_act, …, Predictions, the order in which they depend on each other), and once a sheet is checked
 * its formulas are replaced by their cached values, so that the next sheet's formulas read sheetnet's
 * values. Otherwise an ulp of difference between POI's EXP and Java's, amplified by a layer whose sum
 * cancels (the sine example's output sums terms of ±500 to 1e-8), would fail a correct formula.
 */
public final class FormulaCheck {

    /**
     * The outcome of a check.
     *
     * @param formulas      number of formula cells evaluated
     * @param worstDeviation largest |recomputed − cached| / max(|cached|, 1e-300)
     * @param worstCell     where it occurred, e.g. {@code L2_act!C7}, or empty when none
     * @param mismatch      the first cell whose text or error differs, or empty
     */
    public record Result(long formulas, double worstDeviation, String worstCell, String mismatch) {

        /** Whether every formula reproduces its cached value within the tolerance. */
        public boolean passes(double tolerance) {
            return mismatch.isEmpty() && worstDeviation <= tolerance;
        }

        /** One line for the Audit sheet. */
        public String describe() {
            if (!mismatch.isEmpty()) {
                return formulas + " formulas; " + mismatch;
            }
            return formulas + " formulas recomputed by Apache POI; largest relative deviation "
                    + String.format(java.util.Locale.ROOT, "%.3g", worstDeviation)
                    + (worstCell.isEmpty() ? "" : " at " + worstCell);
        }
    }

    private FormulaCheck() {
    }

    /**
     * Evaluates all formulas of a workbook held in memory (an XSSF workbook).
     *
     * @param workbook the workbook; modified: its formulas are replaced by their cached values as they are checked
     */
    public static Result run(Workbook workbook) {
        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        long count = 0;
        double worst = 0;
        String worstCell = "";
        for (Sheet sheet : workbook) {
            List<Cell> checked = new ArrayList<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() != CellType.FORMULA) {
                        continue;
                    }
                    count++;
                    checked.add(cell);
                    String where = SheetName.cell(sheet.getSheetName(),
                            new org.sheetnet.sheet.CellRef(cell.getRowIndex(), cell.getColumnIndex()));
                    CellValue v = evaluator.evaluate(cell);
                    if (cell.getCachedFormulaResultType() == CellType.STRING) {
                        if (v.getCellType() != CellType.STRING || !v.getStringValue().equals(cell.getStringCellValue())) {
                            return new Result(count, worst, worstCell, where + " gives " + v.formatAsString()
                                    + " instead of \"" + cell.getStringCellValue() + "\"");
                        }
                        continue;
                    }
                    if (v.getCellType() != CellType.NUMERIC) {
                        return new Result(count, worst, worstCell, where + " (" + cell.getCellFormula() + ") gives "
                                + v.formatAsString() + " instead of " + cell.getNumericCellValue());
                    }
                    double cached = cell.getNumericCellValue();
                    double deviation = Math.abs(v.getNumberValue() - cached) / Math.max(Math.abs(cached), 1e-300);
                    if (v.getNumberValue() == cached) {
                        deviation = 0;
                    }
                    if (deviation > worst) {
                        worst = deviation;
                        worstCell = where;
                    }
                }
            }
            checked.forEach(Cell::removeFormula);
            evaluator.clearAllCachedResultValues();
        }
        return new Result(count, worst, worstCell, "");
    }
}
