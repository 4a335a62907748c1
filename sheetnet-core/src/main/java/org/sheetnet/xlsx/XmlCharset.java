package org.sheetnet.xlsx;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a part's bytes to characters before the XML parser sees them. The JDK's parser prints
 * {@code [Fatal Error] …} on standard error when it meets bytes that are not valid in the part's
 * encoding, whatever error handler is set; decoding here, strictly, turns the same damage into an
 * exception and nothing else. The encoding is found as XML 1.0 (appendix F) finds it: a byte order
 * mark, the first bytes of {@code <?xml} in UTF-16, or the declaration's {@code encoding}.
 */
final class XmlCharset {

    private static final Pattern DECLARED = Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

    // What an OOXML part may be written in; anything else is refused rather than guessed.
    private static final Map<String, Charset> KNOWN = Map.of(
            "utf-8", StandardCharsets.UTF_8, "utf8", StandardCharsets.UTF_8,
            "utf-16", StandardCharsets.UTF_16, "utf-16le", StandardCharsets.UTF_16LE,
            "utf-16be", StandardCharsets.UTF_16BE, "us-ascii", StandardCharsets.US_ASCII,
            "ascii", StandardCharsets.US_ASCII, "iso-8859-1", StandardCharsets.ISO_8859_1,
            "latin1", StandardCharsets.ISO_8859_1);

    private XmlCharset() {
    }

    /**
     * A strict reader of the part's characters.
     *
     * @param in the part's bytes; closed with the reader
     * @throws IOException if the declared encoding is one an OOXML part cannot have
     */
    static Reader reader(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 8192);
        b.mark(256);
        byte[] head = b.readNBytes(256);
        b.reset();
        Charset charset = detect(head);
        if (charset == StandardCharsets.UTF_8 && startsWith(head, 0xEF, 0xBB, 0xBF)) {
            b.skipNBytes(3);
        }
        return new InputStreamReader(b, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    static Charset detect(byte[] head) throws IOException {
        if (startsWith(head, 0xFE, 0xFF) || startsWith(head, 0xFF, 0xFE)) {
            return StandardCharsets.UTF_16; // reads the mark and drops it
        }
        if (startsWith(head, 0x00, '<', 0x00, '?')) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(head, '<', 0x00, '?', 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        int from = startsWith(head, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        Matcher m = DECLARED.matcher(new String(head, from, head.length - from, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        Charset declared = KNOWN.get(m.group(1).toLowerCase(Locale.ROOT));
        if (declared == null) {
            throw new IOException("the part declares the encoding \"" + m.group(1) + "\", which a workbook part"
                    + " cannot have (UTF-8 or UTF-16)");
        }
        // UTF-16 declared without a mark or the patterns above cannot be read as declared.
        return declared == StandardCharsets.UTF_16 ? StandardCharsets.UTF_8 : declared;
    }

    private static boolean startsWith(byte[] head, int... bytes) {
        if (head.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
