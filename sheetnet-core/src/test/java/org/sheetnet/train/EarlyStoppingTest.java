package org.sheetnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheetnet.engine.ForwardPass;

/** Early stopping on val_loss, as Keras's EarlyStopping(patience=N, restore_best_weights=True). */
class EarlyStoppingTest {

    @Test
    void stopsPatienceEpochsAfterTheBestAndKeepsItsWeights() {
        // Sine with a high learning rate: val_loss on the extrapolated end wobbles, so it stops early.
        TrainingConfig base = Fixtures.config(List.of(20, 1), List.of("sigmoid", "linear"), Losses.MSE,
                OptimizerSettings.of("sgd", 0.2), 8, 3000, 0.1, 42);
        int patience = 20;
        TrainingConfig config = new TrainingConfig(base.units(), base.activations(), base.loss(), base.optimizer(),
                base.init(), base.batchSize(), base.epochs(), base.validationSplit(), base.seed(), patience, true, false);
        TrainingResult result = Trainer.train(config, Fixtures.sine(), e -> { });
        assertTrue(result.stoppedEarly(), "stopped early after " + result.history().size() + " epochs");
        int best = 1;
        for (Epoch e : result.history()) {
            best = e.valLoss() < result.history().get(best - 1).valLoss() ? e.epoch() : best;
        }
        assertEquals(best, result.bestEpoch(), "the epoch with the lowest val_loss");
        assertEquals(best + patience, result.history().size(), "epochs run: the best, then the patience");
        // The kept network reproduces the best epoch's val_loss.
        Dataset val = Fixtures.sine().slice(45, 50);
        double[] y = ForwardPass.run(result.network(), val.x(), 5).output().act();
        double mse = 0;
        for (int r = 0; r < 5; r++) {
            mse += (y[r] - val.t()[r]) * (y[r] - val.t()[r]) / 5;
        }
        assertEquals(result.history().get(best - 1).valLoss(), mse, 1e-12, "val MSE of the kept weights");
        assertArrayEquals(y, java.util.Arrays.copyOfRange(result.predictions(), 45, 50), 0.0, "predictions");
    }
}
