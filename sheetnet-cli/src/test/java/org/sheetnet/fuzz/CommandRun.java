package org.sheetnet.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Runs one command line through an entry point (normally {@code Main::run}) on a thread of its
 * own, with stdout and stderr captured and a time limit, and keeps whatever escaped it.
 *
 * @param exit       the exit code, or -1 when the command threw or did not finish
 * @param stderr     what it wrote on stderr (at most {@value #CAPTURE_LIMIT} bytes are kept)
 * @param escaped    a throwable that escaped the entry point, or null
 * @param hangFrames the stack of the command's thread when it ran out of time, or null
 * @param millis     how long it ran
 * @param lastSeenAt the last sheetnet method the command was seen running in, sampled every
 *                   20 ms for two seconds, then every 200 ms: an OutOfMemoryError thrown when the heap is exhausted may carry no
 *                   stack, and a StackOverflowError only the top of a deep one
 */
record CommandRun(int exit, String stderr, Throwable escaped, StackTraceElement[] hangFrames, long millis,
        String lastSeenAt) {

    static final int CAPTURE_LIMIT = 1 << 20;
    private static final Capture OUT = new Capture();
    private static final Capture ERR = new Capture();

    /**
     * Routes System.out and System.err through the captures, before any reader class is loaded:
     * loggers keep the stream they find when they start, so it must already be ours.
     */
    static void installCapture() {
        System.setOut(new PrintStream(OUT, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(ERR, true, StandardCharsets.UTF_8));
    }

    /** Runs the arguments through the entry point, stopping it after {@code timeoutMillis}. */
    @SuppressWarnings({"removal", "deprecation"})
    static CommandRun run(ToIntFunction<String[]> entryPoint, List<String> arguments, long timeoutMillis) {
        int[] exit = {-1};
        Throwable[] escaped = {null};
        OUT.start();
        ERR.start();
        long start = System.nanoTime();
        Thread thread = new Thread(() -> {
            try {
                exit[0] = entryPoint.applyAsInt(arguments.toArray(String[]::new));
            } catch (Throwable t) {
                escaped[0] = t;
            }
        }, "fuzz-case");
        thread.start();
        StackTraceElement[] hang = null;
        String lastSeenAt = null;
        try {
            // Often at first, as a heap blow-up can come within a fraction of a second; then five times a second.
            for (long waited = 0, step; thread.isAlive() && waited < timeoutMillis; waited += step) {
                step = waited < 2_000 ? 20 : 200;
                thread.join(step);
                String frame = Signature.firstSheetnetFrame(thread.getStackTrace());
                lastSeenAt = frame != null ? frame : lastSeenAt;
            }
            if (thread.isAlive()) {
                hang = thread.getStackTrace();
                // A reader that never returns would hold a core for the rest of the campaign; Thread.stop
                // is the only way to end it in-process (Java 17 still has it).
                thread.stop();
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        OUT.stop();
        return new CommandRun(hang == null ? exit[0] : -1, ERR.stop(), hang == null ? escaped[0] : null, hang, millis,
                lastSeenAt);
    }

    /** Whether the command did not finish in time. */
    boolean hung() {
        return hangFrames != null;
    }

    /** A stream whose bytes go to the current case's buffer, bounded, or nowhere between cases. */
    private static final class Capture extends OutputStream {
        private ByteArrayOutputStream buffer;

        synchronized void start() {
            buffer = new ByteArrayOutputStream();
        }

        synchronized String stop() {
            String text = buffer == null ? "" : buffer.toString(StandardCharsets.UTF_8);
            buffer = null;
            return text;
        }

        @Override
        public synchronized void write(int b) {
            if (buffer != null && buffer.size() < CAPTURE_LIMIT) {
                buffer.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if (buffer != null && buffer.size() < CAPTURE_LIMIT) {
                buffer.write(b, off, Math.min(len, CAPTURE_LIMIT - buffer.size()));
            }
        }
    }
}
