package org.sheetnet.format.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activations;
import org.sheetnet.format.onnx.proto.Onnx.ModelProto;
import org.sheetnet.model.Model;

/**
 * Damaged ONNX files (bits flipped, bytes dropped, doubled or overwritten with large varints, the file
 * cut short), 1500 cases from fixed seeds: each is read or refused with a one-line SheetnetException
 * naming the file; no other exception escapes, and no case takes more than a second.
 */
class OnnxMutationTest {

    @TempDir
    Path dir;

    @Test
    void damagedFilesAreReadOrRefusedInOneLine() throws IOException {
        List<byte[]> seeds = new ArrayList<>();
        for (String act : List.of("relu", "softmax", "gelu", "sparsemax")) {
            Model m = OnnxExportTest.model(Activations.of(act), new Random(act.hashCode()));
            seeds.add(OnnxExport.toOnnx(m, 17, false).toByteArray());
        }
        seeds.add(OnnxExport.toOnnx(OnnxExportTest.model(Activations.of("tanh"), new Random(1)), 13, true).toByteArray());
        Random random = new Random(20261205);
        int refused = 0;
        for (int c = 0; c < 1500; c++) {
            byte[] bytes = mutate(seeds.get(c % seeds.size()).clone(), random);
            Path file = Files.write(dir.resolve("case.onnx"), bytes);
            long start = System.nanoTime();
            try {
                OnnxImport.readModel(file);
            } catch (SheetnetException e) {
                refused++;
                int cc = c;
                assertTrue(e.getMessage().startsWith("case.onnx") || e.getMessage().contains("case.onnx"),
                        () -> "case " + cc + ": message names no file: " + e.getMessage());
                assertFalse(e.getMessage().contains("\n"), () -> "case " + cc + ": several lines: " + e.getMessage());
            } catch (RuntimeException e) {
                Files.write(dir.getParent().resolve("onnx-mutation-failure.onnx"), bytes);
                throw new AssertionError("case " + c + ": " + e, e);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 1000, "case " + c + " took " + millis + " ms");
        }
        assertTrue(refused > 150, "most damage is refused: " + refused);
        assertEquals(seeds.size(), seeds.stream().filter(s -> parses(s)).count(), "the seeds themselves are models");
    }

    private static boolean parses(byte[] bytes) {
        try {
            return ModelProto.parseFrom(bytes).hasGraph();
        } catch (IOException e) {
            return false;
        }
    }

    private static byte[] mutate(byte[] b, Random random) {
        int kind = random.nextInt(5);
        int at = random.nextInt(b.length);
        switch (kind) {
            case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> {
                return java.util.Arrays.copyOf(b, at);
            }
            case 2 -> {
                byte[] out = new byte[b.length - 1];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + 1, out, at, b.length - at - 1);
                return out;
            }
            case 3 -> {
                // a large varint (2^35 and more) over whatever was there: lengths and dims that lie
                for (int k = 0; k < 5 && at + k < b.length; k++) {
                    b[at + k] = (byte) (k < 4 ? 0xff : 0x07);
                }
            }
            default -> b[at] = (byte) random.nextInt(256);
        }
        return b;
    }
}
