package org.sheetnet.report;

import java.util.List;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.Grouping;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native Excel charts over cells of a sheet (POI's XDDF): they stay live, so editing a cell
 * redraws the chart in Excel.
 */
final class TrainingCharts {

    /**
     * A column of numbers on a sheet, below a header cell.
     *
     * @param title the series' name
     * @param col   the column, from 0
     */
    record Column(String title, int col) {
    }

    private TrainingCharts() {
    }

    /**
     * A line chart of the loss curves: epochs along the bottom, one line per loss column, on a
     * logarithmic axis (losses fall by orders of magnitude).
     *
     * @param sheet    the training history sheet
     * @param rows     number of data rows below the header
     * @param epochCol the column of epoch numbers
     * @param series   the loss columns
     * @param at       top-left cell of the chart: {row, col}
     */
    static void lossCurves(XSSFSheet sheet, int rows, int epochCol, List<Column> series, int[] at) {
        XSSFChart chart = chart(sheet, at, "Loss by epoch");
        XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
        bottom.setTitle("epoch");
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setTitle("loss (log scale)");
        left.setLogBase(10);
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, left);
        // The schema requires <c:grouping>; without it LibreOffice draws the axes and no curve.
        data.setGrouping(Grouping.STANDARD);
        data.setVaryColors(false);
        XDDFNumericalDataSource<Double> epochs = numbers(sheet, rows, epochCol);
        for (int i = 0; i < series.size(); i++) {
            Column c = series.get(i);
            XDDFLineChartData.Series s = (XDDFLineChartData.Series) data.addSeries(epochs, numbers(sheet, rows, c.col()));
            s.setTitle(c.title(), null);
            ChartLook.curve(s, ChartLook.colour(i));
        }
        chart.plot(data);
    }

    /**
     * A scatter chart of predicted against true values, markers only, with the line y = x drawn
     * through two cells for reference.
     *
     * @param sheet     the sheet holding the columns
     * @param rows      number of data rows below the header
     * @param truth     the column of true values
     * @param predicted the columns of predicted values (one series each)
     * @param ideal     two rows of (x, y) cells for the y = x line: {firstRow, xCol} (rows below the header)
     * @param at        top-left cell of the chart: {row, col}
     */
    static void predictedVsTrue(XSSFSheet sheet, int rows, List<Column> truth, List<Column> predicted, int[] ideal,
            int[] at) {
        XSSFChart chart = chart(sheet, at, "Predicted vs true");
        XDDFValueAxis bottom = chart.createValueAxis(AxisPosition.BOTTOM);
        bottom.setTitle("true");
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setTitle("predicted");
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFScatterChartData data = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, bottom, left);
        // Lines and markers: the data series switch their line off, the y = x series its markers. With the
        // style "marker", LibreOffice draws no line at all, and y = x was invisible.
        data.setStyle(ScatterStyle.LINE_MARKER);
        data.setVaryColors(false);
        for (int i = 0; i < truth.size(); i++) {
            XDDFScatterChartData.Series s = (XDDFScatterChartData.Series) data.addSeries(
                    numbers(sheet, rows, truth.get(i).col()), numbers(sheet, rows, predicted.get(i).col()));
            s.setTitle(predicted.get(i).title(), null);
            ChartLook.points(s, ChartLook.colour(i));
        }
        XDDFScatterChartData.Series line = (XDDFScatterChartData.Series) data.addSeries(
                range(sheet, ideal[0], ideal[0] + 1, ideal[1]), range(sheet, ideal[0], ideal[0] + 1, ideal[1] + 1));
        line.setTitle("y = x", null);
        ChartLook.referenceLine(line);
        chart.plot(data);
    }

    /** An empty chart with a title and a legend at the top right, 9 columns × 20 rows from {@code at} = {row, col}. */
    static XSSFChart chart(XSSFSheet sheet, int[] at, String title) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, at[1], at[0], at[1] + 9, at[0] + 20);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.TOP_RIGHT);
        return chart;
    }

    private static XDDFNumericalDataSource<Double> numbers(XSSFSheet sheet, int rows, int col) {
        return range(sheet, 1, rows, col);
    }

    private static XDDFNumericalDataSource<Double> range(XSSFSheet sheet, int firstRow, int lastRow, int col) {
        return XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(firstRow, lastRow, col, col));
    }
}
