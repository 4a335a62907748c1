package org.sheetnet.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheetnet.activation.Activations;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Network;

class ForwardPassTest {

    private static DenseLayer layer(double[][] w, double[] b, String activation) {
        List<String> units = new java.util.ArrayList<>();
        for (int j = 0; j < b.length; j++) {
            units.add("u" + (j + 1));
        }
        return new DenseLayer("L", Matrix.of(w), b, Activations.of(activation), List.of(), units);
    }

    /** The 2→3→2→2 network of seeds/003 (perceptron article), weights as printed there. */
    static Network seed(String output) {
        return new Network(List.of(
                layer(new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}}, new double[] {0.1, 0.2, 0.3}, "sigmoid"),
                layer(new double[][] {{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}}, new double[] {0.1, 0.2}, "sigmoid"),
                layer(new double[][] {{0.1, 0.3}, {0.2, 0.4}}, new double[] {0.1, 0.2}, output)));
    }

    @Test
    void reproducesEveryValueThePerceptronArticlePrints() {
        ForwardTrace t = ForwardPass.run(seed("linear"), new double[] {1.0, 0.5}, 1);
        // Printed by numpy in seeds/003: A1, Z1, A2, Z2, Y (8 significant digits).
        assertArrayEquals(new double[] {0.3, 0.7, 1.1}, t.layers().get(0).pre(), 1e-15, "A1");
        assertArrayEquals(new double[] {0.57444252, 0.66818777, 0.75026011}, t.layers().get(0).act(), 5e-9, "Z1");
        assertArrayEquals(new double[] {0.51615984, 1.21402696}, t.layers().get(1).pre(), 5e-9, "A2");
        assertArrayEquals(new double[] {0.62624937, 0.7710107}, t.layers().get(1).act(), 5e-9, "Z2");
        assertArrayEquals(new double[] {0.31682708, 0.69627909}, t.output().act(), 5e-9, "Y");
    }

    @Test
    void softmaxOutputMatchesTheArticle() {
        ForwardTrace t = ForwardPass.run(seed("softmax"), new double[] {1.0, 0.5}, 1);
        assertArrayEquals(new double[] {0.40625907, 0.59374093}, t.output().act(), 5e-9, "softmax(a3)");
    }

    @Test
    void xorOfStepUnitsGivesTheTruthTable() {
        Network xor = new Network(List.of(
                layer(new double[][] {{-0.5, 0.5}, {-0.5, 0.5}}, new double[] {0.7, -0.2}, "step"),
                layer(new double[][] {{0.5}, {0.5}}, new double[] {-0.7}, "step")));
        ForwardTrace t = ForwardPass.run(xor, new double[] {0, 0, 1, 0, 0, 1, 1, 1}, 4);
        assertArrayEquals(new double[] {0, 1, 1, 0}, t.output().act(), 0.0);
    }

    @Test
    void batchesOfAnySizeGiveTheSameBits() {
        Network net = seed("softmax");
        double[] x = new double[2 * 9];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i * 1.7) * 3;
        }
        double[] all = ForwardPass.run(net, x, 9).output().act();
        for (int r = 0; r < 9; r++) {
            double[] one = ForwardPass.run(net, java.util.Arrays.copyOfRange(x, 2 * r, 2 * r + 2), 1).output().act();
            assertEquals(Double.doubleToRawLongBits(all[2 * r]), Double.doubleToRawLongBits(one[0]), "row " + r);
            assertEquals(Double.doubleToRawLongBits(all[2 * r + 1]), Double.doubleToRawLongBits(one[1]), "row " + r);
        }
    }

    @Test
    void threadCountsGiveTheSameBitsOnAWideNetwork() {
        java.util.Random random = new java.util.Random(3);
        double[][] w1 = new double[300][200];
        double[][] w2 = new double[200][3];
        for (double[] row : w1) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian() * 0.1;
            }
        }
        for (double[] row : w2) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian();
            }
        }
        Network net = new Network(List.of(layer(w1, new double[200], "tanh"), layer(w2, new double[3], "softmax")));
        int rows = 101;
        double[] x = new double[rows * 300];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        ForwardTrace one = ForwardPass.run(net, x, rows);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(7);
        java.util.concurrent.atomic.AtomicInteger handedOut = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.Executor counting = task -> {
            handedOut.incrementAndGet();
            pool.execute(task);
        };
        for (int threads : new int[] {2, 3, 8}) {
            handedOut.set(0);
            ForwardTrace many = ForwardPass.run(net, x, rows, counting, threads);
            // The caller's executor does the other parts: threads − 1 per layer large enough to split (layer 1).
            org.junit.jupiter.api.Assertions.assertEquals(threads - 1, handedOut.get(), "parts given to the caller's executor");
            for (int k = 0; k < 2; k++) {
                assertArrayEquals(one.layers().get(k).pre(), many.layers().get(k).pre(), 0.0, threads + " threads, layer " + k);
                assertArrayEquals(one.layers().get(k).act(), many.layers().get(k).act(), 0.0, threads + " threads, layer " + k);
            }
        }
        pool.shutdownNow();
    }

    @Test
    void reportsTheFirstNonFiniteValueWithLayerRowAndUnit() {
        Network net = new Network(List.of(layer(new double[][] {{1000}}, new double[] {0}, "exponential")));
        NonFiniteValueException e = assertThrows(NonFiniteValueException.class,
                () -> ForwardPass.run(net, new double[] {0.5, 1000}, 2));
        assertEquals(1, e.layer());
        assertEquals(1, e.row());
        assertEquals("u1", e.unit());
        assertEquals("activation", e.stage());
    }
}
