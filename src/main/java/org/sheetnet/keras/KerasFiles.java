package org.sheetnet.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.sheetnet.SheetnetException;
import org.sheetnet.io.WorkbookFiles;

/**
 * Opens Keras model files of every generation, recognised by content rather than by extension:
 * <ul>
 *   <li>a legacy HDF5 full model (Keras 1 and 2): root attribute {@code model_config}, weights under {@code model_weights};</li>
 *   <li>a {@code .keras} zip (Keras 3, and Keras 2.13+): {@code config.json}, {@code metadata.json}, {@code model.weights.h5};</li>
 *   <li>a weights-only HDF5 file (Keras 1/2 {@code save_weights}, or a Keras 3 {@code .weights.h5}) with its
 *       architecture in a separate JSON file ({@code model.to_json()}).</li>
 * </ul>
 */
final class KerasFiles {

    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final ObjectMapper JSON = new ObjectMapper();

    private KerasFiles() {
    }

    /**
     * Opens a model.
     *
     * @param model  the {@code .h5}/{@code .hdf5} or {@code .keras} file
     * @param config a separate architecture JSON, needed for a weights-only file
     * @throws SheetnetException (FILE) if a file is missing or is not a Keras file, (MODEL) if it lacks its config
     */
    static KerasSource open(Path model, Optional<Path> config) {
        WorkbookFiles.requireReadable(model);
        byte[] head = head(model);
        if (startsWith(head, ZIP_MAGIC)) {
            return openZip(model);
        }
        if (startsWith(head, HDF5_MAGIC)) {
            return openHdf5(model, config);
        }
        throw SheetnetException.file(model + ": not a Keras model file (neither HDF5 .h5 nor a .keras zip)", null);
    }

    private static KerasSource openHdf5(Path model, Optional<Path> configFile) {
        String name = model.getFileName().toString();
        HdfFile hdf = hdf(model);
        try {
            Optional<String> modelConfig = Hdf5.text(hdf, "model_config");
            if (modelConfig.isPresent()) {
                var weights = Hdf5.group(hdf, "model_weights").orElseThrow(() -> SheetnetException.model(name
                        + ": has a model_config but no model_weights group"));
                return new KerasSource("Keras " + Hdf5.text(hdf, "keras_version").orElse("1/2")
                        + " HDF5 full model (model_config attribute, model_weights group)",
                        parse(modelConfig.get(), name + " (model_config attribute)"), "model_config attribute of " + name,
                        Hdf5.text(hdf, "keras_version"), Hdf5.text(hdf, "backend"),
                        KerasSource.major(Hdf5.text(hdf, "keras_version"), 2), new LegacyWeights(weights, name), hdf);
            }
            boolean keras3 = Keras3Weights.recognises(hdf);
            if (!keras3 && Hdf5.texts(hdf, "layer_names").isEmpty()) {
                throw SheetnetException.file(model + ": an HDF5 file, but not a Keras model or weights file"
                        + " (no model_config, layer_names or layers/)", null);
            }
            Path json = configFile.orElseThrow(() -> SheetnetException.model(name + ": holds weights only;"
                    + " give the model's architecture JSON (model.to_json()) with --config"));
            JsonNode root = parse(read(json), json.getFileName().toString());
            Optional<String> version = Hdf5.text(hdf, "keras_version").or(() -> text(root, "keras_version"));
            Optional<String> backend = Hdf5.text(hdf, "backend").or(() -> text(root, "backend"));
            WeightStore store = keras3 ? new Keras3Weights(hdf, name) : new LegacyWeights(hdf, name);
            String format = keras3 ? "Keras 3 weights file (layers/…/vars) with a JSON config"
                    : "Keras " + version.orElse("1/2") + " HDF5 weights file (layer_names) with a JSON config";
            return new KerasSource(format, root, json.toString(), version, backend,
                    KerasSource.major(version, keras3 ? 3 : 2), store, hdf);
        } catch (RuntimeException e) {
            hdf.close();
            throw e;
        }
    }

    private static KerasSource openZip(Path model) {
        String name = model.getFileName().toString();
        Map<String, byte[]> entries = unzip(model);
        byte[] config = entries.get("config.json");
        byte[] weights = entries.get("model.weights.h5");
        if (config == null || weights == null) {
            throw SheetnetException.file(model + ": a zip, but not a .keras model: it lacks "
                    + (config == null ? "config.json" : "model.weights.h5") + " (it has " + entries.keySet() + ")", null);
        }
        JsonNode root = parse(new String(config, StandardCharsets.UTF_8), name + "!config.json");
        Optional<String> version = Optional.empty();
        if (entries.containsKey("metadata.json")) {
            version = text(parse(new String(entries.get("metadata.json"), StandardCharsets.UTF_8),
                    name + "!metadata.json"), "keras_version");
        }
        HdfFile hdf = hdfFromBytes(weights, name + "!model.weights.h5");
        return new KerasSource("Keras " + version.orElse("3") + " .keras zip (config.json, model.weights.h5)", root,
                "config.json in " + name, version, Optional.empty(), KerasSource.major(version, 3), new Keras3Weights(hdf, name + "!model.weights.h5"),
                hdf);
    }

    private static Map<String, byte[]> unzip(Path model) {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(model))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory()) {
                    entries.put(e.getName(), zip.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw SheetnetException.file(model + ": cannot be read as a .keras zip: " + e.getMessage(), e);
        }
        return entries;
    }

    /** Opens an HDF5 file with jHDF. */
    static HdfFile hdf(Path file) {
        try {
            return new HdfFile(file);
        } catch (HdfException e) {
            throw SheetnetException.file(file + ": cannot be read as HDF5: " + e.getMessage(), e);
        }
    }

    private static HdfFile hdfFromBytes(byte[] bytes, String where) {
        try {
            return HdfFile.fromBytes(bytes);
        } catch (HdfException e) {
            throw SheetnetException.file(where + ": cannot be read as HDF5: " + e.getMessage(), e);
        }
    }

    /** Parses JSON text. */
    static JsonNode parse(String text, String where) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw SheetnetException.file(where + ": not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String read(Path json) {
        WorkbookFiles.requireReadable(json);
        try {
            return Files.readString(json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw SheetnetException.file(json + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static Optional<String> text(JsonNode root, String key) {
        JsonNode n = root.get(key);
        return n == null || !n.isTextual() ? Optional.empty() : Optional.of(n.asText());
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw SheetnetException.file(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
