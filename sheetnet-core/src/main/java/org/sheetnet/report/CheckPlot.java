package org.sheetnet.report;

import java.util.List;
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
import org.sheetnet.sink.SheetSink;

/**
 * The {@code CheckPlot} sheet of a model with check vectors: each output sheetnet computed next to
 * the reference the original framework stored, and (in a workbook) a native scatter of one against
 * the other with the line y = x: the picture the Keras article draws to show that its matrix
 * products reproduce {@code model.predict}.
 */
public final class CheckPlot {

    /** The sheet's name. */
    public static final String NAME = "CheckPlot";

    /**
     * One compared output.
     *
     * @param line      the check row in the Checks sheet
     * @param output    the output's name
     * @param reference the value stored with the model
     * @param sheetnet  the value sheetnet computed
     */
    public record Pair(int line, String output, double reference, double sheetnet) {
    }

    private CheckPlot() {
    }

    static void write(SheetSink sink, List<Pair> pairs) {
        sink.startRow();
        List<String> header = List.of("Checks row", "output", "reference", "sheetnet", "sheetnet − reference");
        for (int c = 0; c < header.size(); c++) {
            sink.header(c, header.get(c));
        }
        sink.endRow();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Pair p : pairs) {
            sink.startRow();
            sink.number(0, p.line());
            sink.text(1, p.output());
            sink.number(2, p.reference());
            sink.number(3, p.sheetnet());
            sink.number(4, p.sheetnet() - p.reference());
            sink.endRow();
            lo = Math.min(lo, p.reference());
            hi = Math.max(hi, p.reference());
        }
        // Two points of the line y = x spanning the references, for the chart.
        sink.startRow();
        sink.endRow();
        sink.startRow();
        sink.header(0, "line y = x");
        sink.endRow();
        for (double v : new double[] {lo, hi}) {
            sink.startRow();
            sink.number(2, v);
            sink.number(3, v);
            sink.endRow();
        }
    }

    static void chart(XSSFWorkbook frame, int pairs) {
        XSSFSheet sheet = frame.getSheet(NAME);
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
