package org.sheetnet.sink;

import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * Number formats for the numbers a person reads (metrics, Audit values, the confusion matrix's
 * accuracy): whole numbers as they are, {@code 0.9867} rather than {@code 0.986666666666667}, and
 * {@code 5.492E-08} for what four decimals would show as zero. Only the display changes: the cell
 * keeps every bit of its double. The layer and prediction sheets keep Excel's General format.
 */
public final class NumberFormats {

    /** Whole numbers, with thousands grouped: {@code 1,048,575}. */
    static final String WHOLE = "#,##0";

    /** Four decimals, for values from 0.001 to a million. */
    static final String DECIMAL = "0.0000";

    /** Four significant digits in scientific notation, for the rest. */
    static final String SCIENTIFIC = "0.000E+00";

    private final CellStyle whole;
    private final CellStyle decimal;
    private final CellStyle scientific;

    /** The three styles, created in {@code workbook}. */
    public NumberFormats(Workbook workbook) {
        whole = style(workbook, WHOLE);
        decimal = style(workbook, DECIMAL);
        scientific = style(workbook, SCIENTIFIC);
    }

    /** The style that shows {@code value} readably. */
    public CellStyle styleFor(double value) {
        return switch (format(value)) {
            case WHOLE -> whole;
            case DECIMAL -> decimal;
            default -> scientific;
        };
    }

    /** The format that shows {@code value} readably: {@link #WHOLE}, {@link #DECIMAL} or {@link #SCIENTIFIC}. */
    static String format(double value) {
        double a = Math.abs(value);
        if (!Double.isFinite(value) || (value == Math.rint(value) && a < 1e15)) {
            return WHOLE;
        }
        return a >= 1e-3 && a < 1e6 ? DECIMAL : SCIENTIFIC;
    }

    /** About how many characters {@code value} takes shown in its format, for column widths. */
    static int shownLength(double value) {
        return switch (format(value)) {
            case WHOLE -> String.format(Locale.ROOT, "%,.0f", value).length();
            case DECIMAL -> String.format(Locale.ROOT, "%.4f", value).length();
            default -> String.format(Locale.ROOT, "%.3E", value).length();
        };
    }

    private static CellStyle style(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}
