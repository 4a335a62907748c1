package org.sheetnet.report;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.sheetnet.train.Dataset;
import org.sheetnet.train.TrainingResult;
import org.sheetnet.sink.PoiCells;

/**
 * The confusion matrix of a classifier on the validation rows (all rows when none were held out):
 * one row per true class, one column per predicted class (the unit with the largest output; ties
 * go to the first, as in the Predictions of {@code sheetnet score}), and the accuracy.
 */
final class ConfusionSheet {

    private ConfusionSheet() {
    }

    static void write(XSSFSheet sheet, CellStyle bold, TrainingResult result, Dataset data) {
        boolean held = result.validationRows() > 0;
        int from = held ? result.trainingRows() : 0;
        int k = data.targets();
        List<String> classes = data.targetNames();
        long[][] counts = new long[k][k];
        long correct = 0;
        for (int r = from; r < data.rows(); r++) {
            int truth = argMax(data.t(), r * k, k);
            int predicted = argMax(result.predictions(), r * k, k);
            counts[truth][predicted]++;
            correct += truth == predicted ? 1 : 0;
        }
        int n = data.rows() - from;
        Row title = sheet.createRow(0);
        PoiCells.put(title, 0, "Confusion matrix on " + (held ? "the " + n + " validation rows (the last of the data)"
                : "all " + n + " rows (no validation split)") + ": rows = true class, columns = predicted class");
        title.getCell(0).setCellStyle(bold);
        Row head = sheet.createRow(1);
        PoiCells.put(head, 0, "true \\ predicted");
        for (int j = 0; j < k; j++) {
            PoiCells.put(head, j + 1, classes.get(j));
            head.getCell(j + 1).setCellStyle(bold);
        }
        PoiCells.put(head, k + 1, "total");
        for (int i = 0; i < k; i++) {
            Row row = sheet.createRow(i + 2);
            PoiCells.put(row, 0, classes.get(i));
            row.getCell(0).setCellStyle(bold);
            long total = 0;
            for (int j = 0; j < k; j++) {
                row.createCell(j + 1).setCellValue(counts[i][j]);
                total += counts[i][j];
            }
            row.createCell(k + 1).setCellValue(total);
        }
        Row acc = sheet.createRow(k + 3);
        PoiCells.put(acc, 0, "accuracy");
        acc.createCell(1).setCellValue(n == 0 ? Double.NaN : (double) correct / n);
        sheet.setColumnWidth(0, 18 * 256);
    }

    // Ties go to the first unit, as numpy's argmax does.
    static int argMax(double[] v, int offset, int width) {
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (v[offset + j] > v[offset + best]) {
                best = j;
            }
        }
        return best;
    }
}
