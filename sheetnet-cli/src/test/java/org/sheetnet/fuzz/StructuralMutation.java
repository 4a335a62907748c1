package org.sheetnet.fuzz;

import java.util.Optional;
import java.util.Random;

/** A structural {@link Mutation} made from a name and a function. */
record StructuralMutation(String name, Edit edit) implements Mutation {

    /** The edit: returns what it did, or null when it does not apply. */
    @FunctionalInterface
    interface Edit {
        String apply(Subject subject, Random random, Hostile hostile);
    }

    @Override
    public Optional<String> apply(Subject subject, Random random, Hostile hostile) {
        return Optional.ofNullable(edit.apply(subject, random, hostile)).map(done -> name + ": " + done);
    }
}
