package org.sheetnet.report;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sheetnet.evaluate.Evaluator;
import org.sheetnet.evaluate.PlotSample;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.SheetName;

/**
 * What the Evaluation sheet draws from cells, natively (Excel and LibreOffice draw it, it is not a
 * picture): for a regression, predicted against true values as a scatter, one series per output, whose
 * points are references into the (streamed) Predictions sheet, first {@link Evaluator#PLOT_ROWS} rows,
 * with the line y = x through two cells of the Evaluation sheet; for a classifier, a colour scale on the
 * confusion matrix's counts (see {@link ConfusionColours}).
 */
final class EvaluationCharts {

    private EvaluationCharts() {
    }

    /**
     * Adds the charts to the Evaluation sheet of the frame.
     *
     * @param frame      the workbook holding the Evaluation sheet and the placeholder of Predictions
     * @param evaluation the metrics and the plotted rows
     * @param layout     where the Evaluation sheet's cells are
     * @param columns    where the outputs and targets are in Predictions
     */
    static void add(XSSFWorkbook frame, Evaluator evaluation, EvaluationSheet.Layout layout, PredictionTargets columns) {
        XSSFSheet sheet = frame.getSheet(EvaluationSheet.NAME);
        sheet.setColumnWidth(0, 22 * 256);
        int width = evaluation.targets().outputs().size();
        for (int c = 1; c <= width; c++) {
            sheet.setColumnWidth(c, 20 * 256);
        }
        // Printed (and converted to PDF) on one page width, so that the chart is seen with its numbers.
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        if (evaluation.regression().isPresent()) {
            predictedVsTrue(sheet, evaluation, layout, columns);
        } else {
            colourScale(sheet, layout);
        }
    }

    private static void predictedVsTrue(XSSFSheet sheet, Evaluator evaluation, EvaluationSheet.Layout layout,
            PredictionTargets columns) {
        PlotSample sample = evaluation.sample();
        long total = evaluation.regression().get().outputs().get(0).count();
        String title = "Predicted vs true" + (total > sample.rows()
                ? String.format(java.util.Locale.ROOT, " (first %,d of %,d rows)", sample.rows(), total) : "");
        XSSFChart chart = TrainingCharts.chart(sheet, new int[] {layout.chartRow(), 0}, title);
        XDDFValueAxis bottom = chart.createValueAxis(AxisPosition.BOTTOM);
        bottom.setTitle("true (target)");
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setTitle("predicted");
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFScatterChartData data = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, bottom, left);
        // Markers and lines: the data series draw no line, the y = x series draws one.
        data.setStyle(ScatterStyle.LINE_MARKER);
        data.setVaryColors(false);
        List<String> names = evaluation.targets().outputs();
        for (int j = 0; j < names.size(); j++) {
            Double[] t = new Double[sample.rows()];
            Double[] y = new Double[sample.rows()];
            for (int r = 0; r < t.length; r++) {
                t[r] = sample.target(r, j);
                y[r] = sample.prediction(r, j);
            }
            XDDFScatterChartData.Series s = (XDDFScatterChartData.Series) data.addSeries(
                    XDDFDataSourcesFactory.fromArray(t, predictionsColumn(columns.targetColumn(j), t.length)),
                    XDDFDataSourcesFactory.fromArray(y, predictionsColumn(columns.outputColumn(j), y.length)));
            s.setTitle(names.get(j), null);
            ChartLook.points(s, ChartLook.colour(j));
        }
        XDDFScatterChartData.Series line = (XDDFScatterChartData.Series) data.addSeries(
                cells(sheet, layout.lineRow(), 1), cells(sheet, layout.lineRow(), 2));
        line.setTitle("y = x", null);
        ChartLook.referenceLine(line);
        chart.plot(data);
    }

    /** {@code Predictions!$E$2:$E$N}: a column's first {@code rows} data rows. */
    static String predictionsColumn(int col, int rows) {
        return SheetName.quote("Predictions") + "!" + new CellRef(1, col).absolute() + ":"
                + new CellRef(Math.max(rows, 1), col).absolute();
    }

    private static XDDFNumericalDataSource<Double> cells(XSSFSheet sheet, int firstRow, int col) {
        return XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(firstRow, firstRow + 1, col, col));
    }

    private static void colourScale(XSSFSheet sheet, EvaluationSheet.Layout layout) {
        ConfusionColours.shade(sheet, new CellRef(layout.matrixRow(), 1), layout.classes());
    }
}
