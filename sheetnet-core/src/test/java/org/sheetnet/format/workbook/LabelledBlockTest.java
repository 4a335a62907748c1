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
    void refusesARangeReachingPastTheDataBeforeReadingIt() {
        SparseSheet s = sheet(new Object[][] {{1, 2}, {3, 4}});
        CellRange huge = CellRange.parse("W1!A1:XFD1048576").orElseThrow();
        SheetnetException e = assertThrows(SheetnetException.class, () -> LabelledBlock.read(s, huge, "m.xlsx"));
        assertTrue(e.getMessage().contains("'W1'!A1:XFD1048576 reaches past the last filled cell of its sheet (B2)"),
                e.getMessage());
    }
}
