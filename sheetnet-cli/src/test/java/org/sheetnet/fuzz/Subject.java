package org.sheetnet.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The file being mutated, in the most structured form its format allows: a zip of entries
 * (workbooks, {@code .keras}), text (CSV, JSON) or plain bytes (HDF5). Structural mutations edit
 * that form; byte-level mutations edit the serialised bytes afterwards.
 */
final class Subject {

    /** The formats the fuzzer knows the structure of. */
    enum Format { XLSX, KERAS, JSON, CSV, HDF5 }

    final Format format;
    RawZip zip;
    String text;
    byte[] binary;
    /** Appended to text formats while writing, never held in memory. */
    RawZip.Filler tailFiller;

    private Subject(Format format) {
        this.format = format;
    }

    /** A subject parsed from a seed file's bytes. */
    static Subject of(Format format, byte[] seed) {
        Subject s = new Subject(format);
        switch (format) {
            case XLSX, KERAS -> s.zip = RawZip.read(seed);
            case JSON, CSV -> s.text = new String(seed, StandardCharsets.UTF_8);
            case HDF5 -> s.binary = seed.clone();
            default -> throw new IllegalArgumentException(format.toString());
        }
        return s;
    }

    boolean isZip() {
        return zip != null;
    }

    boolean isText() {
        return text != null;
    }

    /** The XML entries of a workbook, worksheets first in the list as they matter most. */
    List<RawZip.Entry> xmlEntries() {
        List<RawZip.Entry> xml = new ArrayList<>();
        if (zip != null) {
            zip.entries.stream().filter(e -> e.name.endsWith(".xml") || e.name.endsWith(".rels")).forEach(xml::add);
        }
        return xml;
    }

    /** The bytes of the structured form, before byte-level mutations and without the tail filler. */
    byte[] serialise() {
        if (zip != null) {
            return zip.write();
        }
        return text != null ? text.getBytes(StandardCharsets.UTF_8) : binary.clone();
    }

    /** Writes the final bytes and the tail filler, if any, to the file. */
    void writeTo(Path file, byte[] bytes) {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
            if (tailFiller != null) {
                tailFiller.forEachChunk(chunk -> {
                    try {
                        out.write(chunk);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
