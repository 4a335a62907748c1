package org.sheetnet.sheet;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * Reads cells into plain values: {@link Double}, {@link String} (never empty), {@link Boolean},
 * {@link ErrorValue}, or {@code null} for a blank cell. Formula cells give their cached result,
 * so the model workbook is read exactly as Excel last showed it.
 */
public final class CellValues {

    /** The most characters an Excel cell holds. */
    public static final int MAX_TEXT_LENGTH = 32_767;

    /** An Excel error such as {@code #DIV/0!}. */
    public record ErrorValue(String code) {

        // The error values of ECMA-376 (Part 1, 18.17.3), which every Excel since 2010 reads in an error cell.
        private static final java.util.Set<String> STANDARD = java.util.Set.of("#NULL!", "#DIV/0!", "#VALUE!", "#REF!",
                "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA");

        /**
         * Whether an output workbook can hold it as an error cell: a standard code. Anything else in an
         * error cell (a damaged or hand-made file) is written, and hashed, as the text it is.
         */
        public boolean standard() {
            return STANDARD.contains(code);
        }
    }

    private CellValues() {
    }

    /** The value of a cell; {@code null} for a missing or blank cell or empty text. */
    public static Object of(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        switch (type) {
            case NUMERIC:
                return cell.getNumericCellValue();
            case STRING:
                String s = cell.getStringCellValue();
                return s == null || s.isBlank() ? null : s.trim();
            case BOOLEAN:
                return cell.getBooleanCellValue();
            case ERROR:
                return new ErrorValue(FormulaError.forInt(cell.getErrorCellValue()).getString());
            default:
                return null;
        }
    }

    /** How a value reads in an error message: {@code text "n/a"}, {@code an empty cell}. */
    public static String describe(Object value) {
        if (value == null) {
            return "an empty cell";
        }
        if (value instanceof String s) {
            return "text \"" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "\"";
        }
        if (value instanceof ErrorValue e) {
            return "the error " + e.code();
        }
        if (value instanceof Boolean b) {
            return "the logical value " + (b ? "TRUE" : "FALSE");
        }
        return "the number " + value;
    }
}
