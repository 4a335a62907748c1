package org.sheetnet.input;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;

/**
 * Random damage to a CSV input (bytes overwritten with quotes, separators, line breaks, invalid
 * UTF-8 or anything), with a fixed seed: each damaged file is read to its end or refused with
 * sheetnet's own exception, never anything else.
 */
class CsvFuzzTest {

    private static final int CASES = 500;
    private static final byte[] INTERESTING = {'"', ',', ';', '\n', '\r', ' ', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF,
        (byte) 0xC3, (byte) 0xFF, 0, 'e', '-', '.'};

    @TempDir
    Path dir;

    @Test
    void damagedCsvIsReadOrRefusedNeverCrashes() throws IOException {
        StringBuilder seed = new StringBuilder("\uFEFFid,x1,x2,\"note, quoted\"\r\n");
        for (int r = 0; r < 40; r++) {
            seed.append("r").append(r).append(',').append(r * 0.5).append(",-1.5e3,\"say \"\"hi\"\"\nagain\"\r\n");
        }
        byte[] original = seed.toString().getBytes(StandardCharsets.UTF_8);
        Random random = new Random(20261205L);
        List<String> crashes = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] bytes = original.clone();
            for (int k = 1 + random.nextInt(6); k > 0; k--) {
                bytes[random.nextInt(bytes.length)] = random.nextBoolean()
                        ? INTERESTING[random.nextInt(INTERESTING.length)] : (byte) random.nextInt(256);
            }
            Path file = Files.write(dir.resolve("case.csv"), bytes);
            try (CsvRowSource source = new CsvRowSource(file)) {
                while (source.next() != null) {
                    // Read to the end: every record passes through the parser.
                }
            } catch (SheetnetException expected) {
                refused++;
            } catch (RuntimeException e) {
                crashes.add("case " + i + ": " + e);
            }
        }
        assertTrue(crashes.isEmpty(), crashes.size() + " of " + CASES + " damaged files crashed the reader: "
                + String.join("; ", crashes.subList(0, Math.min(10, crashes.size()))));
        assertTrue(refused > 0, "some damage is refused (" + refused + " of " + CASES + "), or the test proves nothing");
    }
}
