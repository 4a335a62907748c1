package org.sheetnet.format.workbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheetnet.SheetnetException;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.sheet.CellRange;

class LabelledBlockTest {

    private static SparseSheet sheet(Object[][] cells) {
        SparseSheet.Builder s = new SparseSheet.Builder("W1");
        for (int i = 0; i < cells.length; i++) {
            for (int j = 0; j < cells[i].length; j++) {
                s.add(i, j, cells[i][j] instanceof Number n ? (Object) n.doubleValue() : cells[i][j]);
            }
        }
        return s.build();
    }

    @Test
    void detectsHeaderAndNamesAndReadsTheNumbers() {
        SparseSheet s = sheet(new Object[][] {{null, "u", "v"}, {"a", 1, 2}, {"b", 3, 4}});
        LabelledBlock b = LabelledBlock.read(s, null, "m.xlsx");
        assertEquals(List.of("u", "v"), b.colNames());
        assertEquals(List.of("a", "b"), b.rowNames());
        assertArrayEquals(new double[] {1, 2, 3, 4}, b.values(), 0.0);
        assertEquals("'W1'!B2:C3", b.range().toString());
    }

    @Test
    void aRangeInsideTheSheetReadsOnlyItsCellsWhateverStandsBesideThem() {
        // Cells left, right, above and below the range; inside it, numbers stored as text among numbers.
        SparseSheet s = sheet(new Object[][] {
                {9, 9, 9, 9, 9, 9},
                {9, 1, "2", 3, 4, 9},
                {9, 5, 6, " 7 ", "8", 9},
                {9, 9, 9, 9, 9, 9}});
        org.sheetnet.input.TextNumbers tally = new org.sheetnet.input.TextNumbers();
        LabelledBlock b = LabelledBlock.read(s, CellRange.parse("W1!B2:E3").orElseThrow(), "m.xlsx", tally);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, b.values(), 0.0);
        assertEquals(3, tally.count(), "2, 7 and 8 were text");
        assertEquals("m.xlsx: 'W1'!C2", tally.first());
        SparseSheet gap = sheet(new Object[][] {{1, 2, 3}, {4, 5, 6}, {7, true, 9}});
        SheetnetException e = assertThrows(SheetnetException.class, () -> LabelledBlock.read(gap, null, "m.xlsx"));
        assertEquals("m.xlsx: 'W1'!B3: expected a number, found the logical value TRUE", e.getMessage());
    }

    @Test
    void refusesARangeReachingPastTheDataBeforeReadingIt() {
        SparseSheet s = sheet(new Object[][] {{1, 2}, {3, 4}});
        CellRange huge = CellRange.parse("W1!A1:XFD1048576").orElseThrow();
        SheetnetException e = assertThrows(SheetnetException.class, () -> LabelledBlock.read(s, huge, "m.xlsx"));
        assertTrue(e.getMessage().contains("'W1'!A1:XFD1048576 reaches past the last filled cell of its sheet (B2)"),
                e.getMessage());
    }
    @Test
    void numbersStoredAsTextAreReadAndCountedWhenAllowed() {
        SparseSheet s = sheet(new Object[][] {{"input", "u", "v"}, {"a", "1", 2}, {"b", " 3 ", "4e0"}});
        org.sheetnet.input.TextNumbers tally = new org.sheetnet.input.TextNumbers();
        LabelledBlock b = LabelledBlock.read(s, null, "m.xlsx", tally);
        assertArrayEquals(new double[] {1, 2, 3, 4}, b.values(), "values");
        assertEquals(List.of("u", "v"), b.colNames(), "header kept");
        assertEquals(3, tally.count(), "three text numbers");
        assertEquals("m.xlsx: 'W1'!B2", tally.first(), "first");
        SheetnetException e = assertThrows(SheetnetException.class, () -> LabelledBlock.read(s, null, "m.xlsx"));
        assertEquals("m.xlsx: 'W1'!B2: expected a number, found text \"1\"", e.getMessage(), "refused without a tally");
    }

    @Test
    void aBlockAllOfTextTakesItsNumericTextForNumbers() {
        // An import that left everything text: the first row and column are numbers, not labels.
        SparseSheet s = sheet(new Object[][] {{"0.1", "0.2"}, {"0.3", "0.4"}});
        LabelledBlock b = LabelledBlock.read(s, null, "m.xlsx", new org.sheetnet.input.TextNumbers());
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, b.values(), "2x2 of text");
        assertEquals(List.of(), b.colNames(), "no header");
        assertEquals(List.of(), b.rowNames(), "no names");
        SparseSheet bias = sheet(new Object[][] {{"0.1", "0.2", "0.3"}});
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, LabelledBlock.read(bias, null, "m.xlsx",
                new org.sheetnet.input.TextNumbers()).values(), "a bias row of text");
        SparseSheet named = sheet(new Object[][] {{"y"}, {"0.5"}});
        LabelledBlock column = LabelledBlock.read(named, null, "m.xlsx", new org.sheetnet.input.TextNumbers());
        assertEquals(List.of("y"), column.colNames(), "a bias column's text header");
        assertArrayEquals(new double[] {0.5}, column.values(), "under it, text 0.5");
    }

    @Test
    void numericTextAboveRealNumbersStaysAHeader() {
        // Units named 1, 2 over real numbers: the writer told labels from numbers, so they stay names.
        SparseSheet s = sheet(new Object[][] {{"1", "2"}, {0.1, 0.2}, {0.3, 0.4}});
        LabelledBlock b = LabelledBlock.read(s, null, "m.xlsx", new org.sheetnet.input.TextNumbers());
        assertEquals(List.of("1", "2"), b.colNames(), "header");
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4}, b.values(), "values");
    }
}
