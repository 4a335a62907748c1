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
 * <p>{@link #run} evaluates every formula ({@code verify}). {@link #sample} evaluates a bounded,
 * stated sample ({@code score --formulas}, before writing): sheetnet writes the same formula down a
 * column, changing only the row, so one formula per column stands for the column. Of each sheet's
 * formula columns it takes all, or {@value #MAX_COLUMNS} evenly spread (the first and the last
 * included) when there are more; the k-th of them is evaluated in the (k mod R)-th of the sheet's R
 * formula rows, so that each sampled row is checked too. POI reads an MMULT over n cells through
 * its object model, about a microsecond a cell, so the check of an n_in × n_out layer reads at most
 * {@value #MAX_COLUMNS}·n_in weights, whatever n_out and the number of rows.
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

    /** Most formula columns of one sheet that {@link #sample} evaluates. */
    public static final int MAX_COLUMNS = 64;

    /** The words {@link Result#scope()} uses for {@link #sample}. */
    static final String SAMPLE = "one in each of up to " + MAX_COLUMNS + " columns of each sheet, all when fewer,"
            + " else evenly spread with the first and last; the k-th in the (k mod R)-th of the sheet's R formula rows";

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
     * Evaluates one formula in each of up to {@link #MAX_COLUMNS} columns of each sheet, the rows taking
     * turns (see the class comment).
     *
     * @param workbook the workbook; modified: its formulas are replaced by their cached values as they are checked
     */
    public static Result sample(Workbook workbook) {
        return check(workbook, true);
    }

    private static Result check(Workbook workbook, boolean sample) {
        FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
        Tally tally = new Tally();
        for (Sheet sheet : workbook) {
            List<Cell> formulas = formulaCells(sheet);
            tally.present += formulas.size();
            Sample chosen = sample ? Sample.of(formulas) : null;
            for (Cell cell : formulas) {
                if (chosen != null && !chosen.includes(cell)) {
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

    /** The formula cells of one sheet that {@link #sample} evaluates. */
    private record Sample(List<Integer> rows, java.util.Map<Integer, Integer> columns) {

        static Sample of(List<Cell> cells) {
            List<Integer> rows = new ArrayList<>();
            java.util.TreeSet<Integer> all = new java.util.TreeSet<>();
            for (Cell cell : cells) {
                // The cells come row by row, so a new row shows as a change.
                if (rows.isEmpty() || rows.get(rows.size() - 1) != cell.getRowIndex()) {
                    rows.add(cell.getRowIndex());
                }
                all.add(cell.getColumnIndex());
            }
            List<Integer> columns = new ArrayList<>(all);
            java.util.Map<Integer, Integer> chosen = new java.util.HashMap<>();
            int count = Math.min(columns.size(), MAX_COLUMNS);
            for (int k = 0; k < count; k++) {
                int at = count == 1 ? 0 : (int) Math.round((double) k * (columns.size() - 1) / (count - 1));
                chosen.put(columns.get(at), k);
            }
            return new Sample(rows, chosen);
        }

        // The k-th chosen column is evaluated in the (k mod R)-th formula row.
        boolean includes(Cell cell) {
            Integer k = columns.get(cell.getColumnIndex());
            return k != null && rows.indexOf(cell.getRowIndex()) == k % rows.size();
        }
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
            return sample ? new Result(count, worst, worstCell, mismatch, present, SAMPLE)
                    : new Result(count, worst, worstCell, mismatch);
        }
    }
}
