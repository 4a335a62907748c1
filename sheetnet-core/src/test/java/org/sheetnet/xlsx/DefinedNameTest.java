package org.sheetnet.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheetnet.sheet.CellRange;
import org.sheetnet.sheet.CellRef;

/** Which defined names are one plain range of cells: only a sheet, '!', and one cell or two. */
class DefinedNameTest {

    private static CellRange range(String value) {
        return new DefinedName("n", null, value).range().orElseThrow(() -> new AssertionError(value));
    }

    @Test
    void plainRangesAreRead() {
        assertEquals(new CellRange("Params", new CellRef(1, 1), new CellRef(4, 3)), range("Params!$B$2:$D$5"), "absolute");
        assertEquals(new CellRange("Params", new CellRef(1, 1), new CellRef(4, 3)), range("Params!B2:D5"), "relative");
        assertEquals(new CellRange("My sheet", new CellRef(0, 0), new CellRef(0, 0)), range("'My sheet'!$A$1"), "one cell");
        assertEquals(new CellRange("O'Neil", new CellRef(0, 0), new CellRef(1, 1)), range("'O''Neil'!A1:B2"), "quote");
        assertEquals(new CellRange("Gewichte_ä", new CellRef(0, 0), new CellRef(1, 0)), range(" =Gewichte_ä!$A$1:$A$2 "),
                "a leading = and spaces");
    }

    @Test
    void anythingElseIsNotARange() {
        for (String v : List.of("Params!$B$2:$C$4,Params!$E$2:$E$3", "OFFSET(Params!$B$2,0,0,3,2)", "#REF!",
                "Params!#REF!", "0.5", "\"text\"", "Params!$B:$C", "Params!$2:$5", "[1]Params!$B$2:$C$4",
                "Params!$D$5:$B$2", "$B$2:$D$5", "Params!$B$2:$D$5 Params!$C$3", "Params!A0", "Params!$B$2+1",
                "Sheet1:Sheet3!$A$1")) {
            assertTrue(new DefinedName("n", null, v).range().isEmpty(), v);
        }
    }

    @Test
    void describesItsScope() {
        assertEquals("\"W\"", new DefinedName("W", null, "A!B2").describe(), "global");
        assertEquals("\"W\" (local to Params)", new DefinedName("W", "Params", "A!B2").describe(), "local");
    }
}
