package org.sheetnet.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheetnet.input.InputRow;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.xlsx.SparseSheet;

/** A selected range's rows, with messages naming the cells where they are in the sheet. */
class RangeRowSourceTest {

    @Test
    void rowsAndPlacesAreThoseOfTheRange() {
        // The selection Data!C5:D7: header a, b; then (1, 2) and (3, 4); read with its first cell at A1.
        SparseSheet cells = new SparseSheet.Builder("My data").add(0, 0, "a").add(0, 1, "b").add(1, 0, 1.0)
                .add(1, 1, 2.0).add(2, 0, 3.0).add(2, 1, 4.0).build();
        RangeRowSource rows = new RangeRowSource(cells, "book.ods", new CellRef(4, 2), new CellRef(6, 3));
        assertEquals(List.of("a", "b"), rows.header(), "header");
        InputRow first = rows.next();
        assertEquals(List.of(1.0, 2.0), List.of(first.toArray()), "first row");
        assertEquals("book.ods: 'My data'!D6", rows.locate(first.line(), 1), "the cell of b in the first row");
        assertEquals("book.ods: 'My data' row 6", rows.locateRow(first.line()), "the first row");
        assertEquals("book.ods: 'My data'!C5:D7", rows.describe(), "for the Audit");
        rows.next();
        assertEquals(null, rows.next(), "after the last row");
    }
}
