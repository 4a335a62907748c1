package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.examples.SheetWriter;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.TinyModel;

/**
 * {@code --batch-size} outside 1 to 1,048,576 is a usage error of one line; inside it, a batch the
 * model's widths make too large for the heap is made smaller and said so. Run in a child JVM of
 * 256 MB, where the old code ran out of memory or overflowed an array size.
 */
class BatchSizeOptionTest {

    @TempDir
    Path dir;

    private void assertRefused(String batchSize) throws Exception {
        Path model = TinyModel.write(dir.resolve("model.xlsx"), true,
                List.of(TinyModel.row("id", "x1", "x2"), TinyModel.row("a", 1.0, 2.0)));
        Path out = Files.createDirectories(dir.resolve("out"));
        Cli.Run run = Cli.child("score", model.toString(), "--batch-size", batchSize,
                "--out", out.resolve("scored.xlsx").toString());
        assertEquals(ExitCodes.USAGE, run.exit(), run.stderr());
        assertEquals(List.of(String.format(java.util.Locale.ROOT, "sheetnet: --batch-size must be from 1 to 1,048,576"
                + " rows, not %,d (see sheetnet help score)", Long.parseLong(batchSize))), run.stderrLines(), "stderr");
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of(), files.toList(), "output folder");
        }
    }

    @Test
    void aHundredMillionRowsIsRefused() throws Exception {
        assertRefused("100000000");
    }

    @Test
    void theLargestIntIsRefused() throws Exception {
        assertRefused("2147483647");
    }

    @Test
    void aBatchTooLargeForTheHeapIsMadeSmallerAndSaidSo() throws Exception {
        // 2 inputs → 2,000 units → 1 output: 20,000 rows at once would take 640 MB of layer values.
        Path model = dir.resolve("wide.xlsx");
        List<Object> units = new ArrayList<>(List.of("input"));
        List<Object> w1 = new ArrayList<>(List.of("x1"));
        List<Object> w2 = new ArrayList<>(List.of("x2"));
        List<Object> bias = new ArrayList<>();
        List<List<Object>> out = new ArrayList<>(List.of(List.of("y")));
        for (int j = 0; j < 2000; j++) {
            units.add("h" + j);
            w1.add(0.001 * j);
            w2.add(-0.0005 * j);
            bias.add(0.0);
            out.add(List.of(0.001));
        }
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(List.of("layer", "weights", "bias", "activation"),
                    List.of("wide", "W1", "b1", "relu"), List.of("out", "W2", "b2", "linear")));
            w.sheet("W1", true, List.of(units, w1, w2));
            w.sheet("b1", true, List.of(units.subList(1, units.size()), bias));
            w.sheet("W2", true, out);
            w.sheet("b2", true, List.of(List.of("y"), List.of(0.0)));
            w.save(model);
        }
        StringBuilder csv = new StringBuilder("id,x1,x2\n");
        for (int r = 0; r < 20_000; r++) {
            csv.append("r").append(r).append(',').append(r % 7).append(',').append(r % 5).append('\n');
        }
        Path rows = Files.writeString(dir.resolve("rows.csv"), csv, StandardCharsets.UTF_8);
        Path predictions = dir.resolve("predictions.csv");
        Cli.Run run = Cli.child("score", model.toString(), "--input", rows.toString(),
                "--batch-size", "1048576", "--out", predictions.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        List<String> lines = run.stderrLines();
        assertEquals(1, lines.size(), "stderr: " + run.stderr());
        assertTrue(lines.get(0).startsWith("sheetnet: note: --batch-size 1,048,576 rows would take more than an eighth"
                + " of the heap with this model (32,224 bytes a row); computing "), lines.get(0));
        assertEquals(20_001, Files.readAllLines(predictions).size(), "predictions.csv lines");
    }
}
