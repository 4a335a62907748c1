package org.sheetnet.xlsx;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The encoding named by a document's XML declaration, and the document without it: what the
 * allowlist uses to tell "only the encoding's name is wrong" from any other disagreement. The
 * document's characters are found from its first bytes alone (a byte order mark, or UTF-16's
 * {@code <?}), the way XML 1.0 appendix F starts.
 */
final class EncodingDeclaration {

    private static final Pattern ENCODING = Pattern.compile("^(<\\?xml\\s[^>]*?)\\s+encoding\\s*=\\s*(\"[^\"]*\"|'[^']*')");

    private EncodingDeclaration() {
    }

    /** The same document with its declaration's encoding pseudo-attribute removed, if it has one. */
    static Optional<byte[]> withoutEncodingName(byte[] document) {
        int mark = markLength(document);
        Charset charset = charset(document);
        byte[] body = Arrays.copyOfRange(document, mark, document.length);
        String text = new String(body, charset);
        if (!Arrays.equals(text.getBytes(charset), body)) {
            return Optional.empty(); // not decodable as found: not a case of a wrong name alone
        }
        Matcher m = ENCODING.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        byte[] rest = (m.group(1) + text.substring(m.end())).getBytes(charset);
        byte[] out = Arrays.copyOf(document, mark + rest.length);
        System.arraycopy(rest, 0, out, mark, rest.length);
        return Optional.of(out);
    }

    private static int markLength(byte[] b) {
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            return 3;
        }
        return starts(b, 0xFF, 0xFE) || starts(b, 0xFE, 0xFF) ? 2 : 0;
    }

    private static Charset charset(byte[] b) {
        if (starts(b, 0xFF, 0xFE) || starts(b, '<', 0)) {
            return StandardCharsets.UTF_16LE;
        }
        return starts(b, 0xFE, 0xFF) || starts(b, 0, '<') ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_8;
    }

    private static boolean starts(byte[] b, int... head) {
        if (b.length < head.length) {
            return false;
        }
        for (int i = 0; i < head.length; i++) {
            if ((b[i] & 0xFF) != head[i]) {
                return false;
            }
        }
        return true;
    }
}
