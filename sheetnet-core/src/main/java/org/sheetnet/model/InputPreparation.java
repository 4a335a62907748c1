package org.sheetnet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * How a model prepares its raw inputs before layer 1: one {@link FeatureScaling} per input of the
 * network, in the network's input order (a workbook's {@code Features} sheet, a CSV folder's
 * {@code features.csv}, a Keras {@code Normalization} layer).
 *
 * @param features one per network input, in order
 */
public record InputPreparation(List<FeatureScaling> features) {

    /** Copies the list. */
    public InputPreparation {
        features = List.copyOf(features);
    }

    /** Names of the features, in the network's order. */
    public List<String> names() {
        List<String> names = new ArrayList<>(features.size());
        features.forEach(f -> names.add(f.name()));
        return List.copyOf(names);
    }

    /** Number of inputs prepared. */
    public int width() {
        return features.size();
    }

    /** Input i prepared: (x − offset_i) / scale_i. */
    public double prepare(int i, double raw) {
        return features.get(i).prepare(raw);
    }
}
