package org.sheetnet.report;

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

    /**
     * The seed softmax network on four rows with class-name targets (one in another case) and the same
     * targets one-hot. Its outputs are near (0.41, 0.59) for every row (the article's row: 0.40625907,
     * 0.59374093), so it predicts y2 four times: confusion y1 (0, 2), y2 (0, 2); accuracy 2/4; precision
     * y1 n/a (never predicted), y2 2/4; recall y1 0/2, y2 2/2; F1 y2 2·0.5·1/1.5 = 2/3.
     */
    private Path classified(String name, String targets) throws IOException {
        Path csv = dir.resolve("cls.csv");
        Files.writeString(csv, "case,x1,x2,label,is_y1,is_y2\narticle,1,0.5,y2,0,1\norigin,0,0,y1,1,0\n"
                + "negative,-1,-2,Y2,0,1\nfar,3,-4,y1,1,0\n");
        Path out = dir.resolve(name);
        assertEquals(0, Main.run("score", "workbooks/seed-2-3-2-2-softmax.xlsx", "--input", csv.toString(), "--out",
                out.toString(), "-q", "--formulas", "--target", targets), "exit code");
        return out;
    }

    @Test
    void classNamesGiveCorrectFlagsConfusionAndPerClassMetrics() throws IOException {
        Path out = classified("cls.xlsx", "label");
        List<List<Object>> p = Sheets.rows(out, "Predictions");
        assertEquals(List.of("case", "is_y1", "is_y2", "y1", "y2", "predicted_class", "label", "correct"), p.get(0),
                "Predictions header");
        double[] correct = {1, 0, 1, 0};
        double logLoss = 0;
        for (int r = 1; r <= 4; r++) {
            assertEquals(correct[r - 1], number(p, r, "correct"), 0, "Predictions!H" + (r + 1));
            logLoss -= Math.log(number(p, r, Sheets.at(p, r, "label").toString().toLowerCase(java.util.Locale.ROOT)));
        }
        try (XSSFWorkbook wb = Sheets.open(out)) {
            assertEquals("IF($F2=$G2,1,0)", wb.getSheet("Predictions").getRow(1).getCell(7).getCellFormula(),
                    "Predictions!H2");
        }
        List<List<Object>> ev = Sheets.rows(out, "Evaluation");
        assertEquals(0.5, metric(ev, "accuracy", 1), 0, "accuracy");
        assertEquals(logLoss / 4, metric(ev, "log-loss", 1), 1e-15, "log-loss");
        assertEquals(List.of("y1", 0.0, 2.0, 2.0), ev.get(8), "confusion row y1 (true) over predicted y1, y2, total");
        assertEquals(List.of("y2", 0.0, 2.0, 2.0), ev.get(9), "confusion row y2");
        assertEquals(List.of("y1", "n/a", 0.0, "n/a", 2.0), ev.get(13), "y1: precision, recall, F1, support");
        assertEquals(List.of("y2", 0.5, 1.0, 2.0 / 3, 2.0), ev.get(14), "y2: precision, recall, F1, support");
        try (XSSFWorkbook wb = Sheets.open(out)) {
            var formatting = wb.getSheet("Evaluation").getSheetConditionalFormatting();
            assertEquals(1, formatting.getNumConditionalFormattings(), "one colour scale");
            assertEquals("B9:C10", formatting.getConditionalFormattingAt(0).getFormattingRanges()[0].formatAsString(),
                    "the colour scale covers the matrix's counts");
            assertTrue(formatting.getConditionalFormattingAt(0).getRule(0).getColorScaleFormatting() != null,
                    "a colour scale rule");
        }
    }

    @Test
    void oneHotTargetsGiveTheSameEvaluation() throws IOException {
        Path names = classified("cls.xlsx", "label");
        Path hot = classified("hot.xlsx", "is_y1,is_y2");
        List<List<Object>> p = Sheets.rows(hot, "Predictions");
        assertEquals(List.of("case", "label", "y1", "y2", "predicted_class", "is_y1", "is_y2", "correct"), p.get(0),
                "Predictions header");
        try (XSSFWorkbook wb = Sheets.open(hot)) {
            assertEquals("INDEX($F2:$G2,1,MATCH($E2,$C$1:$D$1,0))",
                    wb.getSheet("Predictions").getRow(1).getCell(7).getCellFormula(), "Predictions!H2");
        }
        List<List<Object>> a = Sheets.rows(names, "Evaluation");
        List<List<Object>> b = Sheets.rows(hot, "Evaluation");
        assertEquals(a.subList(1, a.size()), b.subList(1, b.size()),
                "Evaluation below its first line (which names the target columns)");
    }

    /**
     * 12,000 rows streamed in batches of 997 and in one batch give the same metrics (within rounding of
     * the running sums), and the chart plots the first 10,000 rows only, saying so in its title.
     */
    @Test
    void streamedBatchesGiveTheSameMetricsAndTheChartIsCapped() throws IOException {
        java.util.Random random = new java.util.Random(3);
        StringBuilder csv = new StringBuilder("id,x1,x2,x3,x4,target\n");
        for (int r = 0; r < 12_000; r++) {
            double[] x = {10 * random.nextDouble(), 10 * random.nextDouble(), 10 * random.nextDouble(),
                10 * random.nextDouble()};
            double t = 1.5 * x[0] - 2 * x[1] + 0.5 * x[2] + 3 * x[3] + 4 + 0.25 * random.nextGaussian();
            csv.append("r").append(r).append(',').append(x[0]).append(',').append(x[1]).append(',').append(x[2])
                    .append(',').append(x[3]).append(',').append(t).append('\n');
        }
        Path input = dir.resolve("many.csv");
        Files.writeString(input, csv);
        Path small = score("small.xlsx", "--input", input.toString(), "--batch-size", "997");
        Path whole = score("whole.xlsx", "--input", input.toString(), "--batch-size", "20000");
        List<List<Object>> a = Sheets.rows(small, "Evaluation");
        List<List<Object>> b = Sheets.rows(whole, "Evaluation");
        for (String m : List.of("count", "MAE", "RMSE", "R²", "max absolute error", "mean residual", "sd of residuals")) {
            assertEquals(metric(b, m, 1), metric(a, m, 1), 1e-12 * Math.max(1, Math.abs(metric(b, m, 1))),
                    "Evaluation " + m + ": batches of 997 vs one batch");
        }
        assertEquals(12_000, metric(a, "count", 1), 0, "count");
        try (XSSFWorkbook wb = Sheets.open(small)) {
            XSSFChart chart = wb.getSheet("Evaluation").getDrawingPatriarch().getCharts().get(0);
            XDDFChartData.Series s = chart.getChartSeries().get(0).getSeries().get(0);
            assertEquals("Predictions!$C$2:$C$10001", s.getCategoryData().getDataRangeReference(), "X: first 10,000 rows");
            assertEquals(10_000, s.getCategoryData().getPointCount(), "cached points");
            assertTrue(chart.getTitleText().getString().contains("first 10,000 of 12,000 rows"),
                    "title: " + chart.getTitleText().getString());
        }
    }
}
