/**
 * Reads Keras model files without Python and turns them into sheetnet networks.
 *
 * <p>{@link org.sheetnet.format.keras.KerasImport} is the entry point. {@code KerasFiles} recognises the
 * file (legacy HDF5, {@code .keras} zip, weights-only HDF5 with a JSON config) and opens it with
 * jHDF and Jackson; {@code KerasConfig} reduces the config to a chain of layers;
 * {@code ChainAssembler} folds that chain into Dense layers, with {@code KerasActivations}
 * deciding which activations are exactly representable; the {@code WeightStore}s find each
 * Dense layer's kernel and bias. Anything that cannot be represented exactly is refused with a
 * {@link org.sheetnet.SheetnetException} naming the file and the layer.
 */
package org.sheetnet.format.keras;
