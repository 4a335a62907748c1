package org.sheetnet.report;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.sheetnet.Plural;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.train.Dataset;
import org.sheetnet.train.TrainingResult;
import org.sheetnet.sink.ColumnFit;
import org.sheetnet.sink.NumberFormats;
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
        PoiCells.put(title, 0, "Confusion matrix on " + (held ? "the " + Plural.of(n, "validation row")
                + " (the last of the data)" : "all " + Plural.of(n, "row") + " (no validation split)")
                + ": rows = true class, columns = predicted class");
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
        double accuracy = n == 0 ? Double.NaN : (double) correct / n;
        acc.createCell(1).setCellValue(accuracy);
        acc.getCell(1).setCellStyle(new NumberFormats(sheet.getWorkbook()).styleFor(accuracy));
        ColumnFit fit = new ColumnFit();
        fit.see(0, "true \\ predicted".length());
        for (int j = 0; j < k; j++) {
            fit.see(0, classes.get(j).length());
            fit.see(j + 1, classes.get(j).length());
        }
        fit.applyTo(sheet);
        ConfusionColours.shade(sheet, new CellRef(2, 1), k);
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
