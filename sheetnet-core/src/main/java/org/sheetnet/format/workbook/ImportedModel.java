package org.sheetnet.format.workbook;

import java.nio.file.Path;
import java.util.List;
import org.sheetnet.model.Model;
import org.sheetnet.sink.AuditLog;
import org.sheetnet.sink.OutputPolicy;
import org.sheetnet.xlsx.SparseSheet;

/**
 * A model read from a framework's file (ONNX, Keras), with the sheets its workbook carries besides
 * the model's own: what {@code import-onnx} and {@code import-keras} write, and what {@code score}
 * reads of such a file without writing it.
 *
 * @param model  the model, with its check vectors when expected outputs were given
 * @param source the {@value #SOURCE_SHEET} sheet: file, SHA-256, producer, what became of each node or layer
 * @param extras further sheets (the Inputs of the expected outputs), in order
 * @param result the summary the import command prints
 * @param <R>    the importer's summary
 */
public record ImportedModel<R>(Model model, AuditLog source, List<ModelWorkbookWriter.ExtraSheet> extras, R result) {

    /** The sheet that says where an imported model came from. */
    public static final String SOURCE_SHEET = "Source";

    /**
     * Writes the model workbook.
     *
     * @throws org.sheetnet.SheetnetException (OUTPUT) if the workbook cannot be written
     */
    public void write(Path out, OutputPolicy policy) {
        ModelWorkbookWriter.write(model, source, SOURCE_SHEET, extras, out, policy);
    }

    /** The workbook's sheets, in memory, as {@link #write} puts them in the file. */
    public List<SparseSheet> sheets() {
        return ModelWorkbookWriter.sheets(model, source, SOURCE_SHEET, extras);
    }
}
