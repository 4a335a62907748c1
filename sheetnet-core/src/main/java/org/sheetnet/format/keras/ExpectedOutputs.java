package org.sheetnet.format.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.List;
import org.sheetnet.SheetnetException;

/**
 * Inputs and the outputs Keras predicted for them, as stored beside a model (the
 * {@code *_inputs_and_outputs.h5} files of the DL4J test resources): one dataset in group
 * {@code inputs/} and one in {@code predictions/}, each of shape (rows, width). Inputs of shape
 * (rows, d1, d2, …) are read as rows of d1·d2·… values in row-major order, as Keras's Flatten does.
 *
 * @param inputs      the input rows
 * @param predictions Keras's predictions for them
 */
record ExpectedOutputs(Tensor inputs, Tensor predictions) {

    /** Number of cases. */
    int rows() {
        return inputs.shape()[0];
    }

    /** Value (r, j) of a rank-2 tensor. */
    static double at(Tensor t, int r, int j) {
        return t.values()[r * t.shape()[1] + j];
    }

    /**
     * Reads the file and checks it against the network's widths.
     *
     * @param file        the HDF5 file
     * @param inputWidth  the network's number of inputs
     * @param outputWidth the network's number of outputs
     * @throws SheetnetException (FILE) if it is not readable HDF5, (MODEL) if its layout or widths do not fit
     */
    static ExpectedOutputs read(Path file, int inputWidth, int outputWidth) {
        String name = file.getFileName().toString();
        try (HdfFile hdf = KerasFiles.hdf(file)) {
            Tensor inputs = Hdf5.guard(name, "inputs/", () -> single(hdf, "inputs", name));
            Tensor predictions = Hdf5.guard(name, "predictions/", () -> single(hdf, "predictions", name));
            if (inputs.shape()[0] != predictions.shape()[0]) {
                throw SheetnetException.model(name + ": " + inputs.shape()[0] + " input rows but "
                        + predictions.shape()[0] + " prediction rows");
            }
            requireWidth(inputs, inputWidth, "inputs", name);
            requireWidth(predictions, outputWidth, "outputs", name);
            return new ExpectedOutputs(inputs, predictions);
        }
    }

    private static Tensor single(HdfFile hdf, String groupName, String file) {
        Group group = Hdf5.group(hdf, groupName).orElseThrow(() -> SheetnetException.model(file + ": no group "
                + groupName + "/; expected inputs/ and predictions/, each with one dataset of shape (rows, width)"));
        List<String> children = Hdf5.children(group);
        if (children.size() != 1) {
            throw SheetnetException.model(file + ": " + groupName + "/ holds " + children + "; sheetnet imports models"
                    + " with one input and one output");
        }
        Node node = group.getChild(children.get(0));
        if (!(node instanceof Dataset dataset)) {
            throw SheetnetException.model(file + ": " + node.getPath() + " is not a dataset");
        }
        Tensor t = Hdf5.tensor(dataset, file);
        if (t.rank() < 2) {
            throw SheetnetException.model(file + ": " + t.path() + " has shape " + t.describeShape()
                    + "; expected (rows, width)");
        }
        int rows = t.shape()[0];
        int width = rows == 0 ? 0 : t.values().length / rows;
        return new Tensor(t.path(), new int[] {rows, width}, t.values(), t.dtype());
    }

    private static void requireWidth(Tensor t, int width, String what, String file) {
        if (t.shape()[1] != width) {
            throw SheetnetException.model(file + ": " + t.path() + " has " + t.shape()[1] + " columns, but the model has "
                    + width + " " + what);
        }
    }
}
