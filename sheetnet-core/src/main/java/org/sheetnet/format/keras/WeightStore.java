package org.sheetnet.format.keras;

import java.util.List;

/** Where a Keras file keeps each layer's weights. */
interface WeightStore {

    /**
     * The weights of a layer, in Keras's order (for Dense: kernel, then bias if it has one).
     *
     * @param layer the layer
     * @param index its position among the layers of its class (0 for the first Dense layer)
     * @throws org.sheetnet.SheetnetException (MODEL) if the file holds no weights for it
     */
    List<Tensor> weights(LayerSpec layer, int index);
}
