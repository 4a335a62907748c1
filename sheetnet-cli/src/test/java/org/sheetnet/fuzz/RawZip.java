package org.sheetnet.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A zip archive as a list of entries that can be written with lies: duplicate names, a CRC that
 * does not match, declared sizes that are not the real ones. {@link java.util.zip.ZipOutputStream}
 * refuses all of those, so the headers are written here by hand (APPNOTE 4.3.7 and 4.3.12).
 */
final class RawZip {

    /** One entry; {@code data} is the uncompressed content, the lies are applied when writing. */
    static final class Entry {
        String name;
        byte[] data;
        boolean deflated = true;
        /** Added to the real CRC-32 when writing; 0 writes the true value. */
        long crcLie;
        /** When not negative, the uncompressed size written in the headers instead of the real one. */
        long declaredSize = -1;
        /** Bytes XORed into the compressed payload after compression, at (offset, mask) pairs. */
        final List<int[]> payloadFlips = new ArrayList<>();
        /** When set, a large filler streamed into the entry at its offset, never held in memory. */
        Filler filler;

        Entry(String name, byte[] data) {
            this.name = name;
            this.data = data;
        }

        Entry copy() {
            Entry e = new Entry(name, data.clone());
            e.deflated = deflated;
            e.crcLie = crcLie;
            e.declaredSize = declaredSize;
            e.filler = filler;
            payloadFlips.forEach(f -> e.payloadFlips.add(f.clone()));
            return e;
        }

        String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        void text(String text) {
            data = text.getBytes(StandardCharsets.UTF_8);
        }
    }

    final List<Entry> entries = new ArrayList<>();
    /** When not negative, the written archive is cut to this many bytes. */
    int truncateTo = -1;

    private RawZip() {
    }

    /** Reads every entry of a well-formed archive (the seeds are well-formed). */
    static RawZip read(byte[] zip) {
        RawZip raw = new RawZip();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                raw.entries.add(new Entry(e.getName(), in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return raw;
    }

    /** Whether the bytes start like a zip archive. */
    static boolean looksLikeZip(byte[] bytes) {
        return bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    /** The entries whose names end with the suffix. */
    List<Entry> named(String suffix) {
        return entries.stream().filter(e -> e.name.endsWith(suffix)).toList();
    }

    /** The archive's bytes, with every lie applied. */
    byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            int offset = out.size();
            Content content = Content.of(e);
            byte[] payload = payload(e, content);
            long crc = (content.crc + e.crcLie) & 0xFFFFFFFFL;
            long size = e.declaredSize >= 0 ? e.declaredSize : content.size;
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            writeHeader(out, 0x04034b50, false, e, crc, payload.length, size, name, 0);
            out.writeBytes(payload);
            writeHeader(central, 0x02014b50, true, e, crc, payload.length, size, name, offset);
        }
        int centralOffset = out.size();
        out.writeBytes(central.toByteArray());
        writeEnd(out, entries.size(), central.size(), centralOffset);
        byte[] all = out.toByteArray();
        return truncateTo >= 0 && truncateTo < all.length ? java.util.Arrays.copyOf(all, truncateTo) : all;
    }

    /**
     * The entries whose declared CRC-32 is not that of what their payload decodes to (a CRC that
     * lies, or a payload edited after the fact), or whose payload does not decode; only entries
     * written once under their name and without a filler, so that which bytes a reader meets is
     * certain.
     */
    List<String> staleEntries() {
        List<String> stale = new ArrayList<>();
        for (Entry e : entries) {
            long sameName = entries.stream().filter(o -> o.name.equals(e.name)).count();
            if (sameName != 1 || e.filler != null || (e.crcLie == 0 && e.payloadFlips.isEmpty())) {
                continue;
            }
            Content content = Content.of(e);
            long declared = (content.crc + e.crcLie) & 0xFFFFFFFFL;
            java.util.OptionalLong decoded = decodedCrc(e.deflated, payload(e, content), content.size);
            if (decoded.isEmpty() || decoded.getAsLong() != declared) {
                stale.add(e.name);
            }
        }
        return stale;
    }

    private static java.util.OptionalLong decodedCrc(boolean deflated, byte[] payload, long size) {
        byte[] data = payload;
        if (deflated) {
            java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
            inflater.setInput(payload);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            try {
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary()) || out.size() > size + (1 << 20)) {
                        return java.util.OptionalLong.empty();
                    }
                    out.write(buffer, 0, n);
                }
            } catch (java.util.zip.DataFormatException e) {
                return java.util.OptionalLong.empty();
            } finally {
                inflater.end();
            }
            data = out.toByteArray();
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        return java.util.OptionalLong.of(crc.getValue());
    }

    private static byte[] payload(Entry e, Content content) {
        byte[] payload = e.deflated ? content.deflated : content.stored;
        for (int[] flip : e.payloadFlips) {
            if (payload.length > 0) {
                payload[flip[0] % payload.length] ^= (byte) flip[1];
            }
        }
        return payload;
    }

    private static void writeHeader(ByteArrayOutputStream out, int signature, boolean central, Entry e, long crc,
            long compressed, long size, byte[] name, int offset) {
        int32(out, signature);
        if (central) {
            int16(out, 20); // version made by
        }
        int16(out, 20); // version needed
        int16(out, 0x0800); // UTF-8 names
        int16(out, e.deflated ? 8 : 0);
        int16(out, 0); // time
        int16(out, 0x21); // date 1980-01-01
        int32(out, (int) crc);
        int32(out, (int) compressed);
        int32(out, (int) Math.min(size, 0xFFFFFFFFL));
        int16(out, name.length);
        int16(out, 0); // extra
        if (central) {
            int16(out, 0); // comment
            int16(out, 0); // disk
            int16(out, 0); // internal attributes
            int32(out, 0); // external attributes
            int32(out, offset);
        }
        out.writeBytes(name);
    }

    private static void writeEnd(ByteArrayOutputStream out, int count, int centralSize, int centralOffset) {
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, count);
        int16(out, count);
        int32(out, centralSize);
        int32(out, centralOffset);
        int16(out, 0);
    }

    /**
     * Text of {@code size} bytes from a small alphabet, mostly repeated but with a random letter
     * every few bytes. Inside a zip entry one letter in 32 is random: it deflates about 24:1, under
     * the 100:1 ratio that zip-bomb guards check, so only a reader that bounds what it inflates is
     * safe from it. (One in 7 deflated only 7:1: a 266 MB string, duplicated, made the harness build
     * a 75 MB archive several times over and die of its own OutOfMemoryError, case seed 9585.)
     */
    record Filler(int offset, long size, long seed, String alphabet) {

        /** The random letter's spacing in a zip entry; see the record's comment. */
        static final int ZIP_RANDOM_EVERY = 32;
        /** The spacing in a text file's tail: a letter in 7 keeps CSV rows (commas, newlines) short. */
        static final int TAIL_RANDOM_EVERY = 7;

        void forEachChunk(java.util.function.Consumer<byte[]> sink) {
            forEachChunk(TAIL_RANDOM_EVERY, sink);
        }

        void forEachChunk(int randomEvery, java.util.function.Consumer<byte[]> sink) {
            java.util.Random random = new java.util.Random(seed);
            byte[] chunk = new byte[64 * 1024];
            for (long left = size; left > 0; left -= chunk.length) {
                for (int i = 0; i < chunk.length; i++) {
                    chunk[i] = (byte) alphabet.charAt(i % randomEvery == 0 ? random.nextInt(alphabet.length()) : i % 3);
                }
                sink.accept(left >= chunk.length ? chunk : java.util.Arrays.copyOf(chunk, (int) left));
            }
        }
    }

    /** An entry's real content: CRC, size and its compressed or stored bytes. */
    private static final class Content {
        long crc;
        long size;
        byte[] deflated;
        byte[] stored;

        static Content of(Entry e) {
            Content c = new Content();
            CRC32 crc = new CRC32();
            Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = e.filler == null ? e.data.length : Math.min(e.filler.offset(), e.data.length);
            java.util.function.Consumer<byte[]> sink = bytes -> {
                crc.update(bytes);
                c.size += bytes.length;
                if (e.deflated) {
                    deflateInto(deflater, bytes, out, false);
                } else {
                    out.writeBytes(bytes);
                }
            };
            sink.accept(java.util.Arrays.copyOfRange(e.data, 0, at));
            if (e.filler != null) {
                e.filler.forEachChunk(Filler.ZIP_RANDOM_EVERY, sink);
            }
            sink.accept(java.util.Arrays.copyOfRange(e.data, at, e.data.length));
            if (e.deflated) {
                deflateInto(deflater, new byte[0], out, true);
            }
            deflater.end();
            c.crc = crc.getValue();
            c.deflated = e.deflated ? out.toByteArray() : null;
            c.stored = e.deflated ? null : out.toByteArray();
            return c;
        }

        private static void deflateInto(Deflater deflater, byte[] bytes, ByteArrayOutputStream out, boolean finish) {
            deflater.setInput(bytes);
            if (finish) {
                deflater.finish();
            }
            byte[] buffer = new byte[64 * 1024];
            while (finish ? !deflater.finished() : !deflater.needsInput()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
        }
    }

    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        int16(out, v & 0xFFFF);
        int16(out, (v >>> 16) & 0xFFFF);
    }
}
