package org.sheetnet.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.sheet.CellRef;

/**
 * Numbers written straight into XmlSheetSink's buffer, across many of its 64 KB boundaries: the
 * inflated sheet XML holds exactly the cells a string model gives, with jackson-core's text for
 * every number, and the CRC and size the part reports are those of that XML.
 */
class XmlSheetSinkNumbersTest {

    @TempDir
    Path dir;

    @Test
    void numbersOfEveryLengthLandAcrossBufferBoundariesUnchanged() throws IOException {
        Random random = new Random(16_7);
        XmlSheetSink sink = new XmlSheetSink(dir.resolve("sheet.xml.deflate"), 1, false, false);
        StringBuilder expected = new StringBuilder();
        for (int r = 0; r < 6000; r++) {
            sink.startRow();
            String row = Integer.toString(r + 1);
            expected.append("<row r=\"").append(row).append("\">");
            sink.text(0, "id" + r);
            expected.append("<c r=\"A").append(row).append("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">id")
                    .append(r).append("</t></is></c>");
            // 1 to 13 numbers a row: short decimals, full precision, huge and tiny, so the byte where a
            // number starts takes every offset near the end of the buffer.
            int count = 1 + r % 13;
            for (int c = 1; c <= count; c++) {
                double v = value(random);
                sink.number(c, v);
                expected.append("<c r=\"").append(CellRef.columnName(c)).append(row).append("\"><v>")
                        .append(NumberOutput.toString(v, true)).append("</v></c>");
            }
            sink.endRow();
            expected.append("</row>");
        }
        expected.append("</sheetData></worksheet>");
        XmlSheetSink.DeflatedPart part = sink.finish();

        byte[] xml = inflate(part.file());
        String text = new String(xml, StandardCharsets.US_ASCII);
        int body = text.indexOf("<sheetData>") + "<sheetData>".length();
        assertTrue(xml.length > 8 * 65536, "the sheet spans many buffers: " + xml.length + " bytes");
        assertEquals(expected.toString(), text.substring(body), "sheet XML after <sheetData>");
        CRC32 crc = new CRC32();
        crc.update(xml);
        assertEquals(crc.getValue(), part.crc(), "CRC-32 of the XML");
        assertEquals(xml.length, part.size(), "size of the XML");
    }

    private static double value(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(1000) / 1000.0;
            case 1 -> 1 / (1 + Math.exp(-random.nextGaussian()));
            case 2 -> -random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
            default -> Double.longBitsToDouble(random.nextLong() & 0x7FEF_FFFF_FFFF_FFFFL);
        };
    }

    private static byte[] inflate(Path file) throws IOException {
        try (InputStream in = new InflaterInputStream(Files.newInputStream(file), new Inflater(true))) {
            return in.readAllBytes();
        }
    }
}
