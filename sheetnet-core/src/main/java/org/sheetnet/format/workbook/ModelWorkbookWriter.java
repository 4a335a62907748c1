package org.sheetnet.format.workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.CheckVector;
import org.sheetnet.model.CheckVectorSet;
import org.sheetnet.model.FeatureScaling;
import org.sheetnet.model.InputPreparation;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;
import org.sheetnet.sink.AuditLog;
import org.sheetnet.sink.DefaultCellStyle;
import org.sheetnet.sink.OutputPolicy;
import org.sheetnet.sink.PoiCells;
import org.sheetnet.sink.SafeOutputFile;
import org.sheetnet.xlsx.SparseSheet;

/**
 * Writes a model as a model workbook in the contract's layout: a {@code Model} sheet with one row
 * per layer, and for layer k a sheet {@code Wk} (a header of unit names, a first column of input
 * names where the layer has them, n_in × n_out numbers) and a sheet {@code bk} (the unit names
 * above n_out numbers). Further sheets (an audit of the source, checks, inputs) follow them.
 * The file is written to a temporary file and moved into place when complete.
 */
public final class ModelWorkbookWriter {

    /**
     * A sheet of plain rows to add after the model's sheets.
     *
     * @param name the sheet's name
     * @param rows rows of String, Number or null cells; the first row is a header, in bold
     */
    public record ExtraSheet(String name, List<List<Object>> rows) {
    }

    private static final String FEATURES = "Features";
    private static final String CHECKS = "Checks";
    private static final String EXPECTED = "expected:";

    private static final SpreadsheetVersion XLSX = SpreadsheetVersion.EXCEL2007;

    private ModelWorkbookWriter() {
    }

    /**
     * Writes the workbook.
     *
     * @param model   the model: its layers (numbers written as they are, to full double precision), then
     *                its preparation as a Features sheet and its check vectors as a Checks sheet
     * @param audit   lines of a sheet describing where the network came from, or null for none
     * @param auditSheet the name of that sheet
     * @param extras  further sheets, in order
     * @param target  the workbook to write
     * @param replace whether an existing target may be replaced
     * @throws SheetnetException (MODEL) if a layer does not fit in a sheet, (OUTPUT) if the target cannot be written
     */
    public static void write(Model model, AuditLog audit, String auditSheet, List<ExtraSheet> extras,
            Path target, boolean replace) {
        write(model, audit, auditSheet, extras, target, OutputPolicy.of(replace));
    }

    /**
     * Writes the workbook under an output policy (which inputs it must never replace).
     *
     * @throws SheetnetException as the other {@code write}, and (OUTPUT) if the target is one of the policy's inputs
     */
    public static void write(Model model, AuditLog audit, String auditSheet, List<ExtraSheet> extras,
            Path target, OutputPolicy policy) {
        new SafeOutputFile(target, policy).write(stream -> {
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                DefaultCellStyle.addTo(workbook);
                CellStyle bold = boldStyle(workbook);
                addModelSheets(workbook, bold, model.network());
                if (audit != null) {
                    audit.writeTo(workbook.createSheet(auditSheet), bold);
                }
                model.preparation().ifPresent(p -> fill(workbook, bold, FEATURES, featureRows(p)));
                model.checks().ifPresent(c -> fill(workbook, bold, CHECKS, checkRows(model, c)));
                for (ExtraSheet extra : extras) {
                    fill(workbook, bold, extra.name(), extra.rows());
                }
                workbook.write(stream);
            }
        });
    }

    /**
     * The sheets {@link #write} puts in the file, in the same order with the same cells, as sheets in
     * memory: what the workbook reader reads back from that file, without the file (numbers are held as
     * the doubles written, which an .xlsx stores to the last bit).
     *
     * @throws SheetnetException (MODEL) if a layer does not fit in a sheet
     */
    public static List<SparseSheet> sheets(Model model, AuditLog audit, String auditSheet, List<ExtraSheet> extras) {
        requireFits(model.network());
        List<SparseSheet> sheets = new ArrayList<>();
        sheets.add(sparse("Model", modelRows(model.network())));
        for (int k = 1; k <= model.network().depth(); k++) {
            DenseLayer layer = model.network().layers().get(k - 1);
            sheets.add(sparse("W" + k, weightRows(layer)));
            sheets.add(sparse("b" + k, biasRows(layer)));
        }
        if (audit != null) {
            SparseSheetSink sink = new SparseSheetSink(auditSheet);
            audit.writeTo(sink);
            sheets.add(sink.build());
        }
        model.preparation().ifPresent(p -> sheets.add(sparse(FEATURES, featureRows(p))));
        model.checks().ifPresent(c -> sheets.add(sparse(CHECKS, checkRows(model, c))));
        for (ExtraSheet extra : extras) {
            sheets.add(sparse(extra.name(), extra.rows()));
        }
        return List.copyOf(sheets);
    }

    // The cells fill() writes, as the reader gives them back: numbers as Double, text as String.
    private static SparseSheet sparse(String name, List<List<Object>> rows) {
        SparseSheet.Builder sheet = new SparseSheet.Builder(name);
        for (int r = 0; r < rows.size(); r++) {
            List<Object> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                sheet.add(r, c, v instanceof Number n ? (Object) n.doubleValue() : v);
            }
        }
        return sheet.build();
    }

    /**
     * Adds the sheets of the workbook contract to a workbook: {@code Model}, then {@code Wk} and {@code bk}
     * per layer. Shared by every writer of model workbooks (importers, trainer).
     *
     * @throws SheetnetException (MODEL) if a layer does not fit in a sheet
     */
    public static void addModelSheets(XSSFWorkbook workbook, CellStyle bold, Network network) {
        requireFits(network);
        fill(workbook, bold, "Model", modelRows(network));
        for (int k = 1; k <= network.depth(); k++) {
            DenseLayer layer = network.layers().get(k - 1);
            fill(workbook, bold, "W" + k, weightRows(layer));
            fill(workbook, bold, "b" + k, biasRows(layer));
        }
    }

    /** The Features sheet: feature | offset | scale | default | min | max, one row per input, in order. */
    static List<List<Object>> featureRows(InputPreparation preparation) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("feature", "offset", "scale", "default", "min", "max"));
        for (FeatureScaling f : preparation.features()) {
            List<Object> row = new ArrayList<>(List.of(f.name(), f.offset(), f.scale()));
            row.add(f.hasDefault() ? f.defaultValue() : null);
            row.add(Double.isInfinite(f.min()) ? null : f.min());
            row.add(Double.isInfinite(f.max()) ? null : f.max());
            while (row.get(row.size() - 1) == null) {
                row.remove(row.size() - 1);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The Checks sheet: the raw inputs under the model's input names, then expected:OUTPUT per output. */
    static List<List<Object>> checkRows(Model model, CheckVectorSet checks) {
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(model.inputNames());
        model.outputNames().forEach(o -> header.add(EXPECTED + o));
        rows.add(header);
        for (CheckVector v : checks.vectors()) {
            List<Object> row = new ArrayList<>();
            for (double x : v.inputs()) {
                row.add(x);
            }
            for (double e : v.expected()) {
                row.add(e);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The Model sheet: layer | weights | bias | activation | alpha. */
    static List<List<Object>> modelRows(Network network) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("layer", "weights", "bias", "activation", "alpha"));
        for (int k = 1; k <= network.depth(); k++) {
            DenseLayer layer = network.layers().get(k - 1);
            List<Object> row = new ArrayList<>(List.of(layer.name(), "W" + k, "b" + k, layer.activation().name()));
            alpha(layer.activation()).ifPresent(row::add);
            rows.add(row);
        }
        return rows;
    }

    /**
     * The parameter to write in the {@code alpha} column: present only when the activation takes one
     * and it differs from Keras's default, so that a blank cell reads back as the same value.
     */
    public static OptionalDouble alpha(Activation activation) {
        OptionalDouble p = activation.parameter();
        if (p.isEmpty()) {
            return p;
        }
        OptionalDouble byDefault = Activations.of(activation.name()).parameter();
        boolean same = byDefault.isPresent()
                && Double.doubleToLongBits(byDefault.getAsDouble()) == Double.doubleToLongBits(p.getAsDouble());
        return same ? OptionalDouble.empty() : p;
    }

    private static List<List<Object>> weightRows(DenseLayer layer) {
        boolean named = !layer.inputNames().isEmpty();
        List<List<Object>> rows = new ArrayList<>(layer.inputWidth() + 1);
        List<Object> header = new ArrayList<>();
        if (named) {
            header.add("input");
        }
        header.addAll(layer.unitNames());
        rows.add(header);
        for (int i = 0; i < layer.inputWidth(); i++) {
            List<Object> row = new ArrayList<>(layer.units() + 1);
            if (named) {
                row.add(layer.inputNames().get(i));
            }
            for (int j = 0; j < layer.units(); j++) {
                row.add(layer.weights().get(i, j));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<Object>> biasRows(DenseLayer layer) {
        List<Object> values = new ArrayList<>(layer.units());
        for (double b : layer.bias()) {
            values.add(b);
        }
        return List.of(new ArrayList<>(layer.unitNames()), values);
    }

    private static void requireFits(Network network) {
        for (DenseLayer layer : network.layers()) {
            if (layer.units() + 1 > XLSX.getMaxColumns() || layer.inputWidth() + 1 > XLSX.getMaxRows()) {
                throw SheetnetException.model(layer.name() + ": " + layer.inputWidth() + "x" + layer.units()
                        + " weights do not fit in a sheet (at most " + XLSX.getMaxRows() + " rows and "
                        + XLSX.getMaxColumns() + " columns)");
            }
        }
    }

    private static void fill(XSSFWorkbook workbook, CellStyle bold, String name, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(name);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            List<Object> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                PoiCells.put(row, c, v instanceof Number n ? (Object) n.doubleValue() : v);
                if (r == 0 && v != null) {
                    row.getCell(c).setCellStyle(bold);
                }
            }
        }
        sheet.setColumnWidth(0, 14 * 256);
    }

    private static CellStyle boldStyle(XSSFWorkbook workbook) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        style.setFont(font);
        return style;
    }
}
