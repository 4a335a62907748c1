package org.sheetnet.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole model, detached from the file it came from: its layers, how its raw inputs are prepared,
 * the check vectors it must reproduce, and where it was read from. Every reader produces one and
 * every writer takes one. Immutable and safe to share between threads.
 *
 * @param network     the layers
 * @param preparation how the raw inputs are prepared before layer 1, if at all
 * @param checks      the stored check vectors, if any
 * @param provenance  the source file and its hash
 */
public record Model(Network network, Optional<InputPreparation> preparation, Optional<CheckVectorSet> checks,
        Provenance provenance) {

    /** Checks that the preparation fits the network. */
    public Model {
        preparation.ifPresent(p -> {
            if (p.width() != network.inputWidth()) {
                throw new IllegalArgumentException("the preparation has " + p.width() + " features, but layer 1 takes "
                        + network.inputWidth() + " inputs");
            }
        });
        checks.ifPresent(c -> c.vectors().forEach(v -> {
            if (v.inputs().length != network.inputWidth()
                    || v.expected().length != network.outputLayer().outputWidth()) {
                throw new IllegalArgumentException("a check vector of " + c.source() + " does not fit the network");
            }
        }));
    }

    /** A model of layers alone: no preparation, no checks. */
    public static Model of(Network network, Provenance provenance) {
        return new Model(network, Optional.empty(), Optional.empty(), provenance);
    }

    /** This model with other check vectors. */
    public Model withChecks(Optional<CheckVectorSet> other) {
        return new Model(network, preparation, other, provenance);
    }

    /**
     * The names of the raw inputs, in order: the first weights block's row names, else the
     * preparation's feature names, else x1, x2, ….
     */
    public List<String> inputNames() {
        if (!network.inputNames().isEmpty()) {
            return network.inputNames();
        }
        if (preparation.isPresent()) {
            return preparation.get().names();
        }
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= network.inputWidth(); i++) {
            names.add("x" + i);
        }
        return List.copyOf(names);
    }

    /** Whether the inputs are named by the model itself (else they are matched by position). */
    public boolean namesInputs() {
        return !network.inputNames().isEmpty() || preparation.isPresent();
    }

    /** The names of the outputs, in order. */
    public List<String> outputNames() {
        return network.outputLayer().outputNames();
    }

    /** The class names when the output is a softmax over several units; empty for a regression. */
    public List<String> classes() {
        DenseLayer out = network.outputLayer();
        return "softmax".equals(out.activation().name()) && out.outputWidth() > 1 ? outputNames() : List.of();
    }

    /**
     * Raw input i prepared for layer 1: (x − offset) / scale, or x itself when there is no preparation.
     */
    public double prepare(int i, double raw) {
        return preparation.isPresent() ? preparation.get().prepare(i, raw) : raw;
    }
}
