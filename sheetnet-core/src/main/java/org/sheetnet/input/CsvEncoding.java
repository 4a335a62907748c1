package org.sheetnet.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text encoding of a CSV file, told from its first bytes: a byte-order mark says UTF-8 or
 * UTF-16 (Excel's "CSV UTF-8" and "Unicode Text"); otherwise the first 64 KB are UTF-8 if they
 * decode as UTF-8, and Windows-1252 (what Excel's plain "CSV" save writes on Windows) if they do not.
 *
 * @param charset     the encoding
 * @param bomBytes    the length of the byte-order mark, skipped
 * @param description for the Audit: {@code UTF-8 (byte-order mark)}, {@code Windows-1252 (not UTF-8)}
 */
record CsvEncoding(Charset charset, int bomBytes, String description) {

    /** Bytes looked at to tell UTF-8 from Windows-1252. */
    static final int PEEK = 1 << 16;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Tells the encoding from the start of a stream, which is left where it was. */
    static CsvEncoding detect(BufferedInputStream in) throws IOException {
        in.mark(PEEK);
        byte[] head = in.readNBytes(PEEK);
        in.reset();
        int n = head.length;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new CsvEncoding(StandardCharsets.UTF_8, 3, "UTF-8 (byte-order mark)");
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new CsvEncoding(StandardCharsets.UTF_16LE, 2, "UTF-16 little-endian (byte-order mark)");
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new CsvEncoding(StandardCharsets.UTF_16BE, 2, "UTF-16 big-endian (byte-order mark)");
        }
        return isUtf8(head) ? new CsvEncoding(StandardCharsets.UTF_8, 0, "UTF-8")
                : new CsvEncoding(WINDOWS_1252, 0, "Windows-1252 (the first 64 KB are not UTF-8)");
    }

    // Whether the bytes decode as UTF-8; a character cut at the end of the sample is not held against them.
    private static boolean isUtf8(byte[] head) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(ByteBuffer.wrap(head), CharBuffer.allocate(head.length), false);
        return !result.isError();
    }

    /** A reader of the text after the byte-order mark; a byte that is not of the encoding is an error, not a '?'. */
    Reader reader(BufferedInputStream in) throws IOException {
        in.skipNBytes(bomBytes);
        return new InputStreamReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
