package org.sheetnet.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sheetnet.testing.Sheets.number;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.Main;
import org.sheetnet.testing.Sheets;

/**
 * {@code score --target} end to end: the target and error columns of Predictions, the Evaluation sheet
 * recomputed from the written Predictions cells, and the chart's series re-read with POI.
 */
class EvaluationOutputTest {

    private static final String REGRESSION = "workbooks/regression-4-20-10-1.xlsx";

    @TempDir
    Path dir;

    private Path score(String out, String... extra) {
        Path file = dir.resolve(out);
        List<String> args = new java.util.ArrayList<>(List.of("score", REGRESSION, "--out", file.toString(), "-q",
                "--target", "target"));
        args.addAll(List.of(extra));
        assertEquals(0, Main.run(args.toArray(String[]::new)), "exit code of sheetnet " + args);
        return file;
    }

    /** The label column A of the Evaluation sheet, and the value beside it in column {@code col}. */
    private static double metric(List<List<Object>> rows, String label, int col) {
        for (List<Object> row : rows) {
            if (!row.isEmpty() && label.equals(row.get(0))) {
                return (Double) row.get(col);
            }
        }
        throw new AssertionError("no line " + label + " in Evaluation");
    }

    @Test
    void regressionColumnsMetricsAndChart() throws IOException {
        Path out = score("reg.xlsx");
        List<List<Object>> p = Sheets.rows(out, "Predictions");
        assertEquals(List.of("id", "y", "target", "error"), p.get(0), "Predictions header: target after the output");
        int n = p.size() - 1;
        assertEquals(8, n, "rows");
        double sumAbs = 0;
        double sse = 0;
        double tMean = 0;
        for (int r = 1; r <= n; r++) {
            double e = number(p, r, "y") - number(p, r, "target");
            assertEquals(e, number(p, r, "error"), 0, "Predictions!D" + (r + 1) + " = B − C");
            sumAbs += Math.abs(e);
            sse += e * e;
            tMean += number(p, r, "target") / n;
        }
        double sst = 0;
        for (int r = 1; r <= n; r++) {
            sst += Math.pow(number(p, r, "target") - tMean, 2);
        }
        List<List<Object>> ev = Sheets.rows(out, "Evaluation");
        assertEquals(8, metric(ev, "count", 1), 0, "Evaluation count");
        assertEquals(sumAbs / n, metric(ev, "MAE", 1), 1e-14, "Evaluation MAE");
        assertEquals(Math.sqrt(sse / n), metric(ev, "RMSE", 1), 1e-14, "Evaluation RMSE");
        assertEquals(1 - sse / sst, metric(ev, "R²", 1), 1e-14, "Evaluation R²");
        try (XSSFWorkbook wb = Sheets.open(out)) {
            XSSFSheet sheet = wb.getSheet("Evaluation");
            List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
            assertEquals(1, charts.size(), "charts on Evaluation");
            List<XDDFChartData.Series> series = charts.get(0).getChartSeries().get(0).getSeries();
            assertEquals("Predictions!$C$2:$C$9", series.get(0).getCategoryData().getDataRangeReference(),
                    "scatter X: the target column");
            assertEquals("Predictions!$B$2:$B$9", series.get(0).getValuesData().getDataRangeReference(),
                    "scatter Y: the output column");
            assertEquals(number(p, 1, "target"), Double.parseDouble(String.valueOf(series.get(0).getCategoryData().getPointAt(0))), 0,
                    "cached X of the first point");
            assertEquals("Evaluation!$B$13:$B$14", series.get(1).getCategoryData().getDataRangeReference(),
                    "y = x line: x cells");
            assertEquals("Evaluation!$C$13:$C$14", series.get(1).getValuesData().getDataRangeReference(),
                    "y = x line: y cells");
        }
        assertEquals(0, Main.run("verify", out.toString()), "verify reads an output with targets");
    }

    @Test
    void formulasComputeTheErrors() throws IOException {
        Path out = score("regf.xlsx", "--formulas");
        try (XSSFWorkbook wb = Sheets.open(out)) {
            assertEquals("B2-C2", wb.getSheet("Predictions").getRow(1).getCell(3).getCellFormula(), "Predictions!D2");
        }
        assertEquals(Sheets.rows(score("regv.xlsx"), "Predictions"), Sheets.rows(out, "Predictions"),
                "values and formulas' cached results agree");
    }

    @Test
    void csvFolderHasTheSameColumnsAndEvaluation() throws IOException {
        Path xlsx = score("reg.xlsx");
        Path folder = score("reg-csv");
        List<String> header = List.of(Files.readAllLines(folder.resolve("Predictions.csv")).get(0).split(","));
        assertEquals(Sheets.rows(xlsx, "Predictions").get(0), header, "Predictions.csv header");
        String evaluation = Files.readString(folder.resolve("Evaluation.csv"));
        double mae = metric(Sheets.rows(xlsx, "Evaluation"), "MAE", 1);
        assertTrue(evaluation.contains("MAE," + mae + ","), "Evaluation.csv holds the MAE " + mae + ":\n" + evaluation);
    }
}
