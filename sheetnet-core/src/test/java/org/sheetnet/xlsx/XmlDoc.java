package org.sheetnet.xlsx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A generated XML document: its characters and how they become bytes.
 *
 * @param text     the document's characters
 * @param encoding how they are written
 */
record XmlDoc(String text, Encoding encoding) {

    /** The ways a part's characters are written; the declaration, if any, is part of the text. */
    enum Encoding {
        UTF8(StandardCharsets.UTF_8, new byte[0]),
        UTF8_BOM(StandardCharsets.UTF_8, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}),
        UTF16LE_BOM(StandardCharsets.UTF_16LE, new byte[] {(byte) 0xFF, (byte) 0xFE}),
        UTF16BE_BOM(StandardCharsets.UTF_16BE, new byte[] {(byte) 0xFE, (byte) 0xFF});

        private final Charset charset;
        private final byte[] mark;

        Encoding(Charset charset, byte[] mark) {
            this.charset = charset;
            this.mark = mark;
        }

        boolean utf16() {
            return charset != StandardCharsets.UTF_8;
        }

        /** The characters as bytes, after the byte order mark; lone surrogates become '?' (the encoder's choice). */
        byte[] encode(String text) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 4);
            out.writeBytes(mark);
            out.writeBytes(text.getBytes(charset));
            return out.toByteArray();
        }
    }

    /** The document's bytes. */
    byte[] bytes() {
        return encoding.encode(text);
    }

    /** The same encoding, other characters. */
    XmlDoc with(String other) {
        return new XmlDoc(other, encoding);
    }
}
