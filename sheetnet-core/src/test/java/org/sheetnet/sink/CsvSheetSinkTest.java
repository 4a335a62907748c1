package org.sheetnet.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CSV sink's own buffer: every number reads back to its bits, and text survives the buffer's edges. */
class CsvSheetSinkTest {

    @Test
    void everyNumberWrittenReadsBackToTheSameBits() {
        SplittableRandom random = new SplittableRandom(16);
        double[] values = new double[200_000];
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvSheetSink sink = new CsvSheetSink(bytes);
        for (int r = 0; r < values.length / 2; r++) {
            sink.startRow();
            for (int c = 0; c < 2; c++) {
                double v = Double.longBitsToDouble(random.nextLong());
                values[2 * r + c] = Double.isFinite(v) ? v : random.nextDouble();
                sink.number(c, values[2 * r + c]);
            }
            sink.endRow();
        }
        sink.finish();
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\r\n");
        assertEquals(values.length / 2, lines.length, "rows");
        for (int r = 0; r < lines.length; r++) {
            String[] fields = lines[r].split(",");
            for (int c = 0; c < 2; c++) {
                assertEquals(Double.doubleToRawLongBits(values[2 * r + c]), Double.doubleToRawLongBits(
                        Double.parseDouble(fields[c])), "row " + (r + 1) + " column " + (c + 1) + ": " + fields[c]);
            }
        }
    }

    /** A character outside the BMP is two chars; cut between buffers, each half alone would be written as '?'. */
    @Test
    void textAcrossTheBufferEdgeIsWrittenWhole() {
        StringBuilder expected = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvSheetSink sink = new CsvSheetSink(bytes);
        for (int pad = 65_530; pad < 65_540; pad++) {
            String text = "a".repeat(pad) + "\uD83D\uDE00é";
            sink.startRow();
            sink.text(0, text);
            sink.endRow();
            expected.append(text).append("\r\n");
        }
        String big = "\uD83D\uDE00".repeat(70_000);
        sink.startRow();
        sink.text(0, big);
        sink.endRow();
        expected.append(big).append("\r\n");
        sink.finish();
        assertEquals(expected.toString(), bytes.toString(StandardCharsets.UTF_8), "the text read back");
    }
}
