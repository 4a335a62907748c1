package org.sheetnet.format.keras;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.util.ArrayList;
import java.util.List;
import org.sheetnet.SheetnetException;

/**
 * Weights in the HDF5 layout of Keras 1 and 2 ({@code model_weights} of a full model, or the root of
 * a weights-only file): a group per layer, named as the layer, whose {@code weight_names} attribute
 * lists its datasets in order. The names vary by version ({@code dense_1/kernel:0},
 * {@code dense_1_W:0}, {@code dense_1/kernel}, scoped {@code global/shared/dense_1_W:0}); the
 * attribute gives each one's path, so all are read the same way.
 */
final class LegacyWeights implements WeightStore {

    private final Group root;
    private final String file;

    /**
     * @param root the group holding one group per layer
     * @param file the file's name, for messages
     */
    LegacyWeights(Group root, String file) {
        this.root = root;
        this.file = file;
    }

    @Override
    public List<Tensor> weights(LayerSpec layer, int index) {
        return Hdf5.guard(file, "the weights of layer " + layer.describe(), () -> read(layer));
    }

    private List<Tensor> read(LayerSpec layer) {
        Group group = Hdf5.group(root, layer.name()).orElseThrow(() -> SheetnetException.model(file + ": no weights"
                + " for layer " + layer.describe() + " under " + root.getPath() + "; the file has weights for: "
                + String.join(", ", Hdf5.children(root))));
        List<Tensor> tensors = new ArrayList<>();
        for (String name : Hdf5.texts(group, "weight_names")) {
            Node node = Hdf5.find(group, name).orElseThrow(() -> SheetnetException.model(file + ": "
                    + group.getPath() + " lists weight \"" + name + "\", but holds no such dataset"));
            if (!(node instanceof Dataset dataset)) {
                throw SheetnetException.model(file + ": " + node.getPath() + " is not a dataset");
            }
            Tensor tensor = Hdf5.tensor(dataset, file);
            tensor.requireFinite(file, "weight " + name + " of layer " + layer.describe());
            tensors.add(tensor);
        }
        return tensors;
    }
}
