package org.sheetnet.report;

import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFScatterChartData;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTMarker;

/**
 * How the series of sheetnet's charts look, written out in full (colour, width, marker) rather than
 * left to the reader's theme: Excel and LibreOffice then draw the same picture, and a series with no
 * line style is never drawn invisible (a LibreOffice scatter of style "marker" draws no lines at all).
 */
final class ChartLook {

    /** The data series' colours, in order: Office's blue, orange, green, gold, dark blue, dark green. */
    private static final byte[][] PALETTE = {
        rgb(0x44, 0x72, 0xC4), rgb(0xED, 0x7D, 0x31), rgb(0x70, 0xAD, 0x47), rgb(0xFF, 0xC0, 0x00),
        rgb(0x26, 0x44, 0x78), rgb(0x43, 0x68, 0x2B)};

    /** The reference line y = x: dark red, dashed, apart from every data colour and from the grey of axes. */
    static final byte[] REFERENCE = rgb(0xC0, 0x00, 0x00);

    private ChartLook() {
    }

    /** The colour of data series {@code i} (from 0), repeating after six. */
    static byte[] colour(int i) {
        return PALETTE[i % PALETTE.length].clone();
    }

    /** A curve of a line chart: a solid 2-point line in the colour, no markers. */
    static void curve(XDDFLineChartData.Series series, byte[] rgb) {
        series.setSmooth(false);
        series.setMarkerStyle(MarkerStyle.NONE);
        series.setShapeProperties(solidLine(rgb, 2.0));
    }

    /** Points of a scatter chart: filled circles in the colour, joined by no line. */
    static void points(XDDFScatterChartData.Series series, byte[] rgb) {
        series.setSmooth(false);
        series.setMarkerStyle(MarkerStyle.CIRCLE);
        series.setShapeProperties(noLine());
        XDDFShapeProperties fill = new XDDFShapeProperties();
        fill.setFillProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
        fill.setLineProperties(new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb))));
        CTMarker marker = series.getCTScatterSer().getMarker();
        marker.setSpPr(fill.getXmlObject());
    }

    /** The line y = x of a scatter chart: dashed, in {@link #REFERENCE}, no markers. */
    static void referenceLine(XDDFScatterChartData.Series series) {
        series.setSmooth(false);
        series.setMarkerStyle(MarkerStyle.NONE);
        XDDFShapeProperties line = solidLine(REFERENCE, 1.5);
        line.getLineProperties().setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
        series.setShapeProperties(line);
    }

    private static XDDFShapeProperties solidLine(byte[] rgb, double points) {
        XDDFShapeProperties p = new XDDFShapeProperties();
        XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(XDDFColor.from(rgb)));
        line.setWidth(points);
        p.setLineProperties(line);
        return p;
    }

    private static XDDFShapeProperties noLine() {
        XDDFShapeProperties p = new XDDFShapeProperties();
        p.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
        return p;
    }

    private static byte[] rgb(int r, int g, int b) {
        return new byte[] {(byte) r, (byte) g, (byte) b};
    }
}
