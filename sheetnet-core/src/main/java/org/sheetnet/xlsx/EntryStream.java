package org.sheetnet.xlsx;

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
final class EntryStream extends InspectingStream {

    private final ZipEntry entry;
    private final String file;
    private final long limit;
    private final CRC32 crc = new CRC32();
    private long count;
    // Set on the thread that reads the end (a read-ahead thread, maybe); seen by the one that asks after it.
    private volatile boolean verified;
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
    public int read(byte[] buffer, int off, int len) throws IOException {
        if (closed) {
            // The XML parser closes its input at the end of the document; draining then reads nothing.
            return -1;
        }
        int n;
        try {
            n = in.read(buffer, off, len);
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
    public void close() throws IOException {
        closed = true;
        super.close();
    }

    /** Whether the entry was read to its end and its checksum and size matched. */
    boolean verified() {
        return verified;
    }

    /** The size the zip declares for the entry (−1 when it declares none): a hint, never trusted. */
    long declaredSize() {
        return entry.getSize();
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
