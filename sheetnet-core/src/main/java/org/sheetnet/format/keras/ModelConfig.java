package org.sheetnet.format.keras;

import java.util.List;
import java.util.Optional;

/**
 * A Keras model config reduced to what sheetnet can run: its layers as one chain from input to output.
 *
 * @param className  {@code Sequential}, {@code Model} or {@code Functional}
 * @param name       the model's name, or empty
 * @param chain      the layers in the order data flows through them
 * @param inputShape the shape of one input row (without the batch dimension), when the config gives it
 */
record ModelConfig(String className, String name, List<LayerSpec> chain, Optional<int[]> inputShape) {
}
