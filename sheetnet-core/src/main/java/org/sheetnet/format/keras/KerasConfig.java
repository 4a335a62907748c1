package org.sheetnet.format.keras;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sheetnet.SheetnetException;

/**
 * Reads a Keras model config ({@code model_config} of a legacy HDF5 file, {@code config.json} of a
 * {@code .keras} zip, or a separate architecture JSON) into the chain of layers data flows through.
 *
 * <p>Understands Sequential configs of every generation (a plain list of layers before Keras 2.2,
 * an object with {@code layers} since) and functional ({@code Model}, {@code Functional}) configs
 * whose layers form a single path from one input to one output, with the inbound-node formats of
 * Keras 1/2 ({@code [[name, node, tensor, kwargs]]}) and Keras 3 ({@code keras_history}).
 */
final class KerasConfig {

    private KerasConfig() {
    }

    /**
     * Reads the chain of layers of a model config.
     *
     * @param root the config's root: {@code {"class_name": …, "config": …}}
     * @param file the file's name, for messages
     * @throws SheetnetException (MODEL) if it is not a model config or its layers do not form a chain
     */
    static ModelConfig read(JsonNode root, String file) {
        String className = root.path("class_name").asText("");
        JsonNode config = root.path("config");
        switch (className) {
            case "Sequential":
                return sequential(config, file);
            case "Model":
            case "Functional":
                return functional(className, config, file);
            default:
                throw SheetnetException.model(file + ": the model is a " + (className.isEmpty() ? "(no class_name)"
                        : className) + "; sheetnet imports Sequential and functional (Model) Keras models");
        }
    }

    private static ModelConfig sequential(JsonNode config, String file) {
        // Before Keras 2.2 a Sequential config was the list of layers itself.
        JsonNode layers = config.isArray() ? config : config.path("layers");
        String name = config.isArray() ? "" : config.path("name").asText("");
        List<LayerSpec> chain = new ArrayList<>();
        for (JsonNode layer : layers) {
            chain.add(spec(layer));
        }
        if (chain.isEmpty()) {
            throw SheetnetException.model(file + ": the Sequential model has no layers");
        }
        return new ModelConfig("Sequential", name, chain, inputShape(chain));
    }

    private static ModelConfig functional(String className, JsonNode config, String file) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode layer : config.path("layers")) {
            byName.put(layerName(layer), layer);
        }
        List<String> inputs = sources(config.path("input_layers"));
        List<String> outputs = sources(config.path("output_layers"));
        if (inputs.size() != 1 || outputs.size() != 1) {
            throw SheetnetException.model(file + ": the model has " + inputs.size() + " inputs " + inputs + " and "
                    + outputs.size() + " outputs " + outputs + "; sheetnet imports models with one input and one output");
        }
        List<LayerSpec> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String current = outputs.get(0);
        while (true) {
            JsonNode layer = byName.get(current);
            if (layer == null || !seen.add(current)) {
                throw SheetnetException.model(file + ": layer \"" + current + "\" "
                        + (layer == null ? "is referenced but not defined in the config" : "is part of a cycle"));
            }
            LayerSpec spec = spec(layer);
            chain.add(0, spec);
            List<String> from = inbound(layer, spec, file);
            if (from.isEmpty()) {
                break;
            }
            current = from.get(0);
        }
        if (!chain.get(0).name().equals(inputs.get(0))) {
            throw SheetnetException.model(file + ": the path back from the output ends at " + chain.get(0).describe()
                    + ", not at the input " + inputs.get(0));
        }
        for (String name : byName.keySet()) {
            if (!seen.contains(name)) {
                LayerSpec off = spec(byName.get(name));
                throw SheetnetException.model(file + ": layer " + off.describe() + " is not on the single path from"
                        + " input to output; sheetnet imports chains of layers only");
            }
        }
        return new ModelConfig(className, config.path("name").asText(""), chain, inputShape(chain));
    }

    // The layers feeding a functional layer: one call (node) with one input tensor, or none for an input.
    private static List<String> inbound(JsonNode layer, LayerSpec spec, String file) {
        JsonNode nodes = layer.path("inbound_nodes");
        if (nodes.size() == 0) {
            return List.of();
        }
        if (nodes.size() > 1) {
            throw SheetnetException.model(file + ": layer " + spec.describe() + " is called " + nodes.size()
                    + " times (a shared layer); sheetnet imports chains of layers only");
        }
        List<String> from = sources(nodes.get(0));
        if (from.size() != 1) {
            throw SheetnetException.model(file + ": layer " + spec.describe() + " takes " + from.size() + " inputs "
                    + from + "; sheetnet imports chains of layers, each taking the previous one's output");
        }
        return from;
    }

    /**
     * The layer names referenced in a node or a list of input/output layers: Keras 1/2 entries
     * {@code [name, node_index, tensor_index, …]} and Keras 3 {@code keras_history} triples.
     */
    static List<String> sources(JsonNode node) {
        List<String> names = new ArrayList<>();
        collect(node, names);
        return names;
    }

    private static void collect(JsonNode node, List<String> names) {
        if (node.isArray() && node.size() >= 3 && node.get(0).isTextual() && node.get(1).isNumber()) {
            names.add(node.get(0).asText());
            return;
        }
        if (node.isObject() && node.has("keras_history")) {
            collect(node.get("keras_history"), names);
            return;
        }
        if (node.isObject() && node.has("kwargs")) {
            // Keras 3 nodes: {"args": [...], "kwargs": {...}}; tensors in kwargs would be further inputs.
            collect(node.path("args"), names);
            collect(node.path("kwargs"), names);
            return;
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, names));
        }
    }

    private static LayerSpec spec(JsonNode layer) {
        return new LayerSpec(layerName(layer), layer.path("class_name").asText(""), layer.path("config"));
    }

    private static String layerName(JsonNode layer) {
        String name = layer.path("name").asText("");
        return name.isEmpty() ? layer.path("config").path("name").asText("") : name;
    }

    // batch_input_shape (Keras 1/2) or batch_shape (Keras 3) of the input layer or the first layer.
    private static Optional<int[]> inputShape(List<LayerSpec> chain) {
        JsonNode c = chain.get(0).config();
        JsonNode shape = c.has("batch_input_shape") ? c.get("batch_input_shape") : c.path("batch_shape");
        if (!shape.isArray() || shape.size() < 2) {
            return Optional.empty();
        }
        int[] dims = new int[shape.size() - 1];
        for (int i = 1; i < shape.size(); i++) {
            if (!shape.get(i).isInt()) {
                return Optional.empty();
            }
            dims[i - 1] = shape.get(i).asInt();
        }
        return Optional.of(dims);
    }
}
