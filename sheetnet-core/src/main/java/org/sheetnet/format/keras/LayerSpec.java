package org.sheetnet.format.keras;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One layer of a Keras model config.
 *
 * @param name      the layer's name ({@code dense_1})
 * @param className its Keras class ({@code Dense}, {@code Dropout}, …)
 * @param config    its {@code config} object
 */
record LayerSpec(String name, String className, JsonNode config) {

    /** {@code dense_1 (Dense)}, for messages. */
    String describe() {
        return name + " (" + className + ")";
    }

    /** A number in the config, or the default when absent or null. */
    double number(String key, double byDefault) {
        JsonNode n = config.get(key);
        return n == null || n.isNull() ? byDefault : n.asDouble();
    }

    /** Whether the config holds a non-null value under a key. */
    boolean has(String key) {
        JsonNode n = config.get(key);
        return n != null && !n.isNull();
    }
}
