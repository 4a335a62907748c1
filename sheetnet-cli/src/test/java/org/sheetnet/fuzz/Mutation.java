package org.sheetnet.fuzz;

import java.util.Optional;
import java.util.Random;

/**
 * One way of damaging a file. Structural mutations edit a {@link Subject}; the byte-level ones
 * edit its serialised bytes, after every structural one.
 */
interface Mutation {

    /** A short name for reports. */
    String name();

    /** Whether this mutation edits the serialised bytes rather than the structure. */
    default boolean byteLevel() {
        return false;
    }

    /**
     * Applies the mutation, choosing where and how with {@code random} alone, so that a case
     * replays from its seed.
     *
     * @return what was done, or empty when the subject has nothing this mutation can edit
     */
    Optional<String> apply(Subject subject, Random random, Hostile hostile);

    /** Edits bytes; only for byte-level mutations. */
    default byte[] applyToBytes(byte[] bytes, Random random, StringBuilder description) {
        throw new UnsupportedOperationException(name());
    }
}
