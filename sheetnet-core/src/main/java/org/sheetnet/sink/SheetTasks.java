package org.sheetnet.sink;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one batch's per-sheet writing tasks, in parallel when there are threads to spare, either
 * waiting for all of them or returning at once so that the caller reads the next batch meanwhile. Each task writes one sheet, so the sheets' contents do not depend on the thread
 * count. A failure to write (a full disk) becomes an OUTPUT problem, whichever thread met it.
 */
public final class SheetTasks implements AutoCloseable {

    private final ExecutorService pool;
    private final String output;
    private final List<Future<?>> pending = new ArrayList<>();

    /**
     * @param threads how many sheets may be written at once; 1 runs everything on the caller's thread
     * @param output  the output as the user named it, for messages
     */
    public SheetTasks(int threads, String output) {
        this.output = output;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sheetnet-writer");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /**
     * Starts the tasks and returns at once, after the previous ones have finished: so one batch is
     * written while the caller reads and computes the next, and no two batches' tasks ever run at
     * once (each sheet is written in order). Without threads the tasks run here and now.
     *
     * @throws org.sheetnet.SheetnetException (OUTPUT) if the previous tasks failed to write
     */
    public void submitAll(List<Runnable> tasks) {
        awaitAll();
        try {
            if (pool == null) {
                tasks.forEach(Runnable::run);
            } else {
                tasks.forEach(t -> pending.add(pool.submit(t)));
            }
        } catch (UncheckedIOException e) {
            throw OutputErrors.cannotWrite(output, e);
        }
    }

    /**
     * Waits until every task started has finished.
     *
     * @throws org.sheetnet.SheetnetException (OUTPUT) if one failed to write
     */
    public void awaitAll() {
        try {
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw OutputErrors.cannotWrite(output, io);
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pending.clear();
        }
    }

    /**
     * Lets the tasks still running finish (whatever became of them: the run is failing or done), so
     * that none writes after the output's temporaries are removed, then stops the threads.
     */
    @Override
    public void close() {
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // The run is already failing for another reason, or this failure was reported.
            }
        }
        pending.clear();
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
