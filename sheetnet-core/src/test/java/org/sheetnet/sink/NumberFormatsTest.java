package org.sheetnet.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.sheetnet.Plural;

/** The display formats of numbers a person reads, the widths that fit them, and counts with their nouns. */
class NumberFormatsTest {

    @Test
    void eachMagnitudeGetsAReadableFormat() {
        assertEquals(NumberFormats.WHOLE, NumberFormats.format(150), "a count");
        assertEquals(NumberFormats.WHOLE, NumberFormats.format(-3), "a negative whole number");
        assertEquals(NumberFormats.DECIMAL, NumberFormats.format(0.986666666666667), "an accuracy");
        assertEquals(NumberFormats.DECIMAL, NumberFormats.format(-0.001), "the smallest decimal shown");
        assertEquals(NumberFormats.SCIENTIFIC, NumberFormats.format(0.000999), "below a thousandth");
        assertEquals(NumberFormats.SCIENTIFIC, NumberFormats.format(5.4915552444301256e-08), "an MAE near zero");
        assertEquals(NumberFormats.SCIENTIFIC, NumberFormats.format(1234567.5), "a million and more, not whole");
        // As Excel shows them: "0.9867", "5.492E-08", "1,048,575".
        assertEquals(6, NumberFormats.shownLength(0.986666666666667), "0.9867");
        assertEquals(9, NumberFormats.shownLength(5.4915552444301256e-08), "5.492E-08");
        assertEquals(9, NumberFormats.shownLength(1_048_575), "1,048,575");
    }

    @Test
    void columnsWidenToTheirLongestTextUpToTheCap() {
        ColumnFit fit = new ColumnFit();
        fit.see(0, 4);
        fit.see(1, 19);
        fit.see(2, 500);
        fit.see(40, 12);
        assertEquals(0, fit.width(0), "4 characters fit Excel's default width");
        assertEquals(21, fit.width(1), "19 characters and a margin of 2");
        assertEquals(ColumnFit.MAX_WIDTH, fit.width(2), "a long text runs on past the cap");
        assertEquals(14, fit.width(40), "a column far right");
        assertEquals("<cols><col min=\"2\" max=\"2\" width=\"21\" customWidth=\"1\"/><col min=\"3\" max=\"3\" width=\"70\""
                + " customWidth=\"1\"/><col min=\"41\" max=\"41\" width=\"14\" customWidth=\"1\"/></cols>",
                fit.colsElement(), "the <cols> element");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet sheet = wb.createSheet("s");
            fit.applyTo(sheet);
            assertEquals(21 * 256, sheet.getColumnWidth(1), "POI width of column B, in 1/256 characters");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void countsTakeTheirNounInTheSingularForOne() {
        assertEquals("1 row", Plural.of(1, "row"), "one");
        assertEquals("0 rows", Plural.of(0, "row"), "none");
        assertEquals("2 layers", Plural.of(2, "layer"), "two");
        assertEquals("12,345 rows", Plural.of(12_345, "row"), "grouped by thousands");
    }
}
