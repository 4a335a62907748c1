package org.sheetnet.calc;

import com.sun.star.table.CellRangeAddress;
import java.util.Optional;
import java.util.regex.Pattern;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.input.RowSource;
import org.sheetnet.job.ScoreJob;
import org.sheetnet.input.SheetRowSource;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.xlsx.SparseSheet;

/**
 * Where the input rows of a score run are: a selected range of at least two rows (a header, then
 * cases) on a sheet that is neither the model's nor a previous run's output; otherwise the Inputs sheet.
 */
final class Inputs {

    /** The input sheet's name, as in a model workbook. */
    static final String SHEET = "Inputs";

    /** Sheets sheetnet score writes: a previous run's, which a new run replaces. */
    static final Pattern OUTPUT_SHEETS = ScoreJob.OUTPUT_SHEETS;

    private Inputs() {
    }

    /**
     * The input rows for a run.
     *
     * @param doc   the document
     * @param model the model read from it, whose sheets a selection may not be on
     * @throws SheetnetException (INPUT) when there is no usable selection and no Inputs sheet
     */
    static RowSource open(OpenDocument doc, ModelWorkbook model) {
        Optional<CellRangeAddress> selected = doc.selection().filter(a -> usable(doc, model, a));
        if (selected.isPresent()) {
            return range(doc, selected.get());
        }
        return sheet(doc);
    }

    /**
     * The rows of the Inputs sheet, whatever is selected.
     *
     * @throws SheetnetException (INPUT) when the document has no Inputs sheet
     */
    static RowSource sheet(OpenDocument doc) {
        String sheet = doc.sheets().findName(SHEET).orElseThrow(() -> SheetnetException.input(doc.name()
                + ": no sheet named \"" + SHEET + "\" with input rows; add one, or select the input rows with their"
                + " header row"));
        SparseSheet cells = doc.sheets().find(sheet).orElseThrow();
        return new SheetRowSource(cells, doc.name());
    }

    /** The rows of a range, its first row the header. */
    static RangeRowSource range(OpenDocument doc, CellRangeAddress a) {
        String sheet = doc.sheetName(a.Sheet);
        SparseSheet cells = doc.sheets().read(sheet, a, true);
        return new RangeRowSource(cells, doc.name(), new CellRef(a.StartRow, a.StartColumn),
                new CellRef(a.EndRow, a.EndColumn));
    }

    private static boolean usable(OpenDocument doc, ModelWorkbook model, CellRangeAddress a) {
        String sheet = doc.sheetName(a.Sheet);
        boolean modelSheet = model.sheets().stream().anyMatch(s -> s.name().equals(sheet));
        return a.EndRow > a.StartRow && !modelSheet && !OUTPUT_SHEETS.matcher(sheet).matches();
    }
}
