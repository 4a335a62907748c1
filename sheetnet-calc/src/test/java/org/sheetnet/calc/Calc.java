package org.sheetnet.calc;

import com.sun.star.beans.PropertyValue;
import com.sun.star.frame.DispatchResultEvent;
import com.sun.star.frame.XDispatchHelper;
import com.sun.star.frame.XDispatchProvider;
import com.sun.star.frame.XModel;
import com.sun.star.frame.XStorable;
import com.sun.star.sheet.XCellRangeAddressable;
import com.sun.star.sheet.XSpreadsheetDocument;
import com.sun.star.sheet.XSpreadsheetView;
import com.sun.star.table.CellRangeAddress;
import com.sun.star.table.XCell;
import com.sun.star.uno.AnyConverter;
import com.sun.star.uno.UnoRuntime;
import com.sun.star.util.XCloseable;
import com.sun.star.view.XSelectionSupplier;
import java.nio.file.Path;
import java.util.List;
import org.sheetnet.sheet.CellRef;

/** A workbook open in the shared office, driven as a user would: menu commands, cells, the selection, save. */
final class Calc implements AutoCloseable {

    private final Office office;
    private final Object component;
    private final XSpreadsheetDocument document;
    private final Path file;

    Calc(Office office, Object component, Path file) {
        this.office = office;
        this.component = component;
        this.document = UnoRuntime.queryInterface(XSpreadsheetDocument.class, component);
        this.file = file;
    }

    /** The document. */
    XSpreadsheetDocument document() {
        return document;
    }

    /** The copy that was opened. */
    Path file() {
        return file;
    }

    /**
     * Runs a sheetnet menu command as a macro would, without dialogs.
     *
     * @param command Score, Check, Verify or Values
     * @param replace the answer to "replace the earlier run's sheets?"
     */
    DispatchResultEvent dispatch(String command, boolean replace) throws com.sun.star.uno.Exception {
        XDispatchHelper helper = UnoRuntime.queryInterface(XDispatchHelper.class, office.context().getServiceManager()
                .createInstanceWithContext("com.sun.star.frame.DispatchHelper", office.context()));
        XDispatchProvider frame = UnoRuntime.queryInterface(XDispatchProvider.class, controller().getFrame());
        Object result = helper.executeDispatch(frame, "org.sheetnet.calc:" + command, "", 0,
                new PropertyValue[] {property("Replace", replace), property("Silent", true)});
        return (DispatchResultEvent) AnyConverter.toObject(DispatchResultEvent.class, result);
    }

    private static PropertyValue property(String name, Object value) {
        PropertyValue p = new PropertyValue();
        p.Name = name;
        p.Value = value;
        return p;
    }

    private com.sun.star.frame.XController controller() {
        return UnoRuntime.queryInterface(XModel.class, component).getCurrentController();
    }

    DocumentSheets sheets() {
        return new DocumentSheets(document);
    }

    List<String> sheetNames() {
        return sheets().sheetNames();
    }

    /** A sheet's used area from A1, as getDataArray gives it. */
    Object[][] data(String sheet) {
        return sheets().data(sheet, sheets().usedArea(sheet));
    }

    XCell cell(String sheet, String ref) throws com.sun.star.lang.IndexOutOfBoundsException {
        CellRef at = CellRef.parse(ref).orElseThrow();
        return sheets().sheet(sheet).getCellByPosition(at.col(), at.row());
    }

    /** Selects a range, as the user drags over it. */
    void select(String sheet, String range) throws com.sun.star.lang.IllegalArgumentException {
        UnoRuntime.queryInterface(XSpreadsheetView.class, controller()).setActiveSheet(sheets().sheet(sheet));
        UnoRuntime.queryInterface(XSelectionSupplier.class, controller())
                .select(sheets().sheet(sheet).getCellRangeByName(range));
    }

    /** The selection, as {@code Sheet!A1} or {@code Sheet!A1:B2}. */
    String selection() {
        Object selected = UnoRuntime.queryInterface(XSelectionSupplier.class, controller()).getSelection();
        CellRangeAddress a = UnoRuntime.queryInterface(XCellRangeAddressable.class, selected).getRangeAddress();
        String first = new CellRef(a.StartRow, a.StartColumn).toString();
        String last = new CellRef(a.EndRow, a.EndColumn).toString();
        return sheetNames().get(a.Sheet) + "!" + first + (first.equals(last) ? "" : ":" + last);
    }

    /** Saves a copy as .xlsx (Calc's own Excel 2007-365 filter). */
    void saveXlsx(Path out) throws com.sun.star.io.IOException {
        UnoRuntime.queryInterface(XStorable.class, component).storeToURL(out.toUri().toString(),
                new PropertyValue[] {property("FilterName", "Calc MS Excel 2007 XML")});
    }

    @Override
    public void close() throws com.sun.star.util.CloseVetoException {
        UnoRuntime.queryInterface(XCloseable.class, component).close(true);
    }
}
