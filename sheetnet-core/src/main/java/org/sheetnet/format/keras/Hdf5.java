package org.sheetnet.format.keras;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.sheetnet.SheetnetException;

/** Small helpers over jHDF: attributes as text, datasets as {@link Tensor}s, with messages naming the file. */
final class Hdf5 {

    private Hdf5() {
    }

    /** A child of a group by relative path ({@code dense/kernel:0}), if present. */
    static Optional<Node> find(Group group, String relative) {
        Node node = group;
        for (String part : relative.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!(node instanceof Group g) || !g.getChildren().containsKey(part)) {
                return Optional.empty();
            }
            node = g.getChild(part);
        }
        return Optional.of(node);
    }

    /** A group's child group, if present. */
    static Optional<Group> group(Group parent, String relative) {
        return find(parent, relative).filter(Group.class::isInstance).map(Group.class::cast);
    }

    /** A text attribute (a scalar string, or bytes) of a node, if present. */
    static Optional<String> text(Node node, String name) {
        Attribute a = node.getAttributes().get(name);
        if (a == null || a.isEmpty()) {
            return Optional.empty();
        }
        Object data = a.getData();
        if (data instanceof String s) {
            return Optional.of(s);
        }
        if (data instanceof String[] s && s.length == 1) {
            return Optional.of(s[0]);
        }
        return Optional.empty();
    }

    /** A list-of-strings attribute such as {@code layer_names}; empty when absent or empty. */
    static List<String> texts(Node node, String name) {
        Attribute a = node.getAttributes().get(name);
        if (a == null || a.isEmpty()) {
            return List.of();
        }
        Object data = a.getData();
        if (data instanceof String s) {
            return List.of(s);
        }
        if (data instanceof String[] s) {
            return List.of(s);
        }
        return List.of();
    }

    /**
     * Reads a numeric dataset: float32 or float64 values, or integers (such as the {@code count} of a
     * Normalization layer, which sheetnet reads but never computes with). The size its header claims
     * is checked before anything is allocated: against the heap, and, for data stored uncompressed,
     * against the file's size.
     *
     * @param file the file's name, for messages
     * @throws SheetnetException (MODEL) if the dataset is not numeric or too large for the heap, (FILE) if it
     *                           claims more bytes than the file holds or cannot be read
     */
    static Tensor tensor(Dataset dataset, String file) {
        String path = dataset.getPath();
        return guard(file, path, () -> {
            requirePlausibleSize(dataset, file);
            return read(dataset, file);
        });
    }

    private static Tensor read(Dataset dataset, String file) {
        Object flat = dataset.isEmpty() ? new double[0] : dataset.isScalar() ? scalar(dataset.getData())
                : dataset.getDataFlat();
        int[] shape = dataset.getDimensions();
        double[] values;
        String dtype;
        if (flat instanceof float[] f) {
            values = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                values[i] = f[i];
            }
            dtype = "float32";
        } else if (flat instanceof double[] d) {
            values = d;
            dtype = "float64";
        } else if (flat instanceof long[] l) {
            values = java.util.Arrays.stream(l).asDoubleStream().toArray();
            dtype = "int64";
        } else if (flat instanceof int[] n) {
            values = java.util.Arrays.stream(n).asDoubleStream().toArray();
            dtype = "int32";
        } else {
            throw SheetnetException.model(file + ": " + dataset.getPath() + " holds "
                    + dataset.getJavaType().getSimpleName() + " values; expected float32 or float64 weights");
        }
        return new Tensor(dataset.getPath(), shape, values, dtype);
    }

    /** The most values one tensor may have: a quarter of the heap as doubles, and a Java array's length. */
    static long maxValues() {
        return Math.min(Integer.MAX_VALUE - 8L, Runtime.getRuntime().maxMemory() / 4 / Double.BYTES);
    }

    // A header can claim any shape; 70000 x 70000 would be allocated before the data is found missing.
    private static void requirePlausibleSize(Dataset dataset, String file) {
        long values = dataset.getSize();
        String shape = java.util.Arrays.toString(dataset.getDimensions()).replace('[', '(').replace(']', ')');
        if (values < 0 || values > maxValues()) {
            throw SheetnetException.model(String.format(java.util.Locale.ROOT, "%s: %s claims shape %s, %,d values;"
                    + " more than the %,d one tensor may take in this heap (raise it with JAVA_OPTS=-Xmx…)",
                    file, dataset.getPath(), shape, values, maxValues()));
        }
        long bytes = dataset.getSizeInBytes();
        long fileSize = dataset.getHdfFile().size();
        if (dataset.getFilters().isEmpty() && bytes > fileSize) {
            throw SheetnetException.file(String.format(java.util.Locale.ROOT, "%s: %s claims shape %s, %,d bytes,"
                    + " but the file holds only %,d; is it truncated or corrupt?", file, dataset.getPath(), shape, bytes,
                    fileSize), null);
        }
    }

    /**
     * Runs a read of an HDF5 file, turning what jHDF throws on a truncated or corrupt file (its own
     * exceptions, buffer underflows, bad offsets) into one message naming the file and what was read.
     *
     * @param file the file's name
     * @param what what is being read, e.g. a dataset's path
     * @throws SheetnetException (FILE) for any failure of the read other than sheetnet's own
     */
    static <T> T guard(String file, String what, Supplier<T> read) {
        try {
            return read.get();
        } catch (SheetnetException e) {
            throw e;
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + ": " + e.getMessage().replaceAll("\\s+", " ");
            throw SheetnetException.file(file + ": " + what + " cannot be read; is the HDF5 file truncated or corrupt? ("
                    + detail + ")", e);
        }
    }

    // A scalar dataset's value as a one-element array of its type.
    private static Object scalar(Object value) {
        if (value instanceof Float f) {
            return new float[] {f};
        }
        if (value instanceof Double d) {
            return new double[] {d};
        }
        if (value instanceof Long l) {
            return new long[] {l};
        }
        if (value instanceof Integer i) {
            return new int[] {i};
        }
        return value;
    }

    /** The names of a group's children, in the file's order. */
    static List<String> children(Group group) {
        return new ArrayList<>(group.getChildren().keySet());
    }
}
