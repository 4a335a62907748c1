package org.sheetnet.format.keras;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.files.WorkbookFiles;

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
    // Limits on what a JSON text may hold, so that a hostile config is refused while parsed, not after.
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(KerasZip.MAX_JSON_BYTES)
                    .maxNestingDepth(200).maxStringLength(1 << 20).maxNumberLength(400).build())
            .build());

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
        HdfFile hdf = hdf(model);
        try {
            return Hdf5.guard(model.getFileName().toString(), "the model's attributes", () -> openHdf5(hdf, model,
                    configFile));
        } catch (RuntimeException e) {
            hdf.close();
            throw e;
        }
    }

    private static KerasSource openHdf5(HdfFile hdf, Path model, Optional<Path> configFile) {
        String name = model.getFileName().toString();
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
                + " give the model's architecture JSON (model.to_json()) with import-keras --config"));
        JsonNode root = parse(read(json), json.getFileName().toString());
        Optional<String> version = Hdf5.text(hdf, "keras_version").or(() -> text(root, "keras_version"));
        Optional<String> backend = Hdf5.text(hdf, "backend").or(() -> text(root, "backend"));
        WeightStore store = keras3 ? new Keras3Weights(hdf, name) : new LegacyWeights(hdf, name);
        String format = keras3 ? "Keras 3 weights file (layers/…/vars) with a JSON config"
                : "Keras " + version.orElse("1/2") + " HDF5 weights file (layer_names) with a JSON config";
        return new KerasSource(format, root, json.toString(), version, backend,
                KerasSource.major(version, keras3 ? 3 : 2), store, hdf);
    }

    private static KerasSource openZip(Path model) {
        String name = model.getFileName().toString();
        KerasZip.Entries entries = KerasZip.read(model);
        JsonNode root = parse(new String(entries.config(), StandardCharsets.UTF_8), name + "!" + KerasZip.CONFIG);
        Optional<String> version = entries.metadata().flatMap(m -> text(parse(new String(m, StandardCharsets.UTF_8),
                name + "!" + KerasZip.METADATA), "keras_version"));
        String weights = name + "!" + KerasZip.WEIGHTS;
        HdfFile hdf = hdfFromBytes(entries.weights(), weights);
        return new KerasSource("Keras " + version.orElse("3") + " .keras zip (config.json, model.weights.h5)", root,
                "config.json in " + name, version, Optional.empty(), KerasSource.major(version, 3),
                new Keras3Weights(hdf, weights), hdf);
    }

    /**
     * Opens an HDF5 file with jHDF, mapped read-only into memory rather than read through a channel:
     * jHDF allocates a heap buffer of whatever length a header claims before reading from a channel
     * (a damaged object header can claim 2 GB), whereas from a mapped buffer every read is a slice,
     * refused when it reaches past the file's end. So no read allocates more than the file holds.
     *
     * @throws SheetnetException (FILE) if the file cannot be read, is larger than 2 GB, or is not HDF5
     */
    static HdfFile hdf(Path file) {
        java.nio.ByteBuffer mapped = map(file);
        return Hdf5.guard(file.toString(), "the HDF5 superblock", () -> HdfFile.fromByteBuffer(mapped));
    }

    private static java.nio.ByteBuffer map(Path file) {
        WorkbookFiles.requireReadable(file);
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw SheetnetException.file(String.format(java.util.Locale.ROOT, "%s: %,d bytes; sheetnet reads"
                        + " HDF5 files of at most 2 GB", file, size), null);
            }
            // The mapping outlives the channel; it is released when the buffer is collected.
            return channel.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (IOException e) {
            throw SheetnetException.file(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static HdfFile hdfFromBytes(byte[] bytes, String where) {
        return Hdf5.guard(where, "the HDF5 superblock", () -> HdfFile.fromBytes(bytes));
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
            if (Files.size(json) > KerasZip.MAX_JSON_BYTES) {
                throw SheetnetException.file(String.format(java.util.Locale.ROOT, "%s: %,d bytes; a Keras architecture"
                        + " JSON is far smaller (at most %,d MB read)", json, Files.size(json),
                        KerasZip.MAX_JSON_BYTES >> 20), null);
            }
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
