package org.sheetnet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes zip files byte by byte, for tests that need entries no zip library would make quickly:
 * gigabytes of one repeated byte, deflated to a few megabytes in well under a second (one deflated
 * megabyte, flushed so that it stands alone, is repeated). Sizes stay below 4 GiB (no Zip64).
 */
public final class HandZip {

    private static final int MEGABYTE = 1 << 20;

    /**
     * One entry: either its bytes, or {@code repeat} times the byte {@code fill}.
     *
     * @param name   the entry's name
     * @param data   its bytes, or null for a run of {@code fill}
     * @param fill   the repeated byte
     * @param repeat how many bytes of {@code fill}, a whole number of megabytes
     */
    public record Entry(String name, byte[] data, byte fill, long repeat) {

        /** An entry holding these bytes. */
        public static Entry of(String name, byte[] data) {
            return new Entry(name, data, (byte) 0, 0);
        }

        /** An entry holding {@code megabytes} MiB of one byte. */
        public static Entry run(String name, byte fill, long megabytes) {
            return new Entry(name, null, fill, megabytes * MEGABYTE);
        }
    }

    private HandZip() {
    }

    /** Writes a zip of these entries, all deflated. */
    public static Path write(Path file, List<Entry> entries) throws IOException {
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        long offset = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (Entry e : entries) {
                Deflated d = e.data() != null ? deflate(e.data()) : deflateRun(e.fill(), e.repeat());
                byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
                byte[] local = header(0x04034b50, name, d, -1);
                out.write(local);
                for (long k = 0; k < d.repeats(); k++) {
                    out.write(d.body());
                }
                out.write(d.tail());
                central.write(header(0x02014b50, name, d, offset));
                offset += local.length + (long) d.body().length * d.repeats() + d.tail().length;
            }
            out.write(central.toByteArray());
            ByteBuffer end = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
            end.putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries.size())
                    .putShort((short) entries.size()).putInt(central.size()).putInt((int) offset).putShort((short) 0);
            out.write(end.array());
        }
        return file;
    }

    /** Deflate data written as {@code body} {@code repeats} times, then {@code tail}. */
    private record Deflated(byte[] body, long repeats, byte[] tail, long crc, long size) {
        long compressedSize() {
            return (long) body.length * repeats + tail.length;
        }
    }

    private static Deflated deflate(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return new Deflated(new byte[0], 0, finish(data), crc.getValue(), data.length);
    }

    // With FULL_FLUSH the compressor forgets what came before, so the same megabyte deflates to the same bytes.
    private static Deflated deflateRun(byte fill, long bytes) {
        byte[] megabyte = new byte[MEGABYTE];
        Arrays.fill(megabyte, fill);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(megabyte);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        int n;
        do {
            n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            body.write(buffer, 0, n);
        } while (n == buffer.length);
        deflater.end();
        CRC32 crc = new CRC32();
        for (long k = 0; k < bytes / MEGABYTE; k++) {
            crc.update(megabyte);
        }
        return new Deflated(body.toByteArray(), bytes / MEGABYTE, finish(new byte[0]), crc.getValue(), bytes);
    }

    private static byte[] finish(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    // A local header (offset < 0) or a central directory header.
    private static byte[] header(int signature, byte[] name, Deflated d, long offset) {
        boolean central = offset >= 0;
        ByteBuffer b = ByteBuffer.allocate((central ? 46 : 30) + name.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(signature);
        if (central) {
            b.putShort((short) 20);
        }
        b.putShort((short) 20).putShort((short) 0).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                .putInt((int) d.crc()).putInt((int) d.compressedSize()).putInt((int) d.size())
                .putShort((short) name.length).putShort((short) 0);
        if (central) {
            b.putShort((short) 0).putShort((short) 0).putShort((short) 0).putInt(0).putInt((int) offset);
        }
        b.put(name);
        return b.array();
    }
}
