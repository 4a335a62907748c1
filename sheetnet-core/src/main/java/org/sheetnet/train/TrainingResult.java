package org.sheetnet.train;

import java.util.List;
import java.util.Optional;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;
import org.sheetnet.model.Provenance;

/**
 * What a training run produced.
 *
 * @param network         the trained network, taking raw features (any standardisation folded in)
 * @param history         one entry per epoch run
 * @param trainingRows    rows trained on (the first ones)
 * @param validationRows  rows held out (the last ones)
 * @param standardization the standardisation used while training, if any
 * @param bestEpoch       the epoch whose weights were kept (the last, unless stopped early)
 * @param stoppedEarly    whether early stopping ended the run
 * @param predictions     the network's outputs for every row of the data in order, rows × outputs:
 *                        {@link org.sheetnet.engine.ForwardPass} over the raw features, exactly as scoring computes them
 */
public record TrainingResult(Network network, List<Epoch> history, int trainingRows, int validationRows,
        Optional<Standardization> standardization, int bestEpoch, boolean stoppedEarly, double[] predictions) {

    public TrainingResult {
        history = List.copyOf(history);
    }

    /** The trained model: the network alone (standardisation is folded into its first layer). */
    public Model model() {
        return Model.of(network, Provenance.inMemory("trained by sheetnet train"));
    }

    /** The last epoch run. */
    public Epoch last() {
        return history.get(history.size() - 1);
    }
}
