package org.sheetnet.calc;

import com.sun.star.container.NoSuchElementException;
import com.sun.star.lang.IndexOutOfBoundsException;
import com.sun.star.lang.WrappedTargetException;
import com.sun.star.sheet.FormulaResult;
import com.sun.star.sheet.XCellRangeAddressable;
import com.sun.star.sheet.XCellRangeData;
import com.sun.star.sheet.XCellRangesQuery;
import com.sun.star.sheet.XSheetCellCursor;
import com.sun.star.sheet.XSheetCellRanges;
import com.sun.star.sheet.XSpreadsheet;
import com.sun.star.sheet.XSpreadsheetDocument;
import com.sun.star.sheet.XUsedAreaCursor;
import com.sun.star.table.CellRangeAddress;
import com.sun.star.table.XCellRange;
import com.sun.star.text.XText;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sheetnet.format.workbook.SheetLookup;
import org.sheetnet.sheet.CellValues;
import org.sheetnet.xlsx.SparseSheet;

/**
 * The sheets of an open Calc document as the library reads them: each cell's value as
 * {@link CellValues} gives it from a file (a number, trimmed text, an error), formulas as their
 * current results.
 */
final class DocumentSheets implements SheetLookup {

    private final XSpreadsheetDocument document;

    DocumentSheets(XSpreadsheetDocument document) {
        this.document = document;
    }

    @Override
    public List<String> sheetNames() {
        return List.of(document.getSheets().getElementNames());
    }

    @Override
    public Optional<SparseSheet> find(String name) {
        return findName(name).map(n -> read(n, usedArea(n), false));
    }

    /** The document's name for a sheet (exact, then ignoring case). */
    Optional<String> findName(String name) {
        List<String> names = sheetNames();
        return names.contains(name) ? Optional.of(name)
                : names.stream().filter(n -> n.equalsIgnoreCase(name)).findFirst();
    }

    /** The sheet of that exact name. */
    XSpreadsheet sheet(String name) {
        try {
            return Uno.as(XSpreadsheet.class, document.getSheets().getByName(name));
        } catch (NoSuchElementException | WrappedTargetException e) {
            throw new IllegalStateException("no sheet " + name, e);
        }
    }

    /** A sheet's area from A1 to its last used row and column. */
    CellRangeAddress usedArea(String name) {
        XSpreadsheet sheet = sheet(name);
        XSheetCellCursor cursor = sheet.createCursor();
        Uno.as(XUsedAreaCursor.class, cursor).gotoEndOfUsedArea(false);
        CellRangeAddress end = Uno.as(XCellRangeAddressable.class, cursor).getRangeAddress();
        return new CellRangeAddress(end.Sheet, 0, 0, end.EndColumn, end.EndRow);
    }

    /** The values of a range as {@code getDataArray} gives them: Double, or String ("" for blank). */
    Object[][] data(String sheet, CellRangeAddress area) {
        return Uno.as(XCellRangeData.class, range(sheet, area)).getDataArray();
    }

    XCellRange range(String sheet, CellRangeAddress area) {
        try {
            return sheet(sheet).getCellRangeByPosition(area.StartColumn, area.StartRow, area.EndColumn, area.EndRow);
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a range's cells.
     *
     * @param name     the sheet
     * @param area     the cells to read
     * @param toOrigin whether the range's first cell becomes A1 of the result (for a selection of inputs)
     */
    SparseSheet read(String name, CellRangeAddress area, boolean toOrigin) {
        Object[][] data = data(name, area);
        errors(name, area, data);
        int row0 = toOrigin ? 0 : area.StartRow;
        int col0 = toOrigin ? 0 : area.StartColumn;
        SparseSheet.Builder b = new SparseSheet.Builder(name);
        for (int r = 0; r < data.length; r++) {
            for (int c = 0; c < data[r].length; c++) {
                b.add(row0 + r, col0 + c, value(data[r][c]));
            }
        }
        return b.build();
    }

    // getDataArray gives an error cell's result as a number or nothing; the library wants it as an error.
    private void errors(String name, CellRangeAddress area, Object[][] data) {
        XCellRange range = range(name, area);
        XSheetCellRanges errors = Uno.as(XCellRangesQuery.class, range).queryFormulaCells(FormulaResult.ERROR);
        for (CellRangeAddress a : errors.getRangeAddresses()) {
            for (int r = a.StartRow; r <= a.EndRow; r++) {
                for (int c = a.StartColumn; c <= a.EndColumn; c++) {
                    data[r - area.StartRow][c - area.StartColumn] = new CellValues.ErrorValue(shown(name, r, c));
                }
            }
        }
    }

    private String shown(String name, int row, int col) {
        try {
            return Uno.as(XText.class, sheet(name).getCellByPosition(col, row)).getString();
        } catch (IndexOutOfBoundsException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value of {@code getDataArray} as the library's readers give it: blank text is no value, text is trimmed. */
    static Object value(Object cell) {
        if (cell instanceof String s) {
            return s.isBlank() ? null : s.trim();
        }
        return cell;
    }

    @Override
    public String toString() {
        return "DocumentSheets" + Arrays.toString(document.getSheets().getElementNames());
    }
}
