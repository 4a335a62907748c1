package org.sheetnet.format.keras;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;

/**
 * Random damage to a Keras weights file and a .keras zip (bytes overwritten, runs cut out), with a
 * fixed seed: every damaged file either imports or is refused with sheetnet's own exception;
 * anything else (an internal error, a hang) fails the test, naming the mutation.
 */
class KerasFuzzTest {

    private static final long SEED = 20261205L;
    private static final int CASES = 300;

    private static final String CONFIG = "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": ["
            + "{\"class_name\": \"InputLayer\", \"config\": {\"name\": \"in\", \"batch_shape\": [null, 3]}},"
            + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"units\": 4, \"activation\": \"relu\"}},"
            + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense_1\", \"units\": 2, \"activation\": \"softmax\"}}"
            + "]}}";

    @TempDir
    Path dir;

    private byte[] weights() throws IOException {
        Path file = dir.resolve("seed.h5");
        Random random = new Random(1);
        try (WritableHdfFile hdf = HdfFile.write(file)) {
            WritableGroup layers = hdf.putGroup("layers");
            put(layers.putGroup("dense").putGroup("vars"), random, 3, 4);
            put(layers.putGroup("dense_1").putGroup("vars"), random, 4, 2);
        }
        return Files.readAllBytes(file);
    }

    private static void put(WritableGroup vars, Random random, int in, int units) {
        float[][] kernel = new float[in][units];
        for (float[] row : kernel) {
            for (int j = 0; j < units; j++) {
                row[j] = random.nextFloat() - 0.5f;
            }
        }
        float[] bias = new float[units];
        vars.putDataset("0", kernel);
        vars.putDataset("1", bias);
    }

    private static byte[] zip(byte[] weights) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : List.of(new Object[] {"config.json", CONFIG.getBytes(StandardCharsets.UTF_8)},
                    new Object[] {"model.weights.h5", weights})) {
                zip.putNextEntry(new ZipEntry((String) e[0]));
                zip.write((byte[]) e[1]);
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    // Overwrites 1 to 8 bytes, or cuts a run out, at random places.
    private static byte[] damage(byte[] seed, Random random) {
        byte[] bytes = seed.clone();
        if (random.nextInt(4) == 0) {
            int from = random.nextInt(bytes.length);
            int length = 1 + random.nextInt(Math.min(64, bytes.length - from));
            byte[] cut = new byte[bytes.length - length];
            System.arraycopy(bytes, 0, cut, 0, from);
            System.arraycopy(bytes, from + length, cut, from, bytes.length - from - length);
            return cut;
        }
        for (int k = 1 + random.nextInt(8); k > 0; k--) {
            bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    @Test
    void damagedFilesAreImportedOrRefusedNeverCrash() throws IOException {
        byte[] h5 = weights();
        byte[] keras = zip(h5);
        Path config = Files.writeString(dir.resolve("model.json"), CONFIG, StandardCharsets.UTF_8);
        Random random = new Random(SEED);
        List<String> crashes = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            boolean zip = i % 2 == 1;
            Path file = Files.write(dir.resolve(zip ? "case.keras" : "case.h5"), damage(zip ? keras : h5, random));
            String name = "case " + i + " (" + file.getFileName() + ")";
            try {
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> KerasImport.read(file,
                        zip ? Optional.empty() : Optional.of(config)), name);
            } catch (SheetnetException expected) {
                // Refused with a message: what a damaged file should get.
                refused++;
            } catch (Throwable t) {
                crashes.add(name + ": " + t);
            }
        }
        // The damage must reach the reader, or the test proves nothing.
        org.junit.jupiter.api.Assertions.assertTrue(refused > CASES / 4, refused + " of " + CASES + " refused");
        if (!crashes.isEmpty()) {
            throw new AssertionError(crashes.size() + " of " + CASES + " damaged files crashed the reader: "
                    + String.join("; ", crashes.subList(0, Math.min(10, crashes.size()))));
        }
    }
}
