package org.sheetnet.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
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

    /**
     * A reader of the text after the byte-order mark. A byte that is not of the encoding is an error,
     * not a '?', raised only once every character before it has been read, so that the reader of the
     * text can say on which line it is.
     */
    Reader reader(BufferedInputStream in) throws IOException {
        in.skipNBytes(bomBytes);
        return new StrictReader(in, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Decodes a stream; the first coding error is thrown when the characters before it are used up. */
    private static final class StrictReader extends Reader {

        private final InputStream in;
        private final CharsetDecoder decoder;
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 13).flip();
        private boolean eof;
        private CoderResult error;

        StrictReader(InputStream in, CharsetDecoder decoder) {
            this.in = in;
            this.decoder = decoder;
        }

        @Override
        public int read(char[] into, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            CharBuffer out = CharBuffer.wrap(into, off, len);
            while (out.position() == off && error == null) {
                if (!bytes.hasRemaining() || !eof && bytes.remaining() < 4) {
                    if (eof && !bytes.hasRemaining()) {
                        return -1;
                    }
                    refill();
                }
                CoderResult result = decoder.decode(bytes, out, eof);
                if (result.isError()) {
                    error = result;
                } else if (eof && result.isUnderflow() && out.position() == off) {
                    if (bytes.hasRemaining()) {
                        error = CoderResult.malformedForLength(bytes.remaining());
                    } else {
                        return -1;
                    }
                }
            }
            if (out.position() > off) {
                return out.position() - off;
            }
            error.throwException();
            return -1;
        }

        private void refill() throws IOException {
            bytes.compact();
            int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
                eof = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
