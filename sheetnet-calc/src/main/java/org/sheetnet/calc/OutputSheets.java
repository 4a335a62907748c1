package org.sheetnet.calc;

import com.sun.star.awt.FontWeight;
import com.sun.star.beans.XPropertySet;
import com.sun.star.container.NoSuchElementException;
import com.sun.star.document.XUndoManager;
import com.sun.star.document.XUndoManagerSupplier;
import com.sun.star.frame.XModel;
import com.sun.star.lang.WrappedTargetException;
import com.sun.star.sheet.XCellRangeData;
import com.sun.star.sheet.XSpreadsheet;
import com.sun.star.sheet.XSpreadsheetDocument;
import com.sun.star.sheet.XSpreadsheetView;
import com.sun.star.sheet.XSpreadsheets;
import com.sun.star.table.XCellRange;
import com.sun.star.table.XColumnRowRange;
import java.util.List;

/**
 * Puts a finished run's sheets into the document as one step that Edit ▸ Undo takes back: removes the
 * previous run's sheets, adds the new ones after the last sheet (values, then any formulas over them, which
 * need every sheet they name to be there), and shows the one asked for. When
 * anything fails half-way the step is undone, so the document is as it was.
 */
final class OutputSheets {

    private OutputSheets() {
    }

    /**
     * @param document the document
     * @param title    the undo step's name, e.g. {@code sheetnet: Score}
     * @param replaced the previous run's sheets, removed first
     * @param sheets   the sheets to add, in order
     * @param active   the sheet to show, or null
     */
    static void commit(XSpreadsheetDocument document, String title, List<String> replaced, List<BufferedSheet> sheets,
            String active) {
        XUndoManager undo = Uno.as(XUndoManagerSupplier.class, document).getUndoManager();
        XModel model = Uno.as(XModel.class, document);
        undo.enterUndoContext(title);
        boolean done = false;
        model.lockControllers();
        try {
            XSpreadsheets all = document.getSheets();
            for (String name : replaced) {
                all.removeByName(name);
            }
            for (BufferedSheet sheet : sheets) {
                add(all, sheet);
            }
            for (BufferedSheet sheet : sheets) {
                addFormulas(Uno.as(XSpreadsheet.class, all.getByName(sheet.name())), sheet);
            }
            done = true;
        } catch (NoSuchElementException | WrappedTargetException | com.sun.star.lang.IndexOutOfBoundsException
                | com.sun.star.beans.UnknownPropertyException | com.sun.star.beans.PropertyVetoException
                | com.sun.star.lang.IllegalArgumentException e) {
            throw new IllegalStateException("the sheets could not be added: " + e.getMessage(), e);
        } finally {
            model.unlockControllers();
            leave(undo);
            if (!done) {
                undoQuietly(undo);
            }
        }
        if (active != null) {
            show(document, active);
        }
    }

    private static void add(XSpreadsheets all, BufferedSheet sheet) throws NoSuchElementException,
            WrappedTargetException, com.sun.star.lang.IndexOutOfBoundsException, com.sun.star.beans.UnknownPropertyException,
            com.sun.star.beans.PropertyVetoException, com.sun.star.lang.IllegalArgumentException {
        all.insertNewByName(sheet.name(), (short) all.getElementNames().length);
        XSpreadsheet s = Uno.as(XSpreadsheet.class, all.getByName(sheet.name()));
        Object[][] data = sheet.data();
        XCellRange range = s.getCellRangeByPosition(0, 0, data[0].length - 1, data.length - 1);
        Uno.as(XCellRangeData.class, range).setDataArray(data);
        for (int row : sheet.headerRows()) {
            XCellRange header = s.getCellRangeByPosition(0, row, data[0].length - 1, row);
            Uno.as(XPropertySet.class, header).setPropertyValue("CharWeight", FontWeight.BOLD);
        }
        Uno.as(XPropertySet.class, Uno.as(XColumnRowRange.class, range).getColumns())
                .setPropertyValue("OptimalWidth", Boolean.TRUE);
    }

    // Over the values already there: Calc recalculates each formula when it is set.
    private static void addFormulas(XSpreadsheet s, BufferedSheet sheet) throws com.sun.star.lang.IndexOutOfBoundsException {
        for (BufferedSheet.Formula f : sheet.formulas()) {
            s.getCellByPosition(f.col(), f.row()).setFormula(CalcFormulas.fromExcel(f.excel()));
        }
    }

    private static void leave(XUndoManager undo) {
        try {
            undo.leaveUndoContext();
        } catch (com.sun.star.util.InvalidStateException e) {
            throw new IllegalStateException("the undo step was not open", e);
        }
    }

    // Takes back what the failed step did; if even that fails, the user still has Edit > Undo.
    private static void undoQuietly(XUndoManager undo) {
        try {
            undo.undo();
        } catch (com.sun.star.document.EmptyUndoStackException | com.sun.star.document.UndoContextNotClosedException
                | com.sun.star.document.UndoFailedException e) {
            // Nothing more can be done here.
        }
    }

    /** Makes a sheet the one shown, where the document has a view. */
    static void show(XSpreadsheetDocument document, String name) {
        Object controller = Uno.as(XModel.class, document).getCurrentController();
        XSpreadsheetView view = controller == null ? null
                : com.sun.star.uno.UnoRuntime.queryInterface(XSpreadsheetView.class, controller);
        if (view != null) {
            view.setActiveSheet(new DocumentSheets(document).sheet(name));
        }
    }
}
