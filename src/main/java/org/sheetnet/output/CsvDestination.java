package org.sheetnet.output;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Workbook;
import org.sheetnet.SheetnetException;

/**
 * CSV output with no row limit: a folder of CSV files, one per output sheet ({@code Inputs.csv},
 * {@code L1_pre.csv}, …, {@code Predictions.csv}, {@code Audit.csv}), or a single file holding the
 * predictions alone. Written to a hidden temporary name and moved into place when complete. The
 * model's sheets are not copied (the Audit names the model file and its hash).
 */
final class CsvDestination implements Destination {

    private final SafeOutputFile out;
    private final String only;
    private final List<String> names = new ArrayList<>();
    private final List<CsvSheetSink> sinks = new ArrayList<>();
    private boolean committed;

    /**
     * @param out  a folder for every sheet, or a file for one sheet
     * @param only the one sheet written to the file {@code out}, or null for a folder of all sheets
     */
    CsvDestination(SafeOutputFile out, String only) {
        this.out = out;
        this.only = only;
    }

    @Override
    public SheetSink sheet(String name) {
        if (only != null && !only.equals(name)) {
            names.add(name);
            return new NullSheetSink();
        }
        CsvSheetSink sink = new CsvSheetSink(only != null ? out.temporary() : out.temporary().resolve(name + ".csv"));
        names.add(name);
        sinks.add(sink);
        return sink;
    }

    @Override
    public SheetSink smallSheet(String name) {
        return sheet(name);
    }

    @Override
    public boolean hasSheet(String name) {
        return names.contains(name);
    }

    @Override
    public void copySheets(Workbook model, Predicate<String> include) {
        // A CSV folder holds the run's outputs only.
    }

    @Override
    public void activate(String name) {
        // Folders have no active sheet.
    }

    @Override
    public boolean supportsFormulas() {
        return false;
    }

    @Override
    public long maxRows() {
        return Long.MAX_VALUE;
    }

    @Override
    public void finish(AuditLog audit) {
        try {
            audit.writeTo(sheet("Audit"));
            for (CsvSheetSink sink : sinks) {
                sink.finish();
            }
        } catch (UncheckedIOException e) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT,
                    out.target() + ": cannot be written: " + e.getCause().getMessage(), e);
        }
        out.commit();
        committed = true;
    }

    @Override
    public void close() {
        if (!committed) {
            for (CsvSheetSink sink : sinks) {
                try {
                    sink.finish();
                } catch (UncheckedIOException e) {
                    // Being discarded.
                }
            }
            out.discard();
        }
    }
}
