package org.sheetnet.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sheetnet.Plural;
import org.sheetnet.SheetnetException;
import org.sheetnet.input.InputRow;
import org.sheetnet.model.Model;
import org.sheetnet.train.Dataset;
import org.sheetnet.train.Epoch;
import org.sheetnet.train.TrainingResult;
import org.sheetnet.format.workbook.ModelWorkbookWriter;
import org.sheetnet.sink.AuditLog;
import org.sheetnet.sink.ColumnFit;
import org.sheetnet.sink.DefaultCellStyle;
import org.sheetnet.sink.PoiCells;
import org.sheetnet.sink.SafeOutputFile;

/**
 * Writes a trained network as a model workbook in the contract's layout ({@code Model}, {@code W1},
 * {@code b1}, …, {@code Inputs}, ready for {@code sheetnet score}), with the training's
 * history ({@value #HISTORY}; Excel reserves the name {@code History}) and its loss chart, a predicted-versus-true chart ({@code Validation}) or a
 * {@code Confusion} matrix, and the {@code Audit} sheet. The file appears only when complete.
 */
public final class TrainedModelWriter {

    /** The sheet of the loss per epoch, shown when the workbook is opened. */
    public static final String HISTORY = "Training history";

    /** What to write beside the network. */
    public record Contents(Model model, TrainingResult result, Dataset data, boolean classification,
            List<String> header, List<InputRow> rows, AuditLog audit) {
    }

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle bold;

    private TrainedModelWriter() {
        DefaultCellStyle.addTo(workbook);
        bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
    }

    /**
     * Writes the model workbook.
     *
     * @param out      where to, atomically
     * @param contents the network, the run and the data
     * @throws SheetnetException (OUTPUT) if it cannot be written
     */
    public static void write(SafeOutputFile out, Contents contents) {
        out.write(stream -> {
            TrainedModelWriter w = new TrainedModelWriter();
            try (XSSFWorkbook wb = w.workbook) {
                ModelWorkbookWriter.addModelSheets(wb, w.bold, contents.model().network());
                XSSFSheet history = w.history(contents.result().history());
                if (contents.classification()) {
                    ConfusionSheet.write(w.workbook.createSheet("Confusion"), w.bold, contents.result(), contents.data());
                } else {
                    w.validation(contents.result(), contents.data());
                }
                w.inputs(contents.header(), contents.rows());
                contents.audit().writeTo(w.workbook.createSheet("Audit"), w.bold);
                select(wb, wb.getSheetIndex(history));
                wb.write(stream);
            }
        });
    }

    // The sheet shown is the active tab, and the only selected one (POI leaves the first sheet selected,
    // and Excel then opens two sheets grouped).
    static void select(XSSFWorkbook wb, int index) {
        wb.setActiveSheet(index);
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            wb.getSheetAt(i).setSelected(i == index);
        }
    }

    private XSSFSheet history(List<Epoch> history) {
        XSSFSheet sheet = workbook.createSheet(HISTORY);
        header(sheet, 0, List.of("epoch", "loss", "val_loss", "seconds"));
        boolean validation = false;
        for (Epoch e : history) {
            Row row = sheet.createRow(e.epoch());
            row.createCell(0).setCellValue(e.epoch());
            row.createCell(1).setCellValue(e.loss());
            if (!Double.isNaN(e.valLoss())) {
                row.createCell(2).setCellValue(e.valLoss());
                validation = true;
            }
            row.createCell(3).setCellValue(e.seconds());
        }
        List<TrainingCharts.Column> series = new ArrayList<>(List.of(new TrainingCharts.Column("loss", 1)));
        if (validation) {
            series.add(new TrainingCharts.Column("val_loss", 2));
        }
        TrainingCharts.lossCurves(sheet, history.size(), 0, series, new int[] {1, 5});
        return sheet;
    }

    /** True and predicted values of the validation rows (all rows when none were held out), and their chart. */
    private void validation(TrainingResult result, Dataset data) {
        XSSFSheet sheet = workbook.createSheet("Validation");
        boolean held = result.validationRows() > 0;
        int from = held ? result.trainingRows() : 0;
        int n = data.rows() - from;
        int k = data.targets();
        List<String> top = new ArrayList<>(List.of("data row"));
        List<TrainingCharts.Column> truth = new ArrayList<>();
        List<TrainingCharts.Column> predicted = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            String t = data.targetNames().get(j);
            top.add(t + " (true)");
            top.add(t + " (predicted)");
            truth.add(new TrainingCharts.Column(t + " (true)", 1 + 2 * j));
            predicted.add(new TrainingCharts.Column(t + " (predicted)", 2 + 2 * j));
        }
        int lineCol = 2 + 2 * k;
        top.addAll(List.of("", "y = x: x", "y = x: y"));
        header(sheet, 0, top);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < n; r++) {
            Row row = sheet.createRow(r + 1);
            row.createCell(0).setCellValue(from + r + 1);
            for (int j = 0; j < k; j++) {
                double t = data.t()[(from + r) * k + j];
                row.createCell(1 + 2 * j).setCellValue(t);
                row.createCell(2 + 2 * j).setCellValue(result.predictions()[(from + r) * k + j]);
                min = Math.min(min, t);
                max = Math.max(max, t);
            }
        }
        for (int i = 0; i < 2; i++) {
            Row row = sheet.getRow(i + 1) != null ? sheet.getRow(i + 1) : sheet.createRow(i + 1);
            row.createCell(lineCol + 1).setCellValue(i == 0 ? min : max);
            row.createCell(lineCol + 2).setCellValue(i == 0 ? min : max);
        }
        PoiCells.put(sheet.getRow(0), lineCol + 4, held ? "the " + Plural.of(n, "validation row")
                + " (the last of the data)" : "all " + Plural.of(n, "row") + " (no validation split)");
        TrainingCharts.predictedVsTrue(sheet, n, truth, predicted, new int[] {1, lineCol + 1}, new int[] {2, lineCol + 4});
    }

    private void inputs(List<String> header, List<InputRow> rows) {
        XSSFSheet sheet = workbook.createSheet("Inputs");
        header(sheet, 0, header);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            InputRow in = rows.get(r);
            for (int c = 0; c < in.size(); c++) {
                PoiCells.put(row, c, in.value(c));
            }
        }
    }

    // Bold names, each column at least as wide as its name.
    private void header(XSSFSheet sheet, int r, List<String> names) {
        Row row = sheet.createRow(r);
        ColumnFit fit = new ColumnFit();
        for (int c = 0; c < names.size(); c++) {
            if (!names.get(c).isEmpty()) {
                PoiCells.put(row, c, names.get(c));
                row.getCell(c).setCellStyle(bold);
                fit.see(c, names.get(c).length());
            }
        }
        fit.applyTo(sheet);
    }
}
