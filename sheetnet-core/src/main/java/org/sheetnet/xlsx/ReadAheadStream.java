package org.sheetnet.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bytes of a large part inflated on a thread of their own, a few chunks ahead of the parser:
 * inflating a 17 MB sheet was a third of the main thread's time to read it once the JIT had
 * compiled the parser. Only the inflating (native code) and the checksum move; the decoding and the
 * parsing stay on the reading thread. The reader sees the same bytes, and any failure of the stream
 * beneath (a bad checksum, a size limit, a corrupt deflate stream) as the same exception at the same
 * place, after every byte before it. Memory is bounded: {@link #CHUNKS} buffers, reused. {@link #close}
 * stops the thread and waits for it, so the stream beneath is never used by two threads at once.
 */
final class ReadAheadStream extends InputStream {

    /** Bytes a chunk holds. */
    static final int CHUNK = 1 << 16;
    /** Chunks in all: filled ones waiting, and empty ones to fill. */
    static final int CHUNKS = 4;

    /** A filled chunk, or the end (length −1). */
    private record Chunk(byte[] bytes, int length) {
    }

    private static final Chunk END = new Chunk(null, -1);
    /** How long the reader waits for a chunk before it looks whether the thread failed without handing one. */
    private static final long WAIT_MILLIS = 50;

    private final InputStream in;
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private volatile boolean closed;
    /** What ended the reading on the thread, set after the chunks before it were queued (it allocates nothing). */
    private volatile Throwable failure;
    private Chunk current;
    private int pos;
    private boolean ended;

    /** Starts reading ahead from in, which this stream then owns and closes. */
    ReadAheadStream(InputStream in) {
        this.in = in;
        for (int i = 0; i < CHUNKS; i++) {
            empty.add(new byte[CHUNK]);
        }
        this.thread = new Thread(this::readAhead, "sheetnet-inflate");
        thread.setDaemon(true);
        // A failure reaches the reader through the field; nothing is printed, even when the heap is exhausted.
        thread.setUncaughtExceptionHandler((t, e) -> { });
        thread.start();
    }

    private void readAhead() {
        try {
            while (!closed) {
                byte[] bytes = empty.take();
                int n = 0;
                try {
                    for (int r; n < CHUNK && (r = in.read(bytes, n, CHUNK - n)) >= 0; ) {
                        n += r;
                    }
                } catch (IOException | RuntimeException | Error e) {
                    // The bytes read before the failure come first, then the failure: the reader
                    // throws it only when it sees it set and nothing left in the queue.
                    if (n > 0) {
                        filled.put(new Chunk(bytes, n));
                    }
                    failure = e;
                    return;
                }
                filled.put(new Chunk(bytes, n));
                if (n < CHUNK) {
                    filled.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            // Closed while waiting: the reader wants no more.
        } catch (RuntimeException | Error e) {
            // Out of memory making a chunk, say: the reader is told once the chunks before it are read.
            failure = e;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (current != null && pos == current.length()) {
            empty.add(current.bytes());
            current = null;
        }
        while (current == null) {
            if (ended) {
                return -1;
            }
            current = next();
            pos = 0;
            if (current == END) {
                ended = true;
                current = null;
                return -1;
            }
            if (current.length() == 0) {
                empty.add(current.bytes());
                current = null;
            }
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.bytes(), pos, buffer, off, n);
        pos += n;
        return n;
    }

    // The next chunk; the thread's failure once every chunk before it has been taken.
    private Chunk next() throws IOException {
        try {
            while (true) {
                Chunk chunk = filled.poll(WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (chunk != null) {
                    return chunk;
                }
                Throwable f = failure;
                if (f != null && filled.isEmpty()) {
                    ended = true;
                    throw rethrow(f);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        }
    }

    // The failure as it was thrown on the reading thread: the same object, so messages do not change.
    private static IOException rethrow(Throwable failure) {
        if (failure instanceof IOException e) {
            return e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        throw (Error) failure;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        in.close();
    }
}
