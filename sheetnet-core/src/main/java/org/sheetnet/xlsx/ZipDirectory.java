package org.sheetnet.xlsx;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.sheetnet.SheetnetException;

/**
 * Reads a zip file's end-of-central-directory record before {@code java.util.zip.ZipFile} does, to
 * refuse a directory of millions of entries before it is loaded into memory.
 */
final class ZipDirectory {

    /** Most entries a package may list; an .xlsx of a thousand sheets has a few thousand. */
    static final long MAX_ENTRIES = 65_535;
    /** Largest central directory, in bytes. */
    static final long MAX_DIRECTORY_BYTES = 16L << 20;

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int EOCD_SIZE = 22;
    private static final int MAX_COMMENT = 0xffff;

    private ZipDirectory() {
    }

    /**
     * Checks the number of entries and the directory's size.
     *
     * @throws SheetnetException (FILE) if there is no directory (truncated) or it is too large
     */
    static void check(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            int tailLength = (int) Math.min(size, EOCD_SIZE + MAX_COMMENT);
            ByteBuffer tail = read(ch, size - tailLength, tailLength);
            int at = findEnd(tail);
            if (at < 0) {
                throw notAZip(path, "no zip directory at its end");
            }
            long entries = tail.getShort(at + 10) & 0xffff;
            long directory = tail.getInt(at + 12) & 0xffffffffL;
            if ((entries == 0xffff || directory == 0xffffffffL) && at >= 20
                    && tail.getInt(at - 20) == ZIP64_LOCATOR) {
                ByteBuffer z = read(ch, tail.getLong(at - 20 + 8), 56);
                if (z.getInt(0) != ZIP64_EOCD) {
                    throw notAZip(path, "a damaged zip64 directory");
                }
                entries = z.getLong(32);
                directory = z.getLong(40);
            }
            if (entries > MAX_ENTRIES || entries < 0 || directory > MAX_DIRECTORY_BYTES || directory < 0) {
                throw SheetnetException.file(path.getFileName() + ": the zip lists " + Long.toUnsignedString(entries)
                        + " entries in a directory of " + Long.toUnsignedString(directory) + " bytes; sheetnet reads at most "
                        + MAX_ENTRIES + " entries (" + (MAX_DIRECTORY_BYTES >> 20) + " MB of directory)", null);
            }
        } catch (IOException e) {
            throw SheetnetException.file(path + ": " + e.getMessage(), e);
        }
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        if (position < 0) {
            throw new IOException("a zip directory record points before the start of the file");
        }
        while (b.hasRemaining() && ch.read(b, position + b.position()) > 0) {
            // Reads until full or at the end of the file.
        }
        b.flip();
        if (b.remaining() < length) {
            throw new IOException("a zip directory record points past the end of the file");
        }
        return b;
    }

    // The last end-of-directory signature whose comment length reaches exactly to the end.
    private static int findEnd(ByteBuffer tail) {
        for (int i = tail.limit() - EOCD_SIZE; i >= 0; i--) {
            if (tail.getInt(i) == EOCD && i + EOCD_SIZE + (tail.getShort(i + 20) & 0xffff) == tail.limit()) {
                return i;
            }
        }
        return -1;
    }

    /** The message for a file that is not a readable zip package. */
    static SheetnetException notAZip(Path path, String why) {
        return SheetnetException.file(path + ": cannot be read as an .xlsx workbook; is it truncated or corrupt? ("
                + why + ")", null);
    }
}
