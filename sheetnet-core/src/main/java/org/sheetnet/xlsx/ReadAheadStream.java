package org.sheetnet.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

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

    /** A filled chunk, or the end (length −1), or the failure that ended the reading. */
    private record Chunk(byte[] bytes, int length, Throwable failure) {
    }

    private final InputStream in;
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(CHUNKS);
    private final Thread thread;
    private volatile boolean closed;
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
        thread.start();
    }

    private void readAhead() {
        try {
            while (!closed) {
                byte[] bytes = empty.take();
                int n = 0;
                Throwable failure = null;
                try {
                    for (int r = 0; n < CHUNK && r >= 0; n += r) {
                        r = in.read(bytes, n, CHUNK - n);
                        if (r < 0) {
                            break;
                        }
                    }
                } catch (IOException | RuntimeException | Error e) {
                    failure = e;
                }
                // The bytes read before the end or a failure come first, then the end or the failure.
                if (n > 0) {
                    filled.put(new Chunk(bytes, n, null));
                }
                if (n < CHUNK || failure != null) {
                    filled.put(new Chunk(null, -1, failure));
                    return;
                }
            }
        } catch (InterruptedException e) {
            // Closed while waiting: the parser wants no more.
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
        if (current == null) {
            if (ended) {
                return -1;
            }
            try {
                current = filled.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
            pos = 0;
            if (current.length() < 0) {
                ended = true;
                Throwable failure = current.failure();
                current = null;
                if (failure != null) {
                    throw rethrow(failure);
                }
                return -1;
            }
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.bytes(), pos, buffer, off, n);
        pos += n;
        return n;
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
