package org.sheetnet.format.onnx;

import java.util.ArrayList;
import java.util.List;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto.DataType;
import org.sheetnet.format.onnx.proto.Onnx.TensorShapeProto;
import org.sheetnet.format.onnx.proto.Onnx.ValueInfoProto;

/**
 * The graph's data input as sheetnet sees it: axis 0 is the batch (symbolic or fixed), the other
 * axes together the features of one row, in row-major order; a rank-1 input is one row.
 *
 * @param rank       the input's rank
 * @param width      the number of features per row
 * @param fixedBatch the batch size when the file fixes it, else −1
 * @param type       the element type: float, double or float16
 */
record InputShape(int rank, int width, long fixedBatch, DataType type) {

    /**
     * Reads the input's declared type and shape.
     *
     * @throws SheetnetException (MODEL) if the type is not a float tensor or the feature axes are not fixed
     */
    static InputShape of(ValueInfoProto input, String file) {
        String name = input.getName();
        if (!input.getType().hasTensorType()) {
            throw SheetnetException.model(file + ": input \"" + name + "\" is not a tensor");
        }
        DataType type = DataType.forNumber(input.getType().getTensorType().getElemType());
        if (type != DataType.FLOAT && type != DataType.DOUBLE && type != DataType.FLOAT16) {
            throw SheetnetException.model(file + ": input \"" + name + "\" is of type " + type
                    + "; sheetnet imports models with float, double or float16 inputs");
        }
        TensorShapeProto shape = input.getType().getTensorType().getShape();
        int rank = shape.getDimCount();
        if (rank == 0) {
            throw SheetnetException.model(file + ": input \"" + name + "\" states no shape; sheetnet needs the number"
                    + " of features");
        }
        long width = 1;
        for (int k = rank == 1 ? 0 : 1; k < rank; k++) {
            TensorShapeProto.Dimension d = shape.getDim(k);
            if (!d.hasDimValue() || d.getDimValue() <= 0) {
                throw SheetnetException.model(file + ": input \"" + name + "\" has axis " + k + " of unstated length \""
                        + d.getDimParam() + "\"; sheetnet needs a fixed number of features");
            }
            width *= d.getDimValue();
            if (width > TensorData.MAX_ELEMENTS) {
                throw SheetnetException.model(file + ": input \"" + name + "\" has more than " + TensorData.MAX_ELEMENTS
                        + " features");
            }
        }
        long batch = rank > 1 && shape.getDim(0).hasDimValue() ? shape.getDim(0).getDimValue() : -1;
        return new InputShape(rank, (int) width, batch, type);
    }

    /** Names for {@code width} values of a tensor: the tensor's name alone for one, else name_1, name_2, …. */
    static List<String> names(String tensor, int width) {
        if (width == 1) {
            return List.of(tensor);
        }
        List<String> names = new ArrayList<>(width);
        for (int j = 1; j <= width; j++) {
            names.add(tensor + "_" + j);
        }
        return names;
    }
}
