package org.sheetnet.report;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.ScatterStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The CheckPlot sheet's chart in a workbook: sheetnet's outputs on the check vectors against the
 * stored references, with the line y = x. Apart from {@link CheckPlot}, which writes the numbers, so
 * that writing them needs no POI (LibreOffice's Java, which runs the Calc extension, has none).
 */
final class CheckPlotChart {

    private CheckPlotChart() {
    }

    /** Adds the chart to the CheckPlot sheet of {@code frame}, which holds {@code pairs} compared outputs. */
    static void add(XSSFWorkbook frame, int pairs) {
        XSSFSheet sheet = frame.getSheet(CheckPlot.NAME);
        for (int c = 0; c < 5; c++) {
            sheet.setColumnWidth(c, 20 * 256);
        }
        // Printed (and converted to PDF) one page wide, so that the chart is seen beside its numbers.
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        XSSFChart chart = TrainingCharts.chart(sheet, new int[] {1, 6}, "sheetnet against the stored reference outputs");
        XDDFValueAxis bottom = chart.createValueAxis(AxisPosition.BOTTOM);
        bottom.setTitle("reference (Checks sheet)");
        XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
        left.setTitle("sheetnet");
        left.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFScatterChartData data = (XDDFScatterChartData) chart.createData(ChartTypes.SCATTER, bottom, left);
        data.setStyle(ScatterStyle.LINE_MARKER);
        data.setVaryColors(false);
        XDDFScatterChartData.Series points = (XDDFScatterChartData.Series) data.addSeries(
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, pairs, 2, 2)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, pairs, 3, 3)));
        points.setTitle("outputs", null);
        ChartLook.points(points, ChartLook.colour(0));
        int line = pairs + 3;
        XDDFScatterChartData.Series identity = (XDDFScatterChartData.Series) data.addSeries(
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(line, line + 1, 2, 2)),
                XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(line, line + 1, 3, 3)));
        identity.setTitle("y = x", null);
        ChartLook.referenceLine(identity);
        chart.plot(data);
    }
}
