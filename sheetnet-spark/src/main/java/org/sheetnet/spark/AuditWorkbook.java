package org.sheetnet.spark;

import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.sheetnet.evaluate.Evaluator;
import org.sheetnet.report.EvaluationSheets;
import org.sheetnet.sink.AuditLog;
import org.sheetnet.sink.PoiSheetSink;

/**
 * {@code audit.xlsx} of a {@code spark-score} run: the Audit sheet (what ran, on what, with what
 * result), the Sample sheet (every layer's values for the sample rows) and, with targets, the
 * Evaluation sheet. Small by construction: its size follows the sample, never the input.
 */
final class AuditWorkbook {

    private AuditWorkbook() {
    }

    /**
     * Writes the workbook to the folder's temporary file (put in place by {@link ResultFolder#commit}).
     *
     * @param folder     the result folder
     * @param audit      the Audit sheet's lines
     * @param sample     the Sample sheet's writer and rows
     * @param sampleRows the sample rows, in input order
     * @param evaluation the metrics, with targets
     * @throws org.sheetnet.SheetnetException (OUTPUT) if it cannot be written; the temporary is removed then
     */
    static void write(ResultFolder folder, AuditLog audit, SampleSheet sample, List<Row> sampleRows,
            Optional<Evaluator> evaluation) {
        folder.writeAudit(out -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                CellStyle bold = workbook.createCellStyle();
                Font font = workbook.createFont();
                font.setBold(true);
                bold.setFont(font);
                audit.writeTo(new PoiSheetSink(workbook.createSheet("Audit"), bold));
                sample.write(sampleRows, new PoiSheetSink(workbook.createSheet("Sample"), bold));
                evaluation.ifPresent(e -> EvaluationSheets.write(new PoiSheetSink(workbook.createSheet("Evaluation"),
                        bold), e));
                workbook.write(out);
            }
        });
    }
}
