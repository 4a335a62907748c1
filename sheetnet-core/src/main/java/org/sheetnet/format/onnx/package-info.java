/**
 * Reads and writes ONNX model files: a graph that is a chain of dense layers becomes a sheetnet
 * {@link org.sheetnet.model.Model}, and a model becomes an ONNX graph that ONNX Runtime computes as
 * sheetnet does.
 *
 * <p>{@link org.sheetnet.format.onnx.OnnxImport} and {@link org.sheetnet.format.onnx.OnnxExport} are the
 * entry points. {@code OnnxFile} parses the protobuf message within stated limits; {@code TensorData}
 * decodes initializers (typed fields, {@code raw_data}, external data beside the model);
 * {@code OnnxGraph} indexes the graph; {@code ChainBuilder} walks it from the data input to the output,
 * folding each operation into a layer ({@code Affine}, {@code DenseOps}), the Features sheet
 * ({@code LeadingScaling}) or nothing ({@code PassThrough}), with {@code OnnxActivations} mapping ONNX
 * activations onto sheetnet's, {@code LabelTail} recognising a classifier's label outputs and
 * {@code OperatorScope} naming what no dense chain holds. {@code OnnxExport} writes a model back
 * with {@code GraphWriter}, {@code ExportActivations}, {@code Sparsemax} and {@code ErfSeries}. Any other operation is refused with a {@link org.sheetnet.SheetnetException} naming the
 * file, the node and its type. The protobuf classes generated from {@code onnx.proto} are in
 * {@code org.sheetnet.format.onnx.proto}; no package outside this one uses them.
 */
package org.sheetnet.format.onnx;
