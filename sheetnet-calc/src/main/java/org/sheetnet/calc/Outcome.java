package org.sheetnet.calc;

import java.util.Optional;

/**
 * What a menu command did, shown to the user in a dialog and returned to a macro that dispatched it.
 *
 * @param success whether it did what was asked
 * @param message one paragraph for the dialog
 * @param cell    the cell to select afterwards (a problem's place, or the first cell that does not
 *                reproduce), as sheet and A1 reference
 */
record Outcome(boolean success, String message, Optional<Place> cell) {

    /** A cell of the document. */
    record Place(String sheet, String cell) {
    }

    static Outcome done(String message) {
        return new Outcome(true, message, Optional.empty());
    }

    static Outcome failed(String message, Optional<Place> cell) {
        return new Outcome(false, message, cell);
    }
}
