package org.sheetnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * XOR, which no single layer can represent, learnt by a hidden layer of smooth units (no step):
 * after training, every one of the four outputs rounds to XOR's truth table.
 */
class XorTest {

    @ParameterizedTest(name = "{0} hidden units, {1}, seed {2}")
    @CsvSource({"tanh, sgd, 1", "tanh, adam, 2", "sigmoid, momentum, 3", "sigmoid, adam, 4"})
    void learnsXorExactlyAfterRounding(String hidden, String optimizer, long seed) {
        double lr = optimizer.equals("adam") ? 0.05 : 0.5;
        TrainingConfig config = Fixtures.config(List.of(4, 1), List.of(hidden, "sigmoid"), Losses.MSE,
                OptimizerSettings.of(optimizer, lr), 4, 2000, 0, seed);
        TrainingResult result = Trainer.train(config, Fixtures.xor(), e -> { });
        double[] truth = {0, 1, 1, 0};
        for (int r = 0; r < 4; r++) {
            assertEquals(truth[r], Math.rint(result.predictions()[r]), 0.0,
                    "row " + (r + 1) + " (" + Fixtures.xor().x()[2 * r] + ", " + Fixtures.xor().x()[2 * r + 1]
                            + "): output " + result.predictions()[r]);
        }
    }
}
