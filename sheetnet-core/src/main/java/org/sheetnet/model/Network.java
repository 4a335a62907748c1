package org.sheetnet.model;

import java.util.List;

/**
 * A chain of Dense layers, each taking the previous layer's activations as its inputs.
 *
 * @param layers the layers in order, at least one; widths chain
 */
public record Network(List<DenseLayer> layers) {

    public Network {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int k = 1; k < layers.size(); k++) {
            DenseLayer previous = layers.get(k - 1);
            DenseLayer layer = layers.get(k);
            if (layer.inputWidth() != previous.outputWidth()) {
                throw new IllegalArgumentException(layer.name() + " has " + layer.inputWidth()
                        + " rows, but " + previous.name() + " has " + previous.outputWidth() + " outputs");
            }
        }
        layers = List.copyOf(layers);
    }

    /** Number of inputs of the first layer. */
    public int inputWidth() {
        return layers.get(0).inputWidth();
    }

    /** Names of the inputs, from the first weights block; empty when it carries none. */
    public List<String> inputNames() {
        return layers.get(0).inputNames();
    }

    /** The last layer. */
    public DenseLayer outputLayer() {
        return layers.get(layers.size() - 1);
    }

    /** Number of layers. */
    public int depth() {
        return layers.size();
    }
}
