package org.sheetnet.calc;

import com.sun.star.sheet.XCellRangeData;
import com.sun.star.uno.UnoRuntime;

/** Adds a Checks sheet to the open seed workbook (2 inputs x1, x2; outputs y1, y2). */
final class Checks {

    private Checks() {
    }

    /**
     * One check row: inputs (1, 0.5), with the outputs given as expected.
     * The article behind seed-2-3-2-2 prints Y = (0.31682708, 0.69627909) for these inputs.
     */
    static void add(Calc calc, double y1, double y2) throws Exception {
        DocumentSheets sheets = calc.sheets();
        calc.document().getSheets().insertNewByName("Checks", (short) sheets.sheetNames().size());
        UnoRuntime.queryInterface(XCellRangeData.class, sheets.sheet("Checks").getCellRangeByName("A1:D2"))
                .setDataArray(new Object[][] {{"x1", "x2", "expected:y1", "expected:y2"}, {1.0, 0.5, y1, y2}});
    }
}
