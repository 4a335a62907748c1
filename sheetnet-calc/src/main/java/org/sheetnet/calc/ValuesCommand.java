package org.sheetnet.calc;

import com.sun.star.document.XUndoManager;
import com.sun.star.document.XUndoManagerSupplier;
import com.sun.star.sheet.CellFlags;
import com.sun.star.sheet.XArrayFormulaRange;
import com.sun.star.sheet.XCellRangeData;
import com.sun.star.sheet.XCellRangesQuery;
import com.sun.star.sheet.XSheetCellCursor;
import com.sun.star.sheet.XSheetCellRange;
import com.sun.star.sheet.XSheetCellRanges;
import com.sun.star.sheet.XSpreadsheet;
import com.sun.star.table.CellRangeAddress;
import com.sun.star.table.XCell;
import com.sun.star.table.XCellRange;
import java.util.Locale;

/**
 * sheetnet ▸ Replace sheetnet functions by values: every cell whose formula calls SHEETNET.PREDICT or
 * SHEETNET.ACT keeps its current value and loses the formula (a whole array at once), so the document
 * can be saved for Excel, which does not know these functions. One undo step.
 */
final class ValuesCommand {

    private ValuesCommand() {
    }

    static Outcome run(OpenDocument doc) {
        XUndoManager undo = Uno.as(XUndoManagerSupplier.class, doc.document()).getUndoManager();
        undo.enterUndoContext("sheetnet: Replace functions by values");
        int cells = 0;
        try {
            for (String name : doc.sheets().sheetNames()) {
                cells += replace(doc.sheets().sheet(name));
            }
        } finally {
            try {
                undo.leaveUndoContext();
            } catch (com.sun.star.util.InvalidStateException e) {
                throw new IllegalStateException("the undo step was not open", e);
            }
        }
        return Outcome.done(cells == 0 ? "No cell calls a sheetnet function; nothing was changed."
                : String.format(Locale.ROOT, "%,d cells now hold the values of their sheetnet functions.", cells));
    }

    private static int replace(XSpreadsheet sheet) {
        XSheetCellRanges formulas = Uno.as(XCellRangesQuery.class, sheet).queryContentCells((short) CellFlags.FORMULA);
        int replaced = 0;
        for (CellRangeAddress a : formulas.getRangeAddresses()) {
            for (int r = a.StartRow; r <= a.EndRow; r++) {
                for (int c = a.StartColumn; c <= a.EndColumn; c++) {
                    replaced += replaceCell(sheet, r, c);
                }
            }
        }
        return replaced;
    }

    // One cell, or the whole array formula it belongs to; 0 when it calls no sheetnet function.
    private static int replaceCell(XSpreadsheet sheet, int row, int col) {
        try {
            XCell cell = sheet.getCellByPosition(col, row);
            if (!callsSheetnet(cell.getFormula())) {
                return 0;
            }
            XCellRange range = sheet.getCellRangeByPosition(col, row, col, row);
            XSheetCellCursor cursor = sheet.createCursorByRange(Uno.as(XSheetCellRange.class, range));
            try {
                cursor.collapseToCurrentArray();
                range = cursor;
            } catch (com.sun.star.uno.RuntimeException notAnArray) {
                // A single formula cell: range stays that cell.
            }
            XCellRangeData data = Uno.as(XCellRangeData.class, range);
            Object[][] values = data.getDataArray();
            XArrayFormulaRange array = Uno.as(XArrayFormulaRange.class, range);
            if (!array.getArrayFormula().isEmpty()) {
                array.setArrayFormula("");
            }
            data.setDataArray(values);
            return values.length * values[0].length;
        } catch (com.sun.star.lang.IndexOutOfBoundsException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean callsSheetnet(String formula) {
        String f = formula.toUpperCase(Locale.ROOT);
        return f.contains("SHEETNET.PREDICT") || f.contains("SHEETNET.ACT") || f.contains("ORG.SHEETNET.CALC.");
    }
}
