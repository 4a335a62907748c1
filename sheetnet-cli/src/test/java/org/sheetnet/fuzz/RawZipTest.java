package org.sheetnet.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The fuzzer's zip writer: honest archives read back as written, and it knows which entries it damaged. */
class RawZipTest {

    private static byte[] seed() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : List.of("a.xml", "b.xml")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(("<v>" + name + " 0.5</v>").repeat(20).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void anHonestArchiveReadsBackAsWritten() throws IOException {
        RawZip raw = RawZip.read(seed());
        raw.entries.get(1).deflated = false;
        RawZip again = RawZip.read(raw.write());
        assertEquals(List.of("a.xml", "b.xml"), again.entries.stream().map(e -> e.name).toList(), "names");
        assertArrayEquals(raw.entries.get(0).data, again.entries.get(0).data, "deflated a.xml");
        assertArrayEquals(raw.entries.get(1).data, again.entries.get(1).data, "stored b.xml");
        assertEquals(List.of(), raw.staleEntries(), "no entry damaged");
    }

    @Test
    void aLyingCrcOrAnEditedPayloadIsDamageTheJdkSeesToo() throws IOException {
        RawZip raw = RawZip.read(seed());
        raw.entries.get(0).crcLie = 1;
        raw.entries.get(1).deflated = false;
        raw.entries.get(1).payloadFlips.add(new int[] {4, 0x01}); // one bit of stored b.xml, edited after its CRC
        assertEquals(List.of("a.xml", "b.xml"), raw.staleEntries(), "damaged entries");
        assertThrows(ZipException.class, () -> {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(raw.write()))) {
                while (in.getNextEntry() != null) {
                    in.readAllBytes();
                }
            }
        }, "ZipInputStream checks the CRC");
    }
}
