package org.sheetnet.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sheetnet.SheetnetException;
import org.sheetnet.engine.ForwardTrace;
import org.sheetnet.io.CellValues;
import org.sheetnet.io.InputRow;
import org.sheetnet.io.ModelWorkbook;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;

/**
 * Writes the scored workbook: the model's sheets copied, the inputs, {@code L{k}_pre} and
 * {@code L{k}_act} for every layer, {@code Predictions} and {@code Audit}. Batches are appended to
 * every sheet as they come. With formulas, every computed cell is a live Excel formula over the
 * cells it comes from, with sheetnet's value stored as its cached result.
 */
public final class ScoredWorkbookWriter implements Closeable {

    /** Name of the column holding the predicted class of a softmax output. */
    public static final String PREDICTED_CLASS = "predicted_class";

    private final Workbook workbook;
    private final SafeOutputFile out;
    private final boolean formulas;
    private final CellStyle headerStyle;
    private final List<SheetAppender> layerSheets = new ArrayList<>();
    private final List<String> valueOnly = new ArrayList<>();
    private SheetAppender inputs;
    private SheetAppender features;
    private SheetAppender predictions;
    private Network network;
    private LayerFormulas cellFormulas;
    private int[] idColumns;
    private boolean classify;
    private boolean committed;

    private ScoredWorkbookWriter(Workbook workbook, SafeOutputFile out, boolean formulas) {
        this.workbook = workbook;
        this.out = out;
        this.formulas = formulas;
        this.headerStyle = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
    }

    /** A writer that streams to {@code out} (POI's SXSSF), moved into place by {@link #finish}. */
    public static ScoredWorkbookWriter streaming(SafeOutputFile out, boolean formulas) {
        return new ScoredWorkbookWriter(new SXSSFWorkbook(null, 256, false, false), out, formulas);
    }

    /** A writer that keeps everything in memory, for checking a sample of formulas before the real run. */
    public static ScoredWorkbookWriter inMemory(boolean formulas) {
        return new ScoredWorkbookWriter(new XSSFWorkbook(), null, formulas);
    }

    /** Recomputes the formulas written so far with POI; for a writer made by {@link #inMemory}. */
    public FormulaCheck.Result checkFormulas() {
        if (out != null) {
            throw new IllegalStateException("formulas can only be checked in memory");
        }
        return FormulaCheck.run(workbook);
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
     * @param sources   where each layer's parameters stand in the copied model sheets (for formulas)
     * @param header    the input header
     * @param features  for each network input, its input column
     * @param idColumns input columns copied to every output sheet
     */
    public void begin(Network network, List<ModelWorkbook.LayerSource> sources, List<String> header, int[] features,
            int[] idColumns) {
        this.network = network;
        this.idColumns = idColumns.clone();
        this.cellFormulas = new LayerFormulas(network, sources, features, idColumns.length);
        List<String> ids = new ArrayList<>();
        for (int c : idColumns) {
            ids.add(header.get(c));
        }
        inputs = sheet("Inputs", header);
        if (formulas) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < features.length; i++) {
                names.add(header.get(features[i]));
            }
            this.features = sheet(LayerFormulas.FEATURES, concat(ids, names));
        }
        for (int k = 0; k < network.depth(); k++) {
            DenseLayer layer = network.layers().get(k);
            layerSheets.add(sheet(LayerSheets.pre(k + 1), concat(ids, layer.unitNames())));
            layerSheets.add(sheet(LayerSheets.act(k + 1), concat(ids, layer.outputNames())));
            // Row 1,048,575 gives the longest references, so the check holds for every row.
            if (formulas && cellFormulas.act(k + 1, 1_048_575, 0).isEmpty()) {
                valueOnly.add(LayerSheets.act(k + 1) + " (" + layer.activation().name()
                        + " over " + layer.units() + " units has no formula form within Excel's "
                        + LayerFormulas.MAX_FORMULA_LENGTH + "-character limit)");
            }
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

    /** Sheets written as values although formulas were asked for, with the reason. */
    public List<String> valueOnlySheets() {
        return List.copyOf(valueOnly);
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
     * @param x     the batch's features, row-major, as the network saw them
     * @param trace the forward pass over those rows
     */
    public void append(List<InputRow> rows, double[] x, ForwardTrace trace) {
        int width = network.inputWidth();
        for (int r = 0; r < rows.size(); r++) {
            InputRow in = rows.get(r);
            Row row = inputs.newRow();
            for (int c = 0; c < in.values().length; c++) {
                SheetAppender.put(row, c, in.values()[c]);
            }
            if (features != null) {
                Row f = idRow(features, in);
                int sheetRow = f.getRowNum();
                for (int i = 0; i < width; i++) {
                    formula(f, idColumns.length + i, Optional.of(cellFormulas.feature(sheetRow, i)), x[r * width + i]);
                }
            }
            for (int k = 0; k < network.depth(); k++) {
                ForwardTrace.LayerValues v = trace.layers().get(k);
                appendLayer(k + 1, in, v, r);
            }
            appendPrediction(in, trace.output(), r);
        }
    }

    private void appendLayer(int k, InputRow in, ForwardTrace.LayerValues v, int r) {
        Row pre = idRow(layerSheets.get(2 * k - 2), in);
        int sheetRow = pre.getRowNum();
        for (int j = 0; j < v.units(); j++) {
            Optional<String> f = formulas ? Optional.of(cellFormulas.pre(k, sheetRow, j)) : Optional.empty();
            formula(pre, idColumns.length + j, f, v.pre()[r * v.units() + j]);
        }
        Row act = idRow(layerSheets.get(2 * k - 1), in);
        for (int j = 0; j < v.width(); j++) {
            Optional<String> f = formulas ? cellFormulas.act(k, sheetRow, j) : Optional.empty();
            formula(act, idColumns.length + j, f, v.act()[r * v.width() + j]);
        }
    }

    private void appendPrediction(InputRow in, ForwardTrace.LayerValues output, int r) {
        Row p = idRow(predictions, in);
        int sheetRow = p.getRowNum();
        int width = output.width();
        for (int j = 0; j < width; j++) {
            Optional<String> f = formulas ? Optional.of(cellFormulas.output(sheetRow, j)) : Optional.empty();
            formula(p, idColumns.length + j, f, output.act()[r * width + j]);
        }
        if (classify) {
            String name = network.outputLayer().outputNames().get(argMax(output.act(), r * width, width));
            Cell cell = p.createCell(idColumns.length + width);
            if (formulas) {
                cell.setCellFormula(cellFormulas.predictedClass(sheetRow));
            }
            cell.setCellValue(name);
        }
    }

    private Row idRow(SheetAppender sheet, InputRow in) {
        Row row = sheet.newRow();
        for (int i = 0; i < idColumns.length; i++) {
            SheetAppender.put(row, i, in.values()[idColumns[i]]);
        }
        return row;
    }

    // A formula cell keeps sheetnet's value as its cached result, so Excel shows the numbers at once.
    private static void formula(Row row, int col, Optional<String> formula, double value) {
        Cell cell = row.createCell(col);
        formula.ifPresent(cell::setCellFormula);
        cell.setCellValue(value);
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

    /** Releases the writer's memory and temporary files; removes the partial output unless finished. */
    @Override
    public void close() {
        if (workbook instanceof SXSSFWorkbook streaming) {
            streaming.dispose();
        }
        try {
            workbook.close();
        } catch (IOException e) {
            // Closing only releases memory here; the output has been written or discarded.
        }
        if (out != null && !committed) {
            out.discard();
        }
    }
}
