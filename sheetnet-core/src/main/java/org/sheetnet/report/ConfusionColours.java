package org.sheetnet.report;

import java.util.Locale;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFontFormatting;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.sheetnet.sheet.CellRef;

/**
 * A confusion matrix's counts shaded from white (the smallest) to navy (the largest), with the digits
 * turning white where the fill is dark, so that the diagonal of a good classifier stays readable.
 * Colours are written as ARGB, as the schema asks (ST_UnsignedIntHex, 8 digits).
 */
final class ConfusionColours {

    /** Opaque white, ARGB. */
    static final byte[] WHITE = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

    /** Opaque navy (1F4E79), ARGB: the largest count. */
    static final byte[] NAVY = {(byte) 0xFF, (byte) 0x1F, (byte) 0x4E, (byte) 0x79};

    /**
     * Where on the scale (0 = white, 1 = navy) the digits turn white. Interpolated in sRGB, the fill's
     * relative luminance at 0.75 is about 0.18: black digits have a contrast of 4.7:1 just below it and
     * white ones 4.5:1 just above, rising to 8.6:1 on navy; both sides meet WCAG's 4.5:1.
     */
    static final double WHITE_DIGITS_FROM = 0.75;

    private ConfusionColours() {
    }

    /**
     * Shades a square block of counts.
     *
     * @param sheet the sheet holding the matrix
     * @param first the top-left count, C[0][0]
     * @param k     number of classes: the block is k × k
     */
    static void shade(XSSFSheet sheet, CellRef first, int k) {
        CellRangeAddress block = new CellRangeAddress(first.row(), first.row() + k - 1, first.col(), first.col() + k - 1);
        SheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        formatting.addConditionalFormatting(new CellRangeAddress[] {block}, scale(formatting),
                whiteDigits(formatting, first, k));
    }

    private static ConditionalFormattingRule scale(SheetConditionalFormatting formatting) {
        ConditionalFormattingRule rule = formatting.createConditionalFormattingColorScaleRule();
        ColorScaleFormatting scale = rule.getColorScaleFormatting();
        scale.setNumControlPoints(2);
        scale.getThresholds()[0].setRangeType(RangeType.MIN);
        scale.getThresholds()[1].setRangeType(RangeType.MAX);
        scale.getThresholds()[1].setValue(null);
        scale.setColors(new org.apache.poi.ss.usermodel.Color[] {new XSSFColor(WHITE, null), new XSSFColor(NAVY, null)});
        return rule;
    }

    // A formula relative to the block's top-left cell, as conditional formats are; no white digits when all
    // counts are equal (the whole block is then drawn in one colour, white in Excel).
    private static ConditionalFormattingRule whiteDigits(SheetConditionalFormatting formatting, CellRef first, int k) {
        String block = first.absolute() + ":" + first.offset(k - 1, k - 1).absolute();
        String min = "MIN(" + block + ")";
        String max = "MAX(" + block + ")";
        ConditionalFormattingRule rule = formatting.createConditionalFormattingRule(String.format(Locale.ROOT,
                "AND(%s>%s,%s>=%s+%s*(%s-%s))", max, min, first, min, WHITE_DIGITS_FROM, max, min));
        XSSFFontFormatting font = (XSSFFontFormatting) rule.createFontFormatting();
        // Indexed white (9): a dxf font colour given as RGB loses its alpha in POI, and the schema wants ARGB.
        font.setFontColorIndex(IndexedColors.WHITE.getIndex());
        font.setFontStyle(false, true);
        return rule;
    }
}
