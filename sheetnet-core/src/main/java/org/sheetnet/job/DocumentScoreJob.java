package org.sheetnet.job;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.engine.BatchScorer;
import org.sheetnet.engine.ForwardTrace;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.input.InputBinding;
import org.sheetnet.input.InputRow;
import org.sheetnet.input.RowSource;
import org.sheetnet.model.Network;
import org.sheetnet.report.ScoredWorkbookWriter;
import org.sheetnet.report.ValueDigest;
import org.sheetnet.sink.Destination;

/**
 * Scores a model and input rows held in memory, such as a document open in LibreOffice Calc, into any
 * {@link Destination}: the same steps as {@link ScoreJob} (check vectors first, the same input binding,
 * the one {@link BatchScorer}, the same sheet writer), so the numbers are those of {@code sheetnet score}
 * on the same cells, bit for bit. Values, or on request live formulas; on the calling thread; no file is
 * read or written.
 */
public final class DocumentScoreJob {

    /** Rows scored at a time, as {@code sheetnet score} does by default (the numbers do not depend on it). */
    static final int BATCH_ROWS = 4096;

    /**
     * Where the run comes from, for the Audit sheet.
     *
     * @param document       the document's file, or its title when it was never saved
     * @param commandLine    how the run was asked for, e.g. {@code LibreOffice Calc: sheetnet > Score}
     * @param checkTolerance the tolerance on the check vectors' deviation
     * @param formulas       whether computed cells are live formulas, as {@code sheetnet score --formulas}
     */
    public record Request(Path document, String commandLine, double checkTolerance, boolean formulas) {

        /** A request for values only. */
        public Request(Path document, String commandLine, double checkTolerance) {
            this(document, commandLine, checkTolerance, false);
        }
    }

    private DocumentScoreJob() {
    }

    /**
     * Runs the scoring.
     *
     * @param model   the model read with {@link org.sheetnet.format.workbook.ModelReader#read(String,
     *                org.sheetnet.format.workbook.SheetLookup, org.sheetnet.model.Provenance)}
     * @param rows    the input rows; read to their end, not closed
     * @param out     where the sheets go; finished (its Audit written) on success
     * @param request what the Audit reports
     * @throws SheetnetException (MISMATCH) when the check vectors do not reproduce, (INPUT) for rows that
     *                           cannot be scored, naming the cell; nothing is finished then
     */
    public static ScoreJob.Result run(ModelWorkbook model, RowSource rows, Destination out, Request request) {
        ScoreOptions options = new ScoreOptions(request.document(), Optional.empty(), Optional.empty(),
                request.document(), true, BATCH_ROWS, request.formulas(), request.checkTolerance(), 1, request.commandLine());
        RunRecord record = new RunRecord(options, Instant.now(), true);
        Network network = model.network();
        Optional<CheckVectors.Result> checks = CheckVectors.evaluate(model.model(), request.checkTolerance());
        checks.ifPresent(c -> ScoreJob.requirePassed(c, options));
        record.checks = checks;
        int batchRows = ScoreJob.batchRows(options, network, rows, record);
        List<InputRow> batch = ScoreJob.readBatch(rows, batchRows);
        InputBinding binding = ScoreJob.bind(network, rows, batch, Optional.empty(), model);
        if (!binding.byName()) {
            record.notes.add(RunRecord.positionNote(rows.header(), binding));
        }
        BatchScorer scorer = BatchScorer.onCallingThread(model.model());
        try (ScoredWorkbookWriter writer = ScoredWorkbookWriter.to(out, request.formulas())) {
            writer.begin(network, model.sources(), model.preparation(), rows.header(), binding.features(),
                    binding.idColumns(), Optional.empty());
            ValueDigest inputs = new ValueDigest();
            rows.header().forEach(inputs::add);
            double[] x = new double[batchRows * network.inputWidth()];
            while (!batch.isEmpty()) {
                ForwardTrace trace = ScoreJob.score(scorer, binding, x, batch, rows);
                writer.append(batch, x, trace, null);
                batch.forEach(inputs::addRow);
                record.rows += batch.size();
                batch = ScoreJob.readBatch(rows, batchRows);
            }
            if (record.rows == 0) {
                throw SheetnetException.input(rows.describe() + ": no input rows below the header");
            }
            record.inputsDigest = inputs.hex();
            checks.ifPresent(c -> writer.checkPlot(c.pairs()));
            record.valueOnlySheets = writer.valueOnlySheets();
            writer.finish(record.toAudit(model, rows, binding));
        }
        return new ScoreJob.Result(record.rows, network, checks,
                binding.preparation() == null ? Optional.empty() : Optional.of(binding.log()), Optional.empty(),
                List.copyOf(record.notes), List.of());
    }
}
