package org.sheetnet.sink;

import java.io.Closeable;
import java.util.List;
import java.util.function.Predicate;
import org.sheetnet.xlsx.DefinedName;
import org.sheetnet.xlsx.SparseSheet;

/** Where the output sheets of a score run go: an .xlsx file, a workbook in memory, or a folder of CSV files. */
public interface Destination extends Closeable {

    /** The output as the user named it, for messages. */
    String name();

    /** Creates an output sheet, written row by row. */
    SheetSink sheet(String name);

    /** Creates a small output sheet written at the end (Evaluation): in a workbook's frame, or a CSV file. */
    SheetSink smallSheet(String name);

    /** The POI workbook holding the small sheets, for charts and formatting; empty for CSV. */
    default java.util.Optional<org.apache.poi.xssf.usermodel.XSSFWorkbook> frame() {
        return java.util.Optional.empty();
    }

    /** Whether a sheet of that name exists already (model sheets are copied first). */
    boolean hasSheet(String name);

    /**
     * Copies the model workbook's sheets that were read and that {@code include} accepts, as values,
     * each cell where it stood; a no-op where there is no workbook.
     */
    default void copySheets(List<SparseSheet> model, Predicate<String> include) {
    }

    /**
     * Defines the model workbook's names of ranges on the sheets copied, so that the copied Model
     * sheet reads as it did (and {@code verify} can read it again); a no-op where there is no workbook.
     *
     * @param names the model workbook's defined names; those of other sheets, or not ranges, are left out
     */
    default void copyNames(List<DefinedName> names) {
    }

    /** Makes a sheet the one shown when the file is opened; it may be called before the sheet is made. */
    void activate(String name);

    /** Whether cells can be formulas. */
    boolean supportsFormulas();

    /** Most rows a sheet can hold, header included. */
    long maxRows();

    /** Writes the Audit and moves the finished output into place. */
    void finish(AuditLog audit);

    /** Releases resources; removes a partial output unless finished. */
    @Override
    void close();
}
