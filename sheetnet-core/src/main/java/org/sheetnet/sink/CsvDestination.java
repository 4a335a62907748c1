package org.sheetnet.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV output with no row limit: a folder of CSV files, one per output sheet ({@code Inputs.csv},
 * {@code L1_pre.csv}, …, {@code Predictions.csv}, {@code Audit.csv}), or a single file holding the
 * predictions alone. Each file is written to a hidden temporary beside it and put in place when the
 * run is complete; in a folder, only these files are created or replaced, nothing else in it is
 * touched. The model's sheets are not copied (the Audit names the model file and its hash).
 */
public final class CsvDestination implements Destination {

    private static final String AUDIT = "Audit";

    private final OutputFolder folder;
    private final SafeOutputFile single;
    private final String only;
    private final List<String> names = new ArrayList<>();
    private final Map<String, SafeOutputFile> reserved = new LinkedHashMap<>();
    private final List<CsvSheetSink> sinks = new ArrayList<>();
    private boolean committed;

    private CsvDestination(OutputFolder folder, SafeOutputFile single, String only) {
        this.folder = folder;
        this.single = single;
        this.only = only;
    }

    /** One CSV file per sheet in {@code folder}; Audit.csv is reserved at once, so that a clash shows before the run. */
    public static CsvDestination folder(OutputFolder folder) {
        CsvDestination destination = new CsvDestination(folder, null, null);
        destination.reserved.put(AUDIT, folder.file(AUDIT + ".csv"));
        return destination;
    }

    /** The sheet {@code only} in the file {@code out}; the other sheets are dropped. */
    public static CsvDestination file(SafeOutputFile out, String only) {
        return new CsvDestination(null, out, only);
    }

    @Override
    public String name() {
        return String.valueOf(folder != null ? folder.path() : single.shown());
    }

    @Override
    public SheetSink sheet(String name) {
        names.add(name);
        if (only != null && !only.equals(name)) {
            return new NullSheetSink();
        }
        SafeOutputFile file = single != null ? single
                : reserved.containsKey(name) ? reserved.remove(name) : folder.file(name + ".csv");
        CsvSheetSink sink;
        try {
            sink = new CsvSheetSink(file.open());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            audit.writeTo(sheet(AUDIT));
            for (CsvSheetSink sink : sinks) {
                sink.finish();
            }
        } catch (UncheckedIOException e) {
            throw OutputErrors.cannotWrite(name(), e);
        }
        if (folder != null) {
            folder.commit();
        } else {
            single.commit();
        }
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
            if (folder != null) {
                folder.discard();
            } else {
                single.discard();
            }
        }
    }
}
