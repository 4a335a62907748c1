package org.sheetnet.xlsx;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A filter that must see every byte it passes on, to count, check or scan it: subclasses inspect
 * in {@link #read(byte[], int, int)}, and every other way of reading goes through it. Skipped bytes
 * would escape the inspection, so {@link #skip} reads them; marking is refused, since bytes read
 * again after a reset would be inspected twice.
 */
abstract class InspectingStream extends FilterInputStream {

    InspectingStream(InputStream in) {
        super(in);
    }

    @Override
    public abstract int read(byte[] buffer, int off, int len) throws IOException;

    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public final long skip(long n) throws IOException {
        byte[] sink = new byte[8192];
        long done = 0;
        while (done < n) {
            int k = read(sink, 0, (int) Math.min(sink.length, n - done));
            if (k < 0) {
                break;
            }
            done += k;
        }
        return done;
    }

    @Override
    public final boolean markSupported() {
        return false;
    }
}
