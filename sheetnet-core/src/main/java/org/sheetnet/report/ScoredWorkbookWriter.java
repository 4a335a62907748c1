package org.sheetnet.report;

import java.io.Closeable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.sheetnet.SheetnetException;
import org.sheetnet.engine.ForwardTrace;
import org.sheetnet.format.workbook.FeaturesSheet;
import org.sheetnet.evaluate.ArgMax;
import org.sheetnet.evaluate.Evaluator;
import org.sheetnet.evaluate.TargetBatch;
import org.sheetnet.evaluate.Targets;
import org.sheetnet.input.InputRow;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;
import org.sheetnet.xlsx.DefinedName;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.sink.AuditLog;
import org.sheetnet.sink.CsvDestination;
import org.sheetnet.sink.Destination;
import org.sheetnet.sink.OutputErrors;
import org.sheetnet.sink.OutputFolder;
import org.sheetnet.sink.SafeOutputFile;
import org.sheetnet.sink.SheetSink;
import org.sheetnet.sink.SheetTasks;
import org.sheetnet.sink.WorkbookDestination;

/**
 * Writes the scored workbook: the model's sheets copied, the inputs, {@code L{k}_pre} and
 * {@code L{k}_act} for every layer, {@code Predictions} and {@code Audit}. Batches are appended to
 * every sheet as they come, each sheet by its own task, so that sheets are written in parallel while
 * every sheet's content stays the same whatever the thread count. With formulas, every computed
 * cell is a live Excel formula over the cells it comes from, with sheetnet's value as its cached result.
 */
public final class ScoredWorkbookWriter implements Closeable {

    /** Name of the column holding the predicted class of a softmax output. */
    public static final String PREDICTED_CLASS = "predicted_class";

    private final Destination destination;
    private final boolean formulas;
    private final SheetTasks tasks;
    private final List<SheetSink> layerSinks = new ArrayList<>();
    private final List<String> valueOnly = new ArrayList<>();
    private SheetSink inputs;
    private SheetSink features;
    private SheetSink predictions;
    private Network network;
    private LayerFormulas cellFormulas;
    private int[] idColumns;
    private boolean classify;
    private PredictionTargets targetCells;
    private long rowsWritten;

    private ScoredWorkbookWriter(Destination destination, boolean formulas, int threads) {
        this.destination = destination;
        this.formulas = formulas;
        this.tasks = new SheetTasks(threads, destination.name());
    }

    /**
     * A writer that streams an .xlsx workbook to {@code out}, moved into place by {@link #finish}.
     *
     * @param threads number of sheets written at the same time (1 = all on the calling thread)
     */
    public static ScoredWorkbookWriter streaming(SafeOutputFile out, boolean formulas, int threads) {
        return new ScoredWorkbookWriter(new WorkbookDestination(out), formulas, threads);
    }

    /**
     * A writer that puts one CSV file per sheet into {@code folder}, replacing only files of those
     * names: no row limit, values only.
     */
    public static ScoredWorkbookWriter csvFolder(OutputFolder folder, int threads) {
        return new ScoredWorkbookWriter(CsvDestination.folder(folder), false, threads);
    }

    /** A writer that puts the predictions alone into the CSV file {@code out}: no row limit, values only. */
    public static ScoredWorkbookWriter csvPredictions(SafeOutputFile out, int threads) {
        return new ScoredWorkbookWriter(CsvDestination.file(out, "Predictions"), false, threads);
    }

    /**
     * A writer of values (no formulas) to any destination, all on the calling thread: a document open
     * in a spreadsheet program, say.
     */
    public static ScoredWorkbookWriter to(Destination destination) {
        return new ScoredWorkbookWriter(destination, false, 1);
    }

    /**
     * A writer to any destination, all on the calling thread, with live formulas when asked for and the
     * destination takes them (see {@link Destination#supportsFormulas}).
     */
    public static ScoredWorkbookWriter to(Destination destination, boolean formulas) {
        return new ScoredWorkbookWriter(destination, formulas && destination.supportsFormulas(), 1);
    }

    /** A writer that keeps everything in a POI workbook in memory, to check a sample of formulas. */
    public static ScoredWorkbookWriter inMemory(boolean formulas) {
        return new ScoredWorkbookWriter(new WorkbookDestination(null), formulas, 1);
    }

    /**
     * Recomputes a sample of the formulas written so far with POI (see {@link FormulaCheck#sample}):
     * one in each of up to 64 columns of each sheet; for a writer made by {@link #inMemory}.
     */
    public FormulaCheck.Result checkFormulas() {
        tasks.awaitAll();
        if (!(destination instanceof WorkbookDestination w) || w.workbook() == null) {
            throw new IllegalStateException("formulas can only be checked in memory");
        }
        return FormulaCheck.sample(w.workbook());
    }

    /**
     * Copies the values of the model workbook's sheets that were read (formulas as their cached values).
     *
     * @param model   the sheets read from the model workbook, in its order
     * @param include which sheets to copy, by name
     */
    public void copySheets(List<SparseSheet> model, Predicate<String> include) {
        tasks.awaitAll();
        writing(() -> destination.copySheets(model, include));
    }

    /**
     * Defines the model workbook's names of ranges on the sheets copied (see {@link Destination#copyNames}).
     *
     * @param names the model workbook's defined names
     */
    public void copyNames(List<DefinedName> names) {
        tasks.awaitAll();
        writing(() -> destination.copyNames(names));
    }

    /**
     * Creates the input, layer and prediction sheets with their header rows.
     *
     * @param network   the network being scored
     * @param sources   where each layer's parameters stand in the copied model sheets (for formulas)
     * @param preparation the Features sheet, whose prepared inputs go to sheet L0_prepared
     * @param header    the input header
     * @param features  for each network input, its input column
     * @param idColumns input columns copied to every output sheet
     * @param targets   the target columns, carried to Predictions after the outputs, if any
     */
    public void begin(Network network, List<ModelWorkbook.LayerSource> sources,
            Optional<FeaturesSheet.Preparation> preparation, List<String> header, int[] features, int[] idColumns,
            Optional<Targets> targets) {
        tasks.awaitAll();
        writing(() -> open(network, sources, preparation, header, features, idColumns, targets));
    }

    private void open(Network network, List<ModelWorkbook.LayerSource> sources,
            Optional<FeaturesSheet.Preparation> preparation, List<String> header, int[] features, int[] idColumns,
            Optional<Targets> targets) {
        this.network = network;
        this.idColumns = idColumns.clone();
        this.cellFormulas = new LayerFormulas(network, sources, preparation, features, idColumns.length);
        List<String> ids = new ArrayList<>();
        for (int c : idColumns) {
            ids.add(header.get(c));
        }
        inputs = sheet("Inputs", header);
        // The features as layer 1 sees them: needed by formulas, and by an auditor whenever they were prepared.
        if (formulas || preparation.isPresent()) {
            List<String> names = new ArrayList<>();
            for (int f : features) {
                names.add(header.get(f));
            }
            this.features = sheet(cellFormulas.featureSheet(), concat(ids, names));
        }
        for (int k = 0; k < network.depth(); k++) {
            DenseLayer layer = network.layers().get(k);
            layerSinks.add(sheet(LayerSheets.pre(k + 1), concat(ids, layer.unitNames())));
            layerSinks.add(sheet(LayerSheets.act(k + 1), concat(ids, layer.outputNames())));
            // Row 1,048,575 gives the longest references, so the check holds for every row.
            if (formulas && cellFormulas.act(k + 1, 1_048_575, 0).isEmpty()) {
                valueOnly.add(LayerSheets.act(k + 1) + " (" + layer.activation().name() + " over " + layer.units()
                        + " units has no formula form within Excel's " + LayerFormulas.MAX_FORMULA_LENGTH
                        + "-character limit)");
            }
        }
        DenseLayer last = network.outputLayer();
        classify = "softmax".equals(last.activation().name()) && last.outputWidth() > 1;
        List<String> predictionHeader = concat(ids, last.outputNames());
        if (classify) {
            predictionHeader.add(PREDICTED_CLASS);
        }
        targetCells = targets.map(t -> new PredictionTargets(t, ids.size(), last.outputWidth(), classify)).orElse(null);
        if (targetCells != null) {
            predictionHeader.addAll(targetCells.header());
        }
        // Before the sheet is made: a streamed sheet writes whether it is selected in its first bytes.
        destination.activate("Predictions");
        predictions = sheet("Predictions", predictionHeader);
    }

    /** Sheets written as values although formulas were asked for, with the reason. */
    public List<String> valueOnlySheets() {
        tasks.awaitAll();
        return List.copyOf(valueOnly);
    }

    private SheetSink sheet(String name, List<String> header) {
        if (destination.hasSheet(name)) {
            throw SheetnetException.model("the model workbook already has a sheet named \"" + name
                    + "\", which sheetnet writes; rename that sheet");
        }
        SheetSink sink = destination.sheet(name);
        sink.startRow();
        for (int c = 0; c < header.size(); c++) {
            sink.header(c, header.get(c));
        }
        sink.endRow();
        return sink;
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
        append(rows, x, trace, null);
    }

    /**
     * Appends one batch to every sheet, with its targets in Predictions. It may return before the
     * batch is written (while the caller reads the next), so the caller must leave the arrays and
     * rows it passed unchanged until its next call on this writer.
     *
     * @param rows    the batch's input rows, in order
     * @param x       the batch's features, row-major, as the network saw them
     * @param trace   the forward pass over those rows
     * @param targets the batch's targets; null when the run has none
     */
    public void append(List<InputRow> rows, double[] x, ForwardTrace trace, TargetBatch targets) {
        rowsWritten += rows.size();
        if (rowsWritten >= destination.maxRows()) {
            throw SheetnetException.input("more than " + String.format("%,d", destination.maxRows() - 1)
                    + " input rows: more than an Excel sheet holds; write CSV files instead, with --out FOLDER"
                    + " (a name without .xlsx), which has no row limit");
        }
        List<Runnable> jobs = new ArrayList<>();
        jobs.add(() -> forEachRow(rows, inputs, (r, in) -> {
            for (int c = 0; c < in.size(); c++) {
                InputCells.copy(inputs, c, in, c);
            }
        }));
        if (features != null) {
            int width = network.inputWidth();
            jobs.add(() -> forEachRow(rows, features, (r, in) -> {
                for (int i = 0; i < width; i++) {
                    cell(features, i, formulas ? cellFormulas.feature(features.row(), i) : null, x[r * width + i]);
                }
            }));
        }
        for (int k = 1; k <= network.depth(); k++) {
            ForwardTrace.LayerValues v = trace.layers().get(k - 1);
            int layer = k;
            jobs.add(() -> appendPre(layer, rows, v));
            jobs.add(() -> appendAct(layer, rows, v));
        }
        jobs.add(() -> appendPredictions(rows, trace.output(), targets));
        // Returns while the batch is written: the caller reads and computes the next one meanwhile.
        tasks.submitAll(jobs);
    }

    /** What to write in one row, after its id columns. */
    private interface RowBody {
        void write(int r, InputRow in);
    }

    private void forEachRow(List<InputRow> rows, SheetSink sink, RowBody body) {
        if (sink.discards()) {
            // The predictions-only CSV keeps no layer sheet: formatting their cells for nothing took a tenth of a run.
            return;
        }
        boolean ids = sink != inputs;
        for (int r = 0; r < rows.size(); r++) {
            InputRow in = rows.get(r);
            sink.startRow();
            if (ids) {
                for (int i = 0; i < idColumns.length; i++) {
                    InputCells.copy(sink, i, in, idColumns[i]);
                }
            }
            body.write(r, in);
            sink.endRow();
        }
    }

    private void appendPre(int k, List<InputRow> rows, ForwardTrace.LayerValues v) {
        SheetSink sink = layerSinks.get(2 * k - 2);
        forEachRow(rows, sink, (r, in) -> {
            for (int j = 0; j < v.units(); j++) {
                cell(sink, j, formulas ? cellFormulas.pre(k, sink.row(), j) : null, v.pre()[r * v.units() + j]);
            }
        });
    }

    private void appendAct(int k, List<InputRow> rows, ForwardTrace.LayerValues v) {
        SheetSink sink = layerSinks.get(2 * k - 1);
        forEachRow(rows, sink, (r, in) -> {
            for (int j = 0; j < v.width(); j++) {
                String f = formulas ? cellFormulas.act(k, sink.row(), j).orElse(null) : null;
                cell(sink, j, f, v.act()[r * v.width() + j]);
            }
        });
    }

    private void appendPredictions(List<InputRow> rows, ForwardTrace.LayerValues output, TargetBatch targets) {
        int width = output.width();
        forEachRow(rows, predictions, (r, in) -> {
            for (int j = 0; j < width; j++) {
                cell(predictions, j, formulas ? cellFormulas.output(predictions.row(), j) : null,
                        output.act()[r * width + j]);
            }
            if (classify) {
                String name = network.outputLayer().outputNames().get(ArgMax.of(output.act(), r * width, width));
                int col = idColumns.length + width;
                if (formulas) {
                    predictions.formulaText(col, cellFormulas.predictedClass(predictions.row()), name);
                } else {
                    predictions.text(col, name);
                }
            }
            if (targetCells != null) {
                targetCells.write(predictions, in, r, output.act(), targets, formulas);
            }
        });
    }

    private void cell(SheetSink sink, int unit, String formula, double value) {
        int col = idColumns.length + unit;
        double shown = unsigned(value);
        if (formula == null) {
            sink.number(col, shown);
        } else {
            sink.formula(col, formula, shown);
        }
    }

    /**
     * A computed value as its cell shows it: −0.0 (relu of a negative number is {@code 0 * a}, and any
     * product with a zero may be signed) becomes +0.0, which Excel, LibreOffice and a reader of the CSV
     * show as 0 rather than -0. Equal under ==, so verify and the metrics are unaffected; only the cell
     * changes, never the computed bits passed on to the next layer or the evaluation.
     */
    static double unsigned(double value) {
        return value == 0.0 ? 0.0 : value;
    }

    /**
     * Writes the Evaluation sheet: the metrics against the targets, with their formulas, and in a
     * workbook the charts drawn from the cells.
     *
     * @param evaluation the metrics accumulated over every row
     */
    public void evaluation(Evaluator evaluation) {
        tasks.awaitAll();
        if (destination.hasSheet(EvaluationSheet.NAME)) {
            throw SheetnetException.model("the model workbook already has a sheet named \"" + EvaluationSheet.NAME
                    + "\", which sheetnet writes; rename that sheet");
        }
        writing(() -> {
            EvaluationSheet.Layout layout = EvaluationSheet.write(destination.smallSheet(EvaluationSheet.NAME),
                    evaluation);
            destination.frame().ifPresent(frame -> EvaluationCharts.add(frame, evaluation, layout, targetCells));
        });
    }

    /**
     * Writes the CheckPlot sheet: sheetnet's outputs on the check vectors next to the stored
     * references, with a scatter of one against the other in a workbook.
     *
     * @param pairs every compared output
     */
    public void checkPlot(List<CheckPlot.Pair> pairs) {
        tasks.awaitAll();
        if (pairs.isEmpty() || destination.hasSheet(CheckPlot.NAME)) {
            return;
        }
        writing(() -> {
            CheckPlot.write(destination.smallSheet(CheckPlot.NAME), pairs);
            // Not a lambda over the frame: creating one resolves POI's XSSFWorkbook even when there is no frame,
            // and LibreOffice's Java (the Calc extension) has no POI.
            if (destination.frame().isPresent()) {
                CheckPlotChart.add(destination.frame().get(), pairs.size());
            }
        });
    }

    /**
     * Writes the Audit sheet, then the output, and moves it into place.
     *
     * @param audit the Audit sheet's lines
     */
    public void finish(AuditLog audit) {
        tasks.awaitAll();
        writing(() -> destination.finish(audit));
    }

    // A write that fails (a full disk) is reported once, naming the output rather than a temporary file.
    private void writing(Runnable step) {
        try {
            step.run();
        } catch (UncheckedIOException e) {
            throw OutputErrors.cannotWrite(destination.name(), e);
        }
    }

    /** Releases memory, threads and temporary files; removes the partial output unless finished. */
    @Override
    public void close() {
        tasks.close();
        destination.close();
    }
}
