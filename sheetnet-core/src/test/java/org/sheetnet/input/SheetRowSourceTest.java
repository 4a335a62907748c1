package org.sheetnet.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheetnet.sheet.CellValues.ErrorValue;
import org.sheetnet.xlsx.SparseSheet;

/** Rows of a sheet held in memory: numbers come through unboxed and bit for bit, other cells as they are. */
class SheetRowSourceTest {

    @Test
    void readsNumbersAndOtherCellsUnderTheHeader() {
        SparseSheet sheet = new SparseSheet.Builder("Data")
                .add(0, 0, "id").add(0, 1, "x").add(0, 2, "note")
                .add(1, 0, "r1").addNumber(1, 1, -0.0).add(1, 2, new ErrorValue("#N/A")).add(1, 5, "beyond the header")
                .add(3, 0, "r3").add(3, 1, 4.9e-324).add(3, 2, true)
                .build();
        try (SheetRowSource rows = new SheetRowSource(sheet, "book.xlsx")) {
            assertEquals(List.of("id", "x", "note"), rows.header(), "header");
            InputRow first = rows.next();
            assertEquals(2, first.line(), "row 2's line");
            assertEquals("r1", first.value(0), "A2");
            assertTrue(first.isNumber(1), "B2 is a number");
            assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(first.number(1)), "B2 is -0.0");
            assertEquals(new ErrorValue("#N/A"), first.value(2), "C2");
            assertEquals(3, first.size(), "cells beyond the header are left out");
            InputRow second = rows.next();
            assertEquals(4, second.line(), "row 3 is blank and skipped");
            assertEquals(4.9e-324, second.number(1), "B4, a subnormal");
            assertFalse(second.isNumber(2), "C4 is a logical value");
            assertEquals(Boolean.TRUE, second.value(2), "C4");
            assertNull(rows.next(), "no more rows");
            assertEquals(1, rows.skippedBlankRows(), "blank rows skipped");
        }
    }

    @Test
    void aWideSheetOfNumbersKeepsEveryNumber() {
        int width = 300;
        SparseSheet.Builder b = new SparseSheet.Builder("Wide");
        for (int c = 0; c < width; c++) {
            b.add(0, c, "x" + c);
        }
        for (int c = 0; c < width; c++) {
            b.addNumber(1, c, c * 0.5 - 7);
        }
        try (SheetRowSource rows = new SheetRowSource(b.build(), "wide.xlsx")) {
            InputRow row = rows.next();
            for (int c = 0; c < width; c++) {
                assertEquals(c * 0.5 - 7, row.number(c), "column " + c);
            }
        }
    }
}
