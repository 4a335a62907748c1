package org.sheetnet.xlsx;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.sheetnet.SheetnetException;

/**
 * The bytes of one zip entry as they are inflated: counted against a limit (the sizes a zip
 * declares are never trusted), and checked against the entry's CRC and size once read to the end,
 * so that an entry altered after the fact is refused as {@code damaged (checksum mismatch)}.
 */
final class EntryStream extends FilterInputStream {

    private final ZipEntry entry;
    private final String file;
    private final long limit;
    private final CRC32 crc = new CRC32();
    private long count;
    private boolean verified;
    private boolean closed;

    /**
     * @param in    the entry's inflated bytes
     * @param entry the entry, for its declared CRC and size
     * @param file  the file's name, for messages
     * @param limit most bytes accepted
     */
    EntryStream(InputStream in, ZipEntry entry, String file, long limit) {
        super(in);
        this.entry = entry;
        this.file = file;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (closed) {
            // The XML parser closes its input at the end of the document; draining then reads nothing.
            return -1;
        }
        int n;
        try {
            n = super.read(buffer, off, len);
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw XlsxErrors.damaged(file, entry.getName(), e);
        }
        if (n < 0) {
            verify();
            return n;
        }
        count += n;
        if (count > limit) {
            throw SheetnetException.file(file + ": " + entry.getName() + " unpacks to more than " + describe(limit)
                    + "; sheetnet refuses it (the most it reads from this part)", null);
        }
        crc.update(buffer, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes would escape the count and the checksum; read them instead.
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
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        super.close();
    }

    /** Whether the entry was read to its end and its checksum and size matched. */
    boolean verified() {
        return verified;
    }

    /** Number of bytes read so far. */
    long count() {
        return count;
    }

    private void verify() {
        if (verified) {
            return;
        }
        verified = true;
        if ((entry.getCrc() >= 0 && crc.getValue() != entry.getCrc())
                || (entry.getSize() >= 0 && count != entry.getSize())) {
            throw SheetnetException.file(file + ": " + entry.getName() + " is damaged (checksum mismatch)", null);
        }
    }

    static String describe(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }
}
