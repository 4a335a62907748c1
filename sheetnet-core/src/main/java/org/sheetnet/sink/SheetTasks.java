package org.sheetnet.sink;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one batch's per-sheet writing tasks, in parallel when there are threads to spare, and waits
 * for all of them. Each task writes one sheet, so the sheets' contents do not depend on the thread
 * count. A failure to write (a full disk) becomes an OUTPUT problem, whichever thread met it.
 */
public final class SheetTasks implements AutoCloseable {

    private final ExecutorService pool;
    private final String output;

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

    /** Runs the tasks and returns when all have finished. */
    public void runAll(List<Runnable> tasks) {
        try {
            if (pool == null) {
                tasks.forEach(Runnable::run);
            } else {
                waitFor(tasks);
            }
        } catch (UncheckedIOException e) {
            throw OutputErrors.cannotWrite(output, e);
        }
    }

    private void waitFor(List<Runnable> tasks) {
        List<Future<?>> futures = new ArrayList<>();
        tasks.forEach(t -> futures.add(pool.submit(t)));
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Stops the threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
