package org.sheetnet.format.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sheetnet.SheetnetException;

/**
 * Weights in the layout of {@code model.weights.h5} inside a {@code .keras} zip: the layers under
 * {@code layers/} (Keras 3) or {@code _layer_checkpoint_dependencies/} (Keras 2.13–2.15), each
 * with datasets {@code vars/0}, {@code vars/1}, ….
 *
 * <p>The groups are not named after the config's layer names but after their class, counted in
 * the order the model holds its layers: the first Dense layer's group is {@code dense}, the second
 * {@code dense_1}, and so on. So layers are matched by order among their class, never by name.
 */
final class Keras3Weights implements WeightStore {

    private static final List<String> CONTAINERS = List.of("layers", "_layer_checkpoint_dependencies");

    private final Group root;
    private final String file;

    /**
     * @param root the file's root group
     * @param file the file's name, for messages
     */
    Keras3Weights(Group root, String file) {
        this.root = root;
        this.file = file;
    }

    /** Whether a file's root looks like this layout. */
    static boolean recognises(Group root) {
        return CONTAINERS.stream().anyMatch(c -> Hdf5.group(root, c).isPresent());
    }

    @Override
    public List<Tensor> weights(LayerSpec layer, int index) {
        return Hdf5.guard(file, "the weights of layer " + layer.describe(), () -> read(layer, index));
    }

    private List<Tensor> read(LayerSpec layer, int index) {
        String groupName = snakeCase(layer.className()) + (index == 0 ? "" : "_" + index);
        Group vars = find(groupName + "/vars").orElseThrow(() -> SheetnetException.model(file + ": no weights for"
                + " layer " + layer.describe() + ": expected them under layers/" + groupName + "/vars (the "
                + ordinal(index + 1) + " " + layer.className() + " layer)"));
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; vars.getChildren().containsKey(String.valueOf(i)); i++) {
            Node node = vars.getChild(String.valueOf(i));
            if (!(node instanceof Dataset dataset)) {
                throw SheetnetException.model(file + ": " + node.getPath() + " is not a dataset");
            }
            Tensor tensor = Hdf5.tensor(dataset, file);
            tensor.requireFinite(file, "weight " + i + " of layer " + layer.describe());
            tensors.add(tensor);
        }
        return tensors;
    }

    private Optional<Group> find(String relative) {
        for (String container : CONTAINERS) {
            Optional<Group> g = Hdf5.group(root, container + "/" + relative);
            if (g.isPresent()) {
                return g;
            }
        }
        return Optional.empty();
    }

    /** Keras's {@code to_snake_case}: {@code Dense} → {@code dense}, {@code QDense} → {@code q_dense}. */
    static String snakeCase(String className) {
        String s = className.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String ordinal(int n) {
        return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }
}
