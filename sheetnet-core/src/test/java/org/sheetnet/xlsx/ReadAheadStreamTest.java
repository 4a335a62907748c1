package org.sheetnet.xlsx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ReadAheadStreamTest {

    private static byte[] bytes(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    // Reads everything in reads of random lengths, as a decoder's buffer asks.
    private static byte[] readAll(InputStream in, Random random, ByteArrayOutputStream sofar) throws IOException {
        byte[] buffer = new byte[140_000];
        for (int n = in.read(buffer, 0, 1 + random.nextInt(buffer.length)); n >= 0;
                n = in.read(buffer, 0, 1 + random.nextInt(buffer.length))) {
            sofar.write(buffer, 0, n);
        }
        return sofar.toByteArray();
    }

    @Test
    void givesTheSameCharactersInTheSameOrder() throws IOException {
        for (int length : new int[] {0, 1, ReadAheadStream.CHUNK - 1, ReadAheadStream.CHUNK, 2_000_003}) {
            byte[] bytes = bytes(length, length);
            try (InputStream in = new ReadAheadStream(new ByteArrayInputStream(bytes))) {
                assertArrayEquals(bytes, readAll(in, new Random(length), new ByteArrayOutputStream()), "length " + length);
                assertEquals(-1, in.read(new byte[8], 0, 8), "the end stays the end");
                assertEquals(-1, in.read(), "the end stays the end");
            }
        }
    }

    @Test
    void aFailureComesAfterEveryByteBeforeItAsTheSameThrowable() throws IOException {
        byte[] bytes = bytes(400_000, 5);
        IOException boom = new IOException("checksum mismatch");
        RuntimeException limit = new IllegalStateException("unpacks to more than 1 MB");
        Error heap = new OutOfMemoryError("Java heap space");
        for (Throwable failure : new Throwable[] {boom, limit, heap}) {
            InputStream failing = new FailingAfter(new ByteArrayInputStream(bytes), 223_457, failure);
            ByteArrayOutputStream sofar = new ByteArrayOutputStream();
            try (InputStream in = new ReadAheadStream(failing)) {
                Throwable thrown = assertThrows(Throwable.class, () -> readAll(in, new Random(6), sofar));
                assertSame(failure, thrown, "the very exception of the reader beneath");
            }
            assertArrayEquals(java.util.Arrays.copyOf(bytes, 223_457), sofar.toByteArray(), "every byte before the failure");
        }
    }

    @Test
    void closingStopsTheThreadBeforeTheReaderBeneathIsClosed() throws IOException {
        // Never read from: the thread fills the queue and waits for room when close comes.
        Watched beneath = new Watched(new ByteArrayInputStream(bytes(2_000_000, 7)));
        InputStream in = new ReadAheadStream(beneath);
        while (beneath.reads.get() < ReadAheadStream.CHUNKS) {
            Thread.onSpinWait();
        }
        in.close();
        assertTrue(beneath.closed.get(), "closed");
        assertFalse(beneath.readAfterClose.get(), "never read once closed, nor while being closed");
        assertTrue(beneath.reads.get() <= ReadAheadStream.CHUNKS + 1, "bounded: " + beneath.reads.get() + " reads");
    }

    /** Gives the characters of a reader up to a point, then throws. */
    private static final class FailingAfter extends FilterInputStream {
        private int left;
        private final Throwable failure;

        FailingAfter(InputStream in, int bytes, Throwable failure) {
            super(in);
            this.left = bytes;
            this.failure = failure;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                if (failure instanceof IOException e) {
                    throw e;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                throw (RuntimeException) failure;
            }
            int n = in.read(b, off, Math.min(len, left));
            left -= Math.max(0, n);
            return n;
        }
    }

    /** Counts reads and notices any read during or after close. */
    private static final class Watched extends FilterInputStream {
        final AtomicInteger reads = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicBoolean readAfterClose = new AtomicBoolean();

        Watched(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (closed.get()) {
                readAfterClose.set(true);
            }
            reads.incrementAndGet();
            return in.read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            closed.set(true);
            super.close();
        }
    }
}
