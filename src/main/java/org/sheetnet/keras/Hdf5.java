package org.sheetnet.keras;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
     * Normalization layer, which sheetnet reads but never computes with).
     *
     * @param file the file's name, for messages
     * @throws SheetnetException (MODEL) if the dataset is not numeric
     */
    static Tensor tensor(Dataset dataset, String file) {
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
