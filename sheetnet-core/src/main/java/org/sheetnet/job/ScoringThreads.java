package org.sheetnet.job;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * The threads a command-line run owns for splitting large batches (--threads): made for the run and
 * shut down with it, so that no work runs on a shared pool. One thread fewer than asked: the
 * calling thread computes a share too.
 */
final class ScoringThreads implements AutoCloseable {

    private final ExecutorService executor;

    ScoringThreads(int threads) {
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "sheetnet-score");
            t.setDaemon(true);
            return t;
        };
        this.executor = threads > 1 ? Executors.newFixedThreadPool(threads - 1, daemons) : null;
    }

    /** The pool, or null for a single-threaded run. */
    ExecutorService executor() {
        return executor;
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
