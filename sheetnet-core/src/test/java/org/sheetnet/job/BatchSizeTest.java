package org.sheetnet.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.sheetnet.activation.Activations;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Network;

/** The rows a batch holds follow from the widths the model names and the heap, never beyond either. */
class BatchSizeTest {

    private static DenseLayer layer(String name, int in, int units, String activation) {
        List<String> unitNames = java.util.stream.IntStream.range(0, units).mapToObj(j -> "u" + j).toList();
        return new DenseLayer(name, new Matrix(in, units, new double[in * units]), new double[units],
                Activations.find(activation, OptionalDouble.empty()).orElseThrow(), List.of(), unitNames);
    }

    /** 2 inputs → 2,000 relu units → 1 linear output. */
    private static Network wide() {
        return new Network(List.of(layer("wide", 2, 2000, "relu"), layer("out", 2000, 1, "linear")));
    }

    @Test
    void aRowCostsItsInputCellsAndEveryLayersValues() {
        // 8 bytes × (2 inputs + 2,000 pre + 2,000 act + 1 pre + 1 act) + 64 bytes × 3 input cells
        assertEquals(8 * 4004 + 64 * 3, BatchSize.rowBytes(wide(), 3), "bytes of one row");
    }

    @Test
    void aBatchTooLargeForAQuarterOfTheHeapIsMadeSmaller() {
        long heap = 256L << 20;
        // (256 MiB / 8) / 32,224 bytes a row = 1,041 rows (two batches are held at once)
        assertEquals(1041, BatchSize.fit(1_048_576, wide(), 3, heap), "rows for 1,048,576 asked in 256 MB");
        assertEquals(4096, BatchSize.fit(4096, wide(), 3, 64L << 30), "rows for 4,096 asked in 64 GB");
    }

    @Test
    void noLayerArrayExceedsTheLargestJavaArray() {
        Network widest = new Network(List.of(layer("huge", 1, 100_000, "linear")));
        // (2^31 − 1 − 8) / 100,000 = 21,474 rows, whatever the heap
        assertEquals(21_474, BatchSize.fit(1_048_576, widest, 1, Long.MAX_VALUE), "rows for a 100,000-unit layer");
    }

    @Test
    void atLeastOneRowEvenWhenOneRowExceedsTheShare() {
        assertEquals(1, BatchSize.fit(4096, wide(), 3, 1000), "rows in a heap of 1,000 bytes");
    }

    @Test
    void theOptionsRefuseABatchOutsideItsRange() {
        Path m = Path.of("m.xlsx");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ScoreOptions(m,
                Optional.empty(), Optional.empty(), m, false, Integer.MAX_VALUE, false, 1e-6, 1, "x"));
        assertEquals("batch size must be from 1 to 1048576, not 2147483647", e.getMessage(), "message");
    }

    @Test
    void theAuditSaysWhenTheBatchWasMadeSmaller() {
        Path m = Path.of("m.xlsx");
        RunRecord record = new RunRecord(new ScoreOptions(m, Optional.empty(), Optional.empty(), m, false, 1_048_576,
                false, 1e-6, 1, "x"), Instant.EPOCH, true);
        record.batchRows = 2082;
        assertEquals("2082 (asked 1048576; more would not fit in an eighth of the heap)", record.batchSize(),
                "Audit options, batch size");
        record.batchRows = 1_048_576;
        assertEquals("1048576", record.batchSize(), "Audit options, batch size as asked");
    }
}
