package org.sheetnet.xlsx;

import java.util.Locale;
import org.sheetnet.SheetnetException;

/**
 * How many cells of model sheets may still be held in memory: a share of the heap
 * ({@link Runtime#maxMemory()}), so that a sheet of millions of cells is refused with one line
 * saying how to raise the heap rather than ending in OutOfMemoryError.
 */
public final class CellBudget {

    // A held cell costs about 20 bytes, its copy in the network and the output as much again;
    // a quarter of the heap leaves room for everything else.
    private static final long BYTES_PER_CELL = 160;

    private final String file;
    private final long limit;
    private long left;

    /**
     * @param file  the file's name, for messages
     * @param limit most cells in all
     */
    public CellBudget(String file, long limit) {
        this.file = file;
        this.limit = limit;
        this.left = limit;
    }

    /** A budget of a share of this JVM's heap. */
    public static CellBudget ofHeap(String file) {
        return new CellBudget(file, Math.max(100_000, Runtime.getRuntime().maxMemory() / BYTES_PER_CELL));
    }

    /**
     * Takes one cell.
     *
     * @throws SheetnetException (FILE) naming the sheet when the budget is spent
     */
    void take(String sheet) {
        if (--left < 0) {
            long heapMb = Runtime.getRuntime().maxMemory() >> 20;
            throw SheetnetException.file(String.format(Locale.ROOT, "%s: the sheets read hold more than %,d cells"
                    + " (sheet \"%s\" passes the limit), more than this Java heap (%,d MB) can hold; give Java more"
                    + " memory, e.g. JAVA_OPTS=-Xmx%dg, if the workbook is genuine", file, limit, sheet, heapMb,
                    Math.max(2, 4 * heapMb / 1024 + 1)), null);
        }
    }
}
