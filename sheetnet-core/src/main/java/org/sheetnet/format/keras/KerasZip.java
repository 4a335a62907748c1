package org.sheetnet.format.keras;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.sheetnet.SheetnetException;

/**
 * The entries of a {@code .keras} zip that sheetnet reads ({@code config.json}, {@code metadata.json},
 * {@code model.weights.h5}), and only those: any other entry is never inflated, whatever its size.
 * Each entry read is inflated under a limit, counting the bytes really produced (never trusting the
 * size the zip declares), and its CRC-32 is checked.
 */
final class KerasZip {

    /** Most entries a .keras zip may list: Keras writes three. */
    static final int MAX_ENTRIES = 10_000;

    /** Largest JSON entry or file read: a Keras config of thousands of layers is a few megabytes. */
    static final long MAX_JSON_BYTES = 16L << 20;

    static final String CONFIG = "config.json";
    static final String METADATA = "metadata.json";
    static final String WEIGHTS = "model.weights.h5";

    /**
     * The entries read.
     *
     * @param config   config.json
     * @param metadata metadata.json, if present
     * @param weights  model.weights.h5
     */
    record Entries(byte[] config, Optional<byte[]> metadata, byte[] weights) {
    }

    private KerasZip() {
    }

    /**
     * Reads the entries of a .keras zip.
     *
     * @throws SheetnetException (FILE) if it is not a readable zip, lists too many entries, lacks config.json or
     *                           model.weights.h5, names one twice, or an entry is larger than its limit or corrupt
     */
    static Entries read(Path model) {
        String name = model.getFileName().toString();
        try (ZipFile zip = new ZipFile(model.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw SheetnetException.file(String.format(Locale.ROOT, "%s: a zip of %,d entries; a .keras model has"
                        + " 3 (config.json, metadata.json, model.weights.h5)", name, zip.size()), null);
            }
            Map<String, ZipEntry> wanted = wantedEntries(zip, name);
            ZipEntry config = require(wanted, CONFIG, model);
            ZipEntry weights = require(wanted, WEIGHTS, model);
            ZipEntry metadata = wanted.get(METADATA);
            long weightLimit = Math.min(Integer.MAX_VALUE - 8L, Runtime.getRuntime().maxMemory() / 4);
            return new Entries(inflate(zip, config, name, MAX_JSON_BYTES, "a Keras config is far smaller"),
                    metadata == null ? Optional.empty()
                            : Optional.of(inflate(zip, metadata, name, MAX_JSON_BYTES, "Keras metadata is far smaller")),
                    inflate(zip, weights, name, weightLimit, "a quarter of this heap; raise it with JAVA_OPTS=-Xmx…"));
        } catch (IOException e) {
            throw SheetnetException.file(name + ": cannot be read as a .keras zip: " + e.getMessage(), e);
        }
    }

    // The entries sheetnet reads, by name; a name listed twice is ambiguous, so refused.
    private static Map<String, ZipEntry> wantedEntries(ZipFile zip, String name) {
        Map<String, ZipEntry> wanted = new HashMap<>();
        List<String> names = List.of(CONFIG, METADATA, WEIGHTS);
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements();) {
            ZipEntry entry = e.nextElement();
            if (names.contains(entry.getName()) && wanted.put(entry.getName(), entry) != null) {
                throw SheetnetException.file(name + ": the zip holds two entries named " + entry.getName()
                        + "; which one Keras would read cannot be told", null);
            }
        }
        return wanted;
    }

    private static ZipEntry require(Map<String, ZipEntry> wanted, String entry, Path model) {
        ZipEntry e = wanted.get(entry);
        if (e == null) {
            throw SheetnetException.file(model + ": a zip, but not a .keras model: it lacks " + entry, null);
        }
        return e;
    }

    // Inflates one entry, refusing it past the limit and when its CRC-32 differs from the zip's.
    private static byte[] inflate(ZipFile zip, ZipEntry entry, String file, long limit, String why) throws IOException {
        String where = file + "!" + entry.getName();
        CRC32 crc = new CRC32();
        List<byte[]> chunks = new ArrayList<>();
        long total = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] chunk = new byte[1 << 16];
            for (int n = in.readNBytes(chunk, 0, chunk.length); n > 0; n = in.readNBytes(chunk, 0, chunk.length)) {
                total += n;
                if (total > limit) {
                    throw SheetnetException.file(String.format(Locale.ROOT, "%s inflates to more than %,d MB; %s",
                            where, limit >> 20, why), null);
                }
                crc.update(chunk, 0, n);
                chunks.add(java.util.Arrays.copyOf(chunk, n));
            }
        }
        if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
            throw SheetnetException.file(where + ": its CRC-32 does not match the zip's; the file is corrupt", null);
        }
        byte[] bytes = new byte[(int) total];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, bytes, at, c.length);
            at += c.length;
        }
        return bytes;
    }
}
