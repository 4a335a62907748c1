package org.sheetnet.report;

import java.util.List;
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
}
