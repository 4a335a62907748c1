package org.sheetnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Optimizer steps worked out by hand. */
class OptimizerTest {

    private static double[] steps(String name, double lr, double theta, double... gradients) {
        Optimizer optimizer = OptimizerSettings.of(name, lr).create();
        double[][] params = {{theta}};
        for (double g : gradients) {
            optimizer.step(params, new double[][] {{g}});
        }
        return params[0];
    }

    @Test
    void sgd() {
        // θ = 1 − 0.1·0.5 = 0.95
        assertEquals(0.95, steps("sgd", 0.1, 1, 0.5)[0], 1e-15);
    }

    @Test
    void momentumAsInTheArticle() {
        // v1 = −0.1·1 = −0.1, θ = 0.9; v2 = 0.9·(−0.1) − 0.1·1 = −0.19, θ = 0.71
        assertEquals(0.71, steps("momentum", 0.1, 1, 1, 1)[0], 1e-15);
    }

    @Test
    void adamFirstStepIsTheLearningRateTimesTheSignOfTheGradient() {
        // m = 0.1·0.5 = 0.05, v = 0.001·0.25 = 2.5e-4, α = 0.001·√0.001/0.1;
        // θ = 1 − α·0.05/(√2.5e-4 + 1e-7) = 1 − 0.001·(0.0158114/(0.0158114 + 1e-7)) ≈ 0.999
        double alpha = 0.001 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        double expected = 1 - alpha * 0.05 / (Math.sqrt(2.5e-4) + 1e-7);
        assertEquals(expected, steps("adam", 0.001, 1, 0.5)[0], 1e-15);
        assertEquals(0.999, expected, 1e-8);
    }

    @Test
    void adamSecondStepUsesTheBiasCorrectionOfStepTwo() {
        // g = 0.5 then −0.5: m2 = 0.9·0.05 + 0.1·(−0.5) = −0.005, v2 = 0.999·2.5e-4 + 0.001·0.25 = 4.9975e-4
        double theta = 1 - 0.001 * Math.sqrt(0.001) / 0.1 * 0.05 / (Math.sqrt(2.5e-4) + 1e-7);
        double alpha2 = 0.001 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
        double expected = theta - alpha2 * -0.005 / (Math.sqrt(4.9975e-4) + 1e-7);
        assertEquals(expected, steps("adam", 0.001, 1, 0.5, -0.5)[0], 1e-15);
    }
}
