package org.sheetnet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.sheetnet.activation.Activations;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;
import org.sheetnet.model.Provenance;

/** One model object shared by many threads gives the bits of one thread; its calls use no hidden pool. */
class SharedModelTest {

    private static double[][] rows(int n, int width, long seed) {
        Random random = new Random(seed);
        double[][] rows = new double[n][width];
        for (double[] row : rows) {
            for (int i = 0; i < width; i++) {
                row[i] = random.nextGaussian() * 3;
            }
        }
        return rows;
    }

    @Test
    void eightThreadsSharingOneModelGiveTheBitsOfOne() throws Exception {
        SheetnetModel model = Sheetnet.load(Path.of("workbooks", "regression-4-20-10-1.xlsx"));
        double[][] rows = rows(2000, model.inputNames().size(), 11);
        double[][] alone = model.score(rows);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<double[][]>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int first = t;
            Callable<double[][]> job = () -> {
                start.await();
                double[][] mine = new double[rows.length][];
                // Each thread walks the rows from a different place, mixing batch and single-row calls.
                for (int k = 0; k < rows.length; k++) {
                    int r = (first * 250 + k) % rows.length;
                    mine[r] = k % 2 == 0 ? model.predict(rows[r]) : model.score(new double[][] {rows[r]})[0];
                }
                return mine;
            };
            results.add(pool.submit(job));
        }
        start.countDown();
        for (int t = 0; t < 8; t++) {
            double[][] got = results.get(t).get();
            for (int r = 0; r < rows.length; r++) {
                assertEquals(Arrays.toString(alone[r]), Arrays.toString(got[r]), "thread " + t + ", row " + (r + 1));
            }
        }
        pool.shutdownNow();
    }

    @Test
    void aLargeBatchRunsOnTheCallersThreadsAndGivesTheSameBits() {
        Random random = new Random(3);
        double[][] w = new double[400][300];
        for (double[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = random.nextGaussian() * 0.05;
            }
        }
        List<String> units = new ArrayList<>();
        for (int j = 1; j <= 300; j++) {
            units.add("u" + j);
        }
        Network network = new Network(List.of(new DenseLayer("wide", Matrix.of(w), new double[300],
                Activations.of("tanh"), List.of(), units)));
        SheetnetModel model = Sheetnet.of(Model.of(network, Provenance.inMemory("test")));
        double[][] rows = rows(64, 400, 5);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        AtomicInteger handedOut = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> new Thread(r, "caller-owned"));
        double[][] alone = model.score(rows);
        double[][] split = model.withExecutor(task -> {
            handedOut.incrementAndGet();
            pool.execute(() -> {
                threads.add(Thread.currentThread().getName());
                task.run();
            });
        }, 4).score(rows);
        pool.shutdownNow();
        assertEquals(3, handedOut.get(), "parts given to the caller's executor (the calling thread computes the 4th)");
        assertEquals(Set.of("caller-owned"), threads, "threads that ran the parts");
        for (int r = 0; r < rows.length; r++) {
            assertEquals(Arrays.toString(alone[r]), Arrays.toString(split[r]), "row " + (r + 1));
        }
        assertTrue(alone.length == 64, "rows scored");
    }
}
