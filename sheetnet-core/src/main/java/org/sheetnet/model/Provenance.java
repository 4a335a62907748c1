package org.sheetnet.model;

/**
 * Where a model was read from, as the Audit sheet reports it.
 *
 * @param source the file (or folder) name it was read from
 * @param sha256 the SHA-256 of that file in hex, or empty for a folder or a model built in memory
 */
public record Provenance(String source, String sha256) {

    /** A model built in memory (trained, or assembled by a program). */
    public static Provenance inMemory(String what) {
        return new Provenance(what, "");
    }
}
