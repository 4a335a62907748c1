package org.sheetnet.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.sheetnet.SheetnetException;
import org.sheetnet.engine.BatchScorer;
import org.sheetnet.engine.ForwardTrace;
import org.sheetnet.input.InputBinding;
import org.sheetnet.input.InputRow;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Model;
import org.sheetnet.report.LayerSheets;
import org.sheetnet.sink.SheetSink;

/**
 * The Sample sheet: for the first N input rows (the same rows on every run of the same input, whatever
 * the partitioning), the id columns, the raw and prepared inputs and every layer's pre-activations and
 * activations, scored on the driver through the same {@link BatchScorer}, so an auditor can check one
 * row by hand against the weights. Rows that cannot be scored are listed with the reason.
 */
final class SampleSheet {

    private final Model model;
    private final FeatureColumns columns;
    private final List<String> header;

    SampleSheet(Model model, FeatureColumns columns, List<String> header) {
        this.model = model;
        this.columns = columns;
        this.header = header;
    }

    /**
     * Scores the rows and writes the sheet.
     *
     * @param rows the sample rows, in input order
     * @param sink the sheet, empty
     */
    void write(List<Row> rows, SheetSink sink) {
        InputBinding binding = columns.binding(model);
        RowLabels labels = columns.labels();
        int width = model.network().inputWidth();
        double[] x = new double[Math.max(1, rows.size()) * width];
        List<Row> scored = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Row row : rows) {
            Object[] cells = FeatureColumns.cells(row);
            labels.at(row);
            try {
                binding.raw(InputRow.of(0, cells), labels, x, scored.size() * width);
                scored.add(row);
            } catch (SheetnetException e) {
                refused.add(e.getMessage());
            }
        }
        double[] raw = x.clone();
        ForwardTrace trace = scored.isEmpty() ? null
                : BatchScorer.onCallingThread(model).score(scored.size(), (r, into, offset) -> { }, x,
                        e -> SheetnetException.input("sample row " + (e.row() + 1) + ": a non-finite value in layer "
                                + e.layer()));
        writeHeader(sink);
        for (int r = 0; r < scored.size(); r++) {
            writeRow(sink, r, scored.get(r), raw, x, trace);
        }
        for (String reason : refused) {
            sink.startRow();
            sink.text(0, "not scored: " + reason);
            sink.endRow();
        }
    }

    private void writeHeader(SheetSink sink) {
        sink.startRow();
        int c = 0;
        sink.header(c++, "sample row");
        for (int id : columns.ids()) {
            sink.header(c++, header.get(id));
        }
        for (String name : model.inputNames()) {
            sink.header(c++, "L0_inputs_" + name);
        }
        for (String name : model.inputNames()) {
            sink.header(c++, "L0_prepared_" + name);
        }
        List<DenseLayer> layers = model.network().layers();
        for (int k = 1; k <= layers.size(); k++) {
            for (String unit : layers.get(k - 1).unitNames()) {
                sink.header(c++, LayerSheets.pre(k) + "_" + unit);
            }
            for (String unit : layers.get(k - 1).outputNames()) {
                sink.header(c++, LayerSheets.act(k) + "_" + unit);
            }
        }
        sink.endRow();
    }

    private void writeRow(SheetSink sink, int r, Row row, double[] raw, double[] prepared, ForwardTrace trace) {
        int width = model.network().inputWidth();
        sink.startRow();
        int c = 0;
        sink.number(c++, r + 1);
        for (int id : columns.ids()) {
            sink.value(c++, CellValue.of(row.get(id)));
        }
        for (int i = 0; i < width; i++) {
            sink.number(c++, raw[r * width + i]);
        }
        for (int i = 0; i < width; i++) {
            sink.number(c++, prepared[r * width + i]);
        }
        for (ForwardTrace.LayerValues layer : trace.layers()) {
            for (int j = 0; j < layer.units(); j++) {
                sink.number(c++, layer.pre()[r * layer.units() + j]);
            }
            for (int j = 0; j < layer.width(); j++) {
                sink.number(c++, layer.act()[r * layer.width() + j]);
            }
        }
        sink.endRow();
    }
}
