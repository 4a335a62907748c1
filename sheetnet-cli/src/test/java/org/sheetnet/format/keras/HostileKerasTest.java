package org.sheetnet.format.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.HandZip;
import org.sheetnet.testing.Sheets;

/**
 * Keras files that used to exhaust the heap, end in an internal error or import silently wrong
 * values: each is refused with one line naming the file (and the entry, dataset or tensor), or, for
 * an entry sheetnet does not need, never read. The files are made here: a Sequential config of one
 * Dense layer 2 → 3 written as JSON, its weights written with jHDF's writer in the Keras 3 layout
 * ({@code layers/dense/vars/0} the kernel, {@code vars/1} the bias).
 */
class HostileKerasTest {

    private static final String CONFIG = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": ["
            + "{\"class_name\": \"InputLayer\", \"config\": {\"name\": \"in\", \"batch_shape\": [null, 2]}},"
            + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"units\": 3, \"activation\": \"linear\","
            + " \"use_bias\": true}}]}}";

    private static final float[][] KERNEL = {{0.5f, -1f, 2f}, {0.25f, 3f, -0.5f}};
    private static final float[] BIAS = {0.1f, 0.2f, 0.3f};

    @TempDir
    Path dir;

    private Path weights(String name, Object kernel, Object bias) {
        Path file = dir.resolve(name);
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup vars = hdf.putGroup("layers").putGroup("dense").putGroup("vars");
            vars.putDataset("0", kernel);
            vars.putDataset("1", bias);
        }
        return file;
    }

    private Path keras(String name, List<HandZip.Entry> extra, byte[] weights) throws IOException {
        List<HandZip.Entry> entries = new ArrayList<>();
        entries.add(HandZip.Entry.of("metadata.json", "{\"keras_version\": \"3.6.0\"}".getBytes(StandardCharsets.UTF_8)));
        entries.add(HandZip.Entry.of("config.json", CONFIG.getBytes(StandardCharsets.UTF_8)));
        entries.add(HandZip.Entry.of("model.weights.h5", weights));
        entries.addAll(extra);
        return HandZip.write(dir.resolve(name), entries);
    }

    private Path validKeras(List<HandZip.Entry> extra) throws IOException {
        return keras("model.keras", extra, Files.readAllBytes(weights("w.h5", KERNEL, BIAS)));
    }

    private Path config() throws IOException {
        return Files.writeString(dir.resolve("model.json"), CONFIG, StandardCharsets.UTF_8);
    }

    /** Runs import-keras in this JVM; it must fail with this code and one line holding every part. */
    private String refused(int code, String... args) {
        Path out = dir.resolve("imported.xlsx");
        List<String> all = new ArrayList<>(List.of("import-keras"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        Cli.Run run = Cli.run(all.toArray(String[]::new));
        assertEquals(code, run.exit(), run.stderr());
        assertEquals(1, run.stderrLines().size(), "stderr lines: " + run.stderr());
        assertFalse(Files.exists(out), "no output");
        return run.stderrLines().get(0);
    }

    private static void assertContains(String line, String... parts) {
        assertTrue(line.startsWith("sheetnet: "), line);
        for (String part : parts) {
            assertTrue(line.contains(part), () -> "expected \"" + part + "\" in: " + line);
        }
    }

    @Test
    void theGeneratedModelImports() throws IOException {
        Path out = dir.resolve("imported.xlsx");
        Cli.Run run = Cli.run("import-keras", validKeras(List.of()).toString(),
                "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals("", run.stderr(), "stderr");
        assertTrue(Files.exists(out), "imported.xlsx");
    }

    @Test
    void nanInAKernelIsRefusedNamingTheTensorAndIndex() throws IOException {
        float[][] kernel = {{0.5f, -1f, 2f}, {Float.NaN, 3f, -0.5f}};
        Path model = keras("nan.keras", List.of(), Files.readAllBytes(weights("w.h5", kernel, BIAS)));
        String line = refused(ExitCodes.MODEL, model.toString());
        assertEquals("sheetnet: nan.keras!model.weights.h5: /layers/dense/vars/0 (weight 0 of layer dense (Dense))"
                + " holds NaN at index [1, 0]; a model with non-finite weights cannot be scored", line, "message");
    }

    @Test
    void infinityInABiasOfAWeightsFileIsRefused() throws IOException {
        Path h5 = weights("model.weights.h5", KERNEL, new float[] {0.1f, Float.POSITIVE_INFINITY, 0.3f});
        String line = refused(ExitCodes.MODEL, h5.toString(), "--config", config().toString());
        assertContains(line, "model.weights.h5: /layers/dense/vars/1 (weight 1 of layer dense (Dense)) holds Infinity"
                + " at index [1]");
    }

    @Test
    void aShapeClaimingMoreValuesThanTheHeapHoldsIsRefusedBeforeAllocating() throws IOException {
        // A kernel of 5 × 7 whose dataspace is rewritten to claim 70000 × 70000.
        Path h5 = claim(weights("model.weights.h5", new float[5][7], new float[7]), 5, 7, 70_000, 70_000);
        String line = refused(ExitCodes.MODEL, h5.toString(), "--config", config().toString());
        assertContains(line, "model.weights.h5: /layers/dense/vars/0 claims shape (70000, 70000), 4,900,000,000 values;"
                + " more than the");
    }

    @Test
    void aShapeClaimingMoreBytesThanTheFileHoldsIsRefused() throws IOException {
        // 5 × 7 rewritten to 5 × 20000: 400,000 bytes of float32 in a file of a few kilobytes.
        Path h5 = claim(weights("model.weights.h5", new float[5][7], new float[7]), 5, 7, 5, 20_000);
        String line = refused(ExitCodes.FILE, h5.toString(), "--config", config().toString());
        assertContains(line, "model.weights.h5: /layers/dense/vars/0 claims shape (5, 20000), 400,000 bytes, but the"
                + " file holds only");
    }

    @Test
    void aTruncatedWeightsFileIsRefusedAtEveryLength() throws IOException {
        byte[] whole = Files.readAllBytes(weights("whole.h5", KERNEL, BIAS));
        Path config = config();
        for (int percent = 5; percent < 100; percent += 5) {
            Path cut = Files.write(dir.resolve("cut.h5"), Arrays.copyOf(whole, whole.length * percent / 100));
            Path out = dir.resolve("imported.xlsx");
            Cli.Run run = Cli.run("import-keras", cut.toString(), "--config",
                    config.toString(), "--out", out.toString());
            String at = "cut to " + percent + "% (" + whole.length * percent / 100 + " bytes): ";
            if (run.exit() == ExitCodes.OK) {
                // What was cut off is not needed (free space at the end): then the numbers must be the whole file's.
                assertEquals("", run.stderr(), at + "stderr");
                List<List<Object>> w1 = Sheets.rows(out, "W1");
                for (int i = 0; i < KERNEL.length; i++) {
                    for (int j = 0; j < KERNEL[i].length; j++) {
                        assertEquals(KERNEL[i][j], (float) Sheets.number(w1, i + 1, "dense_" + (j + 1)),
                                at + "W1 row " + (i + 2) + ", dense_" + (j + 1));
                    }
                }
                Files.delete(out);
                continue;
            }
            assertTrue(run.exit() == ExitCodes.FILE || run.exit() == ExitCodes.MODEL, at + run.stderr());
            assertEquals(1, run.stderrLines().size(), at + run.stderr());
            assertTrue(run.stderr().startsWith("sheetnet: ") && run.stderr().contains("cut.h5"), at + run.stderr());
            assertFalse(Files.exists(out), at + "no output");
        }
    }

    @Test
    void aConfigOfOneAndAHalfGigabytesIsRefusedUnderASmallHeap() throws Exception {
        Path model = HandZip.write(dir.resolve("huge-config.keras"), List.of(
                HandZip.Entry.run("config.json", (byte) ' ', 1536),
                HandZip.Entry.of("model.weights.h5", Files.readAllBytes(weights("w.h5", KERNEL, BIAS)))));
        Cli.Run run = Cli.child("import-keras", model.toString(), "--out",
                dir.resolve("imported.xlsx").toString());
        assertEquals(ExitCodes.FILE, run.exit(), run.stderr());
        assertEquals(List.of("sheetnet: huge-config.keras!config.json inflates to more than 16 MB; a Keras config is far"
                + " smaller"), run.stderrLines(), "stderr");
    }

    @Test
    void anExtraEntryOfThreeGigabytesIsNeverRead() throws Exception {
        Path model = validKeras(List.of(HandZip.Entry.run("assets/padding.bin", (byte) 0, 3072)));
        Path out = dir.resolve("imported.xlsx");
        Cli.Run run = Cli.child("import-keras", model.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertTrue(run.millis() < 20_000, "took " + run.millis() + " ms");
        assertTrue(Files.exists(out), "imported.xlsx");
    }

    @Test
    void anEntryWhoseCrcDiffersIsRefused() throws IOException {
        Path model = validKeras(List.of());
        byte[] zip = Files.readAllBytes(model);
        // The first local header is metadata.json's; its CRC-32 is at offset 14. The central directory keeps the true one
        // only in the local header's copy, so change both: find the name in the central directory too.
        flipCrc(zip, 14);
        int central = indexOf(zip, new byte[] {0x50, 0x4b, 0x01, 0x02}, 0);
        flipCrc(zip, central + 16);
        Files.write(model, zip);
        String line = refused(ExitCodes.FILE, model.toString());
        assertEquals("sheetnet: model.keras!metadata.json: its CRC-32 does not match the zip's; the file is corrupt",
                line, "message");
    }

    private static void flipCrc(byte[] zip, int at) {
        zip[at] ^= 0x01;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = from; i <= data.length - pattern.length; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

    // Rewrites the dimensions of the dataspace whose dimensions are (rows, cols), as 8-byte little-endian numbers,
    // and the checksum of the object header holding it (HDF5 version 2 object headers end with a Jenkins lookup3
    // checksum of everything from their "OHDR" signature on).
    private static Path claim(Path h5, long rows, long cols, long newRows, long newCols) throws IOException {
        byte[] bytes = Files.readAllBytes(h5);
        byte[] old = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(rows).putLong(cols).array();
        byte[] now = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(newRows).putLong(newCols).array();
        int at = indexOf(bytes, old, 0);
        System.arraycopy(now, 0, bytes, at, 16);
        int header = lastIndexOf(bytes, "OHDR".getBytes(StandardCharsets.US_ASCII), at);
        int flags = bytes[header + 5] & 0xff;
        int sizeField = header + 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
        int width = 1 << (flags & 0x03);
        long chunk = 0;
        for (int k = width - 1; k >= 0; k--) {
            chunk = chunk << 8 | (bytes[sizeField + k] & 0xff);
        }
        int end = (int) (sizeField + width + chunk);
        int checksum = io.jhdf.checksum.JenkinsLookup3HashLittle.hash(Arrays.copyOfRange(bytes, header, end));
        ByteBuffer.wrap(bytes, end, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(checksum);
        return Files.write(h5, bytes);
    }

    private static int lastIndexOf(byte[] data, byte[] pattern, int before) {
        for (int i = before - pattern.length; i >= 0; i--) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }
}
