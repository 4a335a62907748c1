package org.sheetnet.calc;

import com.sun.star.frame.XModel;
import com.sun.star.frame.XTitle;
import com.sun.star.sheet.XSpreadsheetDocument;
import com.sun.star.sheet.XSpreadsheetView;
import com.sun.star.table.CellRangeAddress;
import com.sun.star.table.XCellRange;
import com.sun.star.view.XSelectionSupplier;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.model.Provenance;

/**
 * The document a command acts on: its sheets, its name for messages, and its view's selection.
 *
 * @param document the spreadsheet document
 * @param sheets   its sheets, read through UNO
 * @param name     its file name, or its title when never saved (every message starts with it)
 * @param file     its file, or its title as a path when never saved (for the Audit)
 */
record OpenDocument(XSpreadsheetDocument document, DocumentSheets sheets, String name, Path file) {

    static OpenDocument of(XSpreadsheetDocument document) {
        XModel model = Uno.as(XModel.class, document);
        String url = model.getURL();
        Path file = null;
        if (url != null && url.startsWith("file:")) {
            file = Path.of(URI.create(url));
        }
        String name = file != null ? file.getFileName().toString() : Uno.as(XTitle.class, model).getTitle();
        return new OpenDocument(document, new DocumentSheets(document), name, file != null ? file : Path.of(name));
    }

    /** The model the document describes, read by the library's workbook rules. */
    ModelWorkbook model() {
        return ModelReader.read(name, sheets, new Provenance(name, "(read from the open document)"));
    }

    /** The selected range, when it is one range on one sheet. */
    Optional<CellRangeAddress> selection() {
        Object controller = Uno.as(XModel.class, document).getCurrentController();
        XSelectionSupplier selection = controller == null ? null
                : com.sun.star.uno.UnoRuntime.queryInterface(XSelectionSupplier.class, controller);
        Object selected = selection == null ? null : selection.getSelection();
        com.sun.star.sheet.XCellRangeAddressable range = selected == null ? null
                : com.sun.star.uno.UnoRuntime.queryInterface(com.sun.star.sheet.XCellRangeAddressable.class, selected);
        return range == null ? Optional.empty() : Optional.of(range.getRangeAddress());
    }

    /** The name of the sheet at that index. */
    String sheetName(int index) {
        return sheets.sheetNames().get(index);
    }

    /** Shows a cell: makes its sheet the active one and selects it; a no-op for a place the document lacks. */
    void select(Outcome.Place place) {
        Optional<String> sheet = sheets.findName(place.sheet());
        Object controller = Uno.as(XModel.class, document).getCurrentController();
        if (sheet.isEmpty() || controller == null) {
            return;
        }
        XSpreadsheetView view = Uno.as(XSpreadsheetView.class, controller);
        view.setActiveSheet(sheets.sheet(sheet.get()));
        XCellRange cell = sheets.sheet(sheet.get()).getCellRangeByName(place.cell());
        Uno.as(XSelectionSupplier.class, controller).select(cell);
    }
}
