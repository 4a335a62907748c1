package org.sheetnet.format.keras;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import java.io.Closeable;
import java.util.Optional;

/**
 * An opened Keras model: its config, where its weights are, and what the file says about itself.
 *
 * @param format       what kind of file it was, for the Source sheet
 * @param config       the model config's root ({@code class_name}, {@code config})
 * @param configOrigin where the config was read from, for the Source sheet
 * @param kerasVersion the {@code keras_version} the file records, if any
 * @param backend      the {@code backend} the file records, if any
 * @param kerasMajor   the major Keras version that wrote it: from {@code keras_version} ({@code 2.2.4-tf} is 2), or
 *                     the format's when the file records none (a {@code .keras} zip is 3, a legacy HDF5 file 2)
 * @param weights      the layers' weights
 * @param hdf          the open HDF5 file holding the weights; closed by {@link #close()}
 */
record KerasSource(String format, JsonNode config, String configOrigin, Optional<String> kerasVersion,
        Optional<String> backend, int kerasMajor, WeightStore weights, HdfFile hdf) implements Closeable {

    /** The major version in a {@code keras_version} such as {@code 2.2.4-tf}, or the default. */
    static int major(Optional<String> kerasVersion, int byDefault) {
        return kerasVersion.map(v -> v.replaceAll("^(\\d+).*", "$1")).filter(v -> v.matches("\\d+"))
                .map(Integer::parseInt).orElse(byDefault);
    }

    @Override
    public void close() {
        hdf.close();
    }
}
