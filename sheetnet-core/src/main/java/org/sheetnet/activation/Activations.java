package org.sheetnet.activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Looks activations up by name. Names are Keras 3's ({@code relu}, {@code leaky_relu},
 * {@code hard_silu}, …), matched without regard to case, with Keras's aliases
 * ({@code swish} = silu, {@code hard_swish} = hard_silu) and ours ({@code identity} = linear).
 */
public final class Activations {

    private static final Map<String, String> ALIASES = Map.of(
            "identity", "linear",
            "swish", "silu",
            "hard_swish", "hard_silu",
            "none", "linear");

    private Activations() {
    }

    /**
     * The activation of that name, with its parameter or, when absent, Keras's default.
     *
     * @param name      Keras name or alias, any case; blank means linear, as in Keras
     * @param parameter the {@code alpha} column's value, if given
     * @return the activation, or empty if the name is unknown
     * @throws IllegalArgumentException if a parameter is given to an activation that takes none
     */
    public static Optional<Activation> find(String name, OptionalDouble parameter) {
        String key = name == null || name.isBlank() ? "linear" : name.trim().toLowerCase(Locale.ROOT);
        Catalogue.Entry entry = Catalogue.ENTRIES.get(ALIASES.getOrDefault(key, key));
        if (entry == null) {
            return Optional.empty();
        }
        if (parameter.isPresent() && !entry.takesParameter()) {
            throw new IllegalArgumentException(entry.name() + " takes no parameter, but alpha is "
                    + parameter.getAsDouble() + "; the activations with one are: " + String.join(", ", withParameter()));
        }
        return Optional.of(entry.factory().apply(parameter.orElse(entry.defaultParameter())));
    }

    /** The activation of that name with its default parameter; for code and tests. */
    public static Activation of(String name) {
        return find(name, OptionalDouble.empty())
                .orElseThrow(() -> new IllegalArgumentException("unknown activation \"" + name + "\""));
    }

    /** Canonical names of all known activations, in catalogue order. */
    public static List<String> known() {
        return List.copyOf(Catalogue.ENTRIES.keySet());
    }

    /** Names of the activations that take a parameter, with its default: {@code elu (alpha=1.0)}. */
    public static List<String> withParameter() {
        List<String> names = new ArrayList<>();
        for (Catalogue.Entry e : Catalogue.ENTRIES.values()) {
            if (e.takesParameter()) {
                names.add(e.name() + " (default " + e.defaultParameter() + ")");
            }
        }
        return names;
    }
}
