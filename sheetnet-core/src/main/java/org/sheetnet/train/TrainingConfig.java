package org.sheetnet.train;

import java.util.List;
import org.sheetnet.activation.Activation;

/**
 * Everything that decides a training run's result. With the same config and data, training is
 * bit-identical from run to run.
 *
 * @param units           units per Dense layer, in order (the input width comes from the data)
 * @param activations     one activation per Dense layer
 * @param loss            the loss
 * @param optimizer       the optimizer and its hyper-parameters
 * @param init            how initial weights are drawn
 * @param batchSize       rows per gradient step (≥ 1)
 * @param epochs          maximum passes over the training rows (≥ 1)
 * @param validationSplit fraction of rows, taken from the end before shuffling, held out for val_loss, in [0, 1)
 * @param seed            seed of the one random generator (initial weights, then the shuffles)
 * @param patience        stop after this many epochs without a better val_loss and keep the best
 *                        weights; 0 never stops early
 * @param shuffle         whether the training rows are shuffled before each epoch
 * @param standardize     whether features are standardised with the training rows' mean and standard
 *                        deviation while training (folded into the first layer's weights afterwards)
 */
public record TrainingConfig(List<Integer> units, List<Activation> activations, Loss loss,
        OptimizerSettings optimizer, Initializer init, int batchSize, int epochs, double validationSplit,
        long seed, int patience, boolean shuffle, boolean standardize) {

    public TrainingConfig {
        units = List.copyOf(units);
        activations = List.copyOf(activations);
        if (units.isEmpty() || units.size() != activations.size()) {
            throw new IllegalArgumentException(units.size() + " layers but " + activations.size() + " activations");
        }
        if (batchSize < 1 || epochs < 1 || patience < 0 || !(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("need batch ≥ 1, epochs ≥ 1, patience ≥ 0, 0 ≤ validation split < 1");
        }
    }

    /** Number of Dense layers. */
    public int depth() {
        return units.size();
    }

    /** Rows of n that train (the first ones): ⌊n·(1 − split)⌋, as Keras splits. */
    public int trainingRows(int n) {
        return (int) Math.floor(n * (1.0 - validationSplit));
    }
}
