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
 * Recomputes formulas of a workbook with POI's evaluator and compares each with the value stored
 * as its cached result: the proof that the formulas sheetnet writes compute what it computed.
 *
 * <p>Each formula is judged on its own: sheets are checked in workbook order (L0_inputs, L1_pre,
 * L1_act, …, Predictions, the order in which they depend on each other), and once a sheet is checked
 * its formulas are replaced by their cached values, so that the next sheet's formulas read sheetnet's
 * values. Otherwise an ulp of difference between POI's EXP and Java's, amplified by a layer whose sum
 * cancels (the sine example's output sums terms of ±500 to 1e-8), would fail a correct formula.
 *
 * <p>{@link #run} evaluates every formula ({@code verify}). {@link #everyColumnOnce} evaluates one
 * formula per column of each sheet ({@code score --formulas}, before writing): sheetnet writes the
 * same formula down a column, changing only the row, so each unit's formula is evaluated once
 * whatever the number of rows, and the rows take turns (column c in the sheet's (c mod R)-th formula
 * row of R), so that each sampled row is checked too. POI evaluates an MMULT over n cells in time
 * proportional to n, so the check of a layer costs n_in·n_out cell reads once, not once per row.
 */
public final class FormulaCheck {

    /**
     * The outcome of a check.
     *
     * @param formulas       number of formula cells evaluated
     * @param worstDeviation largest |recomputed − cached| / max(|cached|, 1e-300)
     * @param worstCell      where it occurred, e.g. {@code L2_act!C7}, or empty when none
     * @param mismatch       the first cell whose text or error differs, or empty
     * @param present        number of formula cells in the checked sheets, evaluated or not
     * @param scope          which of them were evaluated, in words, or empty when all were
     */
    public record Result(long formulas, double worstDeviation, String worstCell, String mismatch, long present,
            String scope) {

        /** The outcome of a check that evaluated every formula. */
        public Result(long formulas, double worstDeviation, String worstCell, String mismatch) {
            this(formulas, worstDeviation, worstCell, mismatch, formulas, "");
        }

        /** Whether every formula reproduces its cached value within the tolerance. */
        public boolean passes(double tolerance) {
            return mismatch.isEmpty() && worstDeviation <= tolerance;
        }

        /** One line for the Audit sheet. */
        public String describe() {
            String evaluated = scope.isEmpty() ? formulas + " formulas" : formulas + " of " + present + " formulas ("
                    + scope + ")";
            if (!mismatch.isEmpty()) {
                return evaluated + "; " + mismatch;
            }
            return evaluated + " recomputed by Apache POI; largest relative deviation "
                    + String.format(java.util.Locale.ROOT, "%.3g", worstDeviation)
                    + (worstCell.isEmpty() ? "" : " at " + worstCell);
        }
    }

    /** The words {@link Result#scope()} uses for {@link #everyColumnOnce}. */
    static final String EVERY_COLUMN_ONCE = "every column of each sheet once, column c in the (c mod R)-th of the"
            + " sheet's R formula rows";

    private FormulaCheck() {
    }

    /**
     * Evaluates all formulas of a workbook held in memory (an XSSF workbook).
     *
     * @param workbook the workbook; modified: its formulas are replaced by their cached values as they are checked
     */
    public static Result run(Workbook workbook) {
        return check(workbook, false);
    }

    /**
     * Evaluates one formula per column of each sheet, the rows taking turns (see the class comment).
     *
     * @param workbook the workbook; modified: its formulas are replaced by their cached values as they are checked
     */
    public static Result everyColumnOnce(Workbook workbook) {
        return check(workbook, true);
    }

    private static Result check(Workbook workbook, boolean sample) {
        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        Tally tally = new Tally();
        for (Sheet sheet : workbook) {
            List<Cell> formulas = formulaCells(sheet);
            tally.present += formulas.size();
            List<Integer> rows = sample ? formulaRows(formulas) : List.of();
            for (Cell cell : formulas) {
                if (sample && rows.indexOf(cell.getRowIndex()) != cell.getColumnIndex() % rows.size()) {
                    continue;
                }
                String mismatch = tally.compare(sheet.getSheetName(), cell, evaluator.evaluate(cell));
                if (!mismatch.isEmpty()) {
                    return tally.result(mismatch, sample);
                }
            }
            formulas.forEach(Cell::removeFormula);
            evaluator.clearAllCachedResultValues();
        }
        return tally.result("", sample);
    }

    private static List<Cell> formulaCells(Sheet sheet) {
        List<Cell> cells = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.FORMULA) {
                    cells.add(cell);
                }
            }
        }
        return cells;
    }

    // The distinct rows holding formulas, in order (the cells come row by row).
    private static List<Integer> formulaRows(List<Cell> cells) {
        List<Integer> rows = new ArrayList<>();
        for (Cell cell : cells) {
            if (rows.isEmpty() || rows.get(rows.size() - 1) != cell.getRowIndex()) {
                rows.add(cell.getRowIndex());
            }
        }
        return rows;
    }

    /** What has been evaluated so far. */
    private static final class Tally {
        private long count;
        private long present;
        private double worst;
        private String worstCell = "";

        // Compares one evaluated formula with its cached value: a mismatch in words, or empty.
        String compare(String sheetName, Cell cell, CellValue v) {
            count++;
            String where = SheetName.cell(sheetName, new org.sheetnet.sheet.CellRef(cell.getRowIndex(),
                    cell.getColumnIndex()));
            if (cell.getCachedFormulaResultType() == CellType.STRING) {
                if (v.getCellType() != CellType.STRING || !v.getStringValue().equals(cell.getStringCellValue())) {
                    return where + " gives " + v.formatAsString() + " instead of \"" + cell.getStringCellValue() + "\"";
                }
                return "";
            }
            if (v.getCellType() != CellType.NUMERIC) {
                return where + " (" + cell.getCellFormula() + ") gives " + v.formatAsString() + " instead of "
                        + cell.getNumericCellValue();
            }
            double cached = cell.getNumericCellValue();
            double deviation = v.getNumberValue() == cached ? 0
                    : Math.abs(v.getNumberValue() - cached) / Math.max(Math.abs(cached), 1e-300);
            if (deviation > worst) {
                worst = deviation;
                worstCell = where;
            }
            return "";
        }

        Result result(String mismatch, boolean sample) {
            return sample ? new Result(count, worst, worstCell, mismatch, present, EVERY_COLUMN_ONCE)
                    : new Result(count, worst, worstCell, mismatch);
        }
    }
}
