package org.sheetnet.format.workbook;

import java.util.List;
import java.util.Optional;
import org.sheetnet.xlsx.SparseSheet;

/**
 * The sheets of a workbook that is not an .xlsx file on disk, such as a document open in LibreOffice
 * Calc: {@link ModelReader#read(String, SheetLookup, org.sheetnet.model.Provenance)} reads a model from
 * them by the same rules, cell for cell, as from a file.
 */
public interface SheetLookup {

    /** The workbook's sheet names, in its order (for messages naming the sheets there are). */
    List<String> sheetNames();

    /**
     * The cells of the sheet of that name, matched exactly, then ignoring case.
     *
     * @return the sheet's non-blank cells, as {@link org.sheetnet.sheet.CellValues} gives them; empty if there is none
     */
    Optional<SparseSheet> find(String name);
}
