package org.sheetnet.job;

import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;

/**
 * How many rows a score run holds at a time. The batch size never changes a result, only memory
 * and speed, so a batch that would not fit in memory is made smaller rather than refused: what
 * one row costs follows from the widths the model names, never from what a file claims.
 */
final class BatchSize {

    /** Largest {@code --batch-size} accepted: a worksheet's rows; a larger batch gains nothing. */
    static final int MAX = 1_048_576;

    /**
     * Share of the heap a batch may take: two are held at once (one is written while the next is read
     * and computed), so together a quarter; the rest is for the model, the writers and the reader.
     */
    static final int HEAP_SHARE = 8;

    // An input row holds each cell as an object: the reference, a Double or a short String, and its header.
    private static final int BYTES_PER_INPUT_CELL = 64;

    private BatchSize() {
    }

    /**
     * Bytes one row of a batch takes: its input cells, its features, and every layer's pre-activations
     * and activations, 8 bytes each.
     *
     * @param network the network
     * @param columns number of input columns
     */
    static long rowBytes(Network network, int columns) {
        long doubles = network.inputWidth();
        for (DenseLayer layer : network.layers()) {
            doubles += layer.units() + (long) layer.outputWidth();
        }
        return 8 * doubles + (long) BYTES_PER_INPUT_CELL * columns;
    }

    /**
     * The rows per batch: as asked, or fewer when that many would take more than an eighth of the
     * heap, or make an array of more than {@code Integer.MAX_VALUE} values; at least 1.
     *
     * @param asked   the rows asked for, 1 to {@link #MAX}
     * @param network the network
     * @param columns number of input columns
     * @param heap    the most memory the JVM may use, in bytes ({@code Runtime.maxMemory()})
     */
    static int fit(int asked, Network network, int columns, long heap) {
        long byMemory = heap / HEAP_SHARE / rowBytes(network, columns);
        long byArray = (Integer.MAX_VALUE - 8L) / widest(network);
        return (int) Math.max(1, Math.min(asked, Math.min(byMemory, byArray)));
    }

    /** The most values one row has in any layer, the inputs included. */
    static long widest(Network network) {
        long widest = network.inputWidth();
        for (DenseLayer layer : network.layers()) {
            widest = Math.max(widest, Math.max(layer.units(), layer.outputWidth()));
        }
        return widest;
    }
}
