package org.sheetnet.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.sheetnet.SheetnetException;
import org.sheetnet.engine.ForwardTrace;
import org.sheetnet.io.CellValues;
import org.sheetnet.io.InputRow;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;

/**
 * Writes the scored workbook with POI's streaming writer: the model's sheets copied, the inputs,
 * {@code L{k}_pre} and {@code L{k}_act} for every layer, {@code Predictions} and {@code Audit}.
 * Batches are appended to every sheet as they come, so memory does not grow with the row count.
 */
public final class ScoredWorkbookWriter implements Closeable {

    /** Name of the column holding the predicted class of a softmax output. */
    public static final String PREDICTED_CLASS = "predicted_class";

    private final SafeOutputFile out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(null, 256, true, false);
    private final CellStyle headerStyle;
    private final List<SheetAppender> layerSheets = new ArrayList<>();
    private SheetAppender inputs;
    private SheetAppender predictions;
    private Network network;
    private int[] idColumns;
    private boolean classify;
    private boolean committed;

    /** Starts an output workbook to be moved to {@code out} when finished. */
    public ScoredWorkbookWriter(SafeOutputFile out) {
        this.out = out;
        this.headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
    }

    /**
     * Copies the values of the model workbook's sheets (formulas as their cached values).
     *
     * @param model   the model workbook; not modified
     * @param include which sheets to copy, by name
     */
    public void copySheets(Workbook model, Predicate<String> include) {
        for (Sheet source : model) {
            if (!include.test(source.getSheetName())) {
                continue;
            }
            Sheet target = workbook.createSheet(source.getSheetName());
            for (Row row : source) {
                Row copy = target.createRow(row.getRowNum());
                for (Cell cell : row) {
                    SheetAppender.put(copy, cell.getColumnIndex(), CellValues.of(cell));
                }
            }
        }
    }

    /**
     * Creates the input, layer and prediction sheets with their header rows.
     *
     * @param network   the network being scored
     * @param header    the input header
     * @param idColumns input columns copied to every output sheet
     */
    public void begin(Network network, List<String> header, int[] idColumns) {
        this.network = network;
        this.idColumns = idColumns.clone();
        List<String> ids = new ArrayList<>();
        for (int c : idColumns) {
            ids.add(header.get(c));
        }
        inputs = sheet("Inputs", header);
        for (int k = 0; k < network.depth(); k++) {
            DenseLayer layer = network.layers().get(k);
            layerSheets.add(sheet(LayerSheets.pre(k + 1), concat(ids, layer.unitNames())));
            layerSheets.add(sheet(LayerSheets.act(k + 1), concat(ids, layer.outputNames())));
        }
        DenseLayer last = network.outputLayer();
        classify = "softmax".equals(last.activation().name()) && last.outputWidth() > 1;
        List<String> predictionHeader = concat(ids, last.outputNames());
        if (classify) {
            predictionHeader.add(PREDICTED_CLASS);
        }
        predictions = sheet("Predictions", predictionHeader);
        workbook.setActiveSheet(workbook.getSheetIndex(predictions.sheet()));
    }

    private SheetAppender sheet(String name, List<String> header) {
        if (workbook.getSheet(name) != null) {
            throw SheetnetException.model("the model workbook already has a sheet named \"" + name
                    + "\", which sheetnet writes; rename that sheet");
        }
        SheetAppender appender = new SheetAppender(workbook.createSheet(name));
        appender.header(header, headerStyle);
        return appender;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Appends one batch to every sheet.
     *
     * @param rows  the batch's input rows, in order
     * @param trace the forward pass over those rows
     */
    public void append(List<InputRow> rows, ForwardTrace trace) {
        for (int r = 0; r < rows.size(); r++) {
            InputRow in = rows.get(r);
            Row row = inputs.newRow();
            for (int c = 0; c < in.values().length; c++) {
                SheetAppender.put(row, c, in.values()[c]);
            }
            for (int k = 0; k < network.depth(); k++) {
                ForwardTrace.LayerValues v = trace.layers().get(k);
                writeValues(layerSheets.get(2 * k), in, v.pre(), r * v.units(), v.units());
                writeValues(layerSheets.get(2 * k + 1), in, v.act(), r * v.width(), v.width());
            }
            ForwardTrace.LayerValues output = trace.output();
            Row p = writeValues(predictions, in, output.act(), r * output.width(), output.width());
            if (classify) {
                p.createCell(idColumns.length + output.width())
                        .setCellValue(network.outputLayer().outputNames().get(argMax(output.act(), r * output.width(), output.width())));
            }
        }
    }

    private Row writeValues(SheetAppender sheet, InputRow in, double[] values, int offset, int width) {
        Row row = sheet.newRow();
        for (int i = 0; i < idColumns.length; i++) {
            SheetAppender.put(row, i, in.values()[idColumns[i]]);
        }
        for (int j = 0; j < width; j++) {
            row.createCell(idColumns.length + j).setCellValue(values[offset + j]);
        }
        return row;
    }

    // Ties go to the first unit, as numpy's argmax does.
    private static int argMax(double[] v, int offset, int width) {
        int best = 0;
        for (int j = 1; j < width; j++) {
            if (v[offset + j] > v[offset + best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * Writes the Audit sheet, then the workbook, and moves it into place.
     *
     * @param audit the Audit sheet's lines
     */
    public void finish(AuditLog audit) {
        Sheet sheet = workbook.createSheet("Audit");
        audit.writeTo(sheet, headerStyle);
        try (OutputStream stream = Files.newOutputStream(out.temporary())) {
            workbook.write(stream);
        } catch (IOException e) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT,
                    out.target() + ": cannot be written: " + e.getMessage(), e);
        }
        out.commit();
        committed = true;
    }

    /** Releases the streaming writer's temporary files; removes the partial output unless finished. */
    @Override
    public void close() {
        workbook.dispose();
        try {
            workbook.close();
        } catch (IOException e) {
            // Closing only releases memory here; the output has been written or discarded.
        }
        if (!committed) {
            out.discard();
        }
    }
}
