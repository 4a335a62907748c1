import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.sheetnet.activation.Activations;
import org.sheetnet.engine.ForwardPass;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Network;

/**
 * The compute alone: sheetnet's ForwardPass.run over random data, against Commons Math's
 * BlockRealMatrix.multiply (the baseline), for a network given as widths and activations.
 *
 * <pre>
 * java -cp target/sheetnet.jar bench/KernelBench.java [ROWS [WIDTHS [ACTIVATIONS [REPEATS [WARMUP [ENGINES]]]]]]
 * java -cp target/sheetnet.jar bench/KernelBench.java 10000 784,500,100,3 sigmoid,sigmoid,softmax 7 3
 * java --add-modules jdk.incubator.vector -cp target/sheetnet.jar bench/KernelBench.java …   (the vector kernel)
 * </pre>
 *
 * Weights are 0.01·N(0, 1) and biases zero, as in seeds/001; inputs uniform in [0, 1). Each
 * engine runs WARMUP untimed passes, then REPEATS timed ones; GFLOP/s = 2·rows·Σ n_in·n_out /
 * median seconds. "forward" is the whole pass (a = x·W + b, z = h(a), layer by layer, as
 * ForwardPass.run does it); for Commons Math the activations are the same sheetnet Activation
 * objects applied row by row. "affine" is x·W + b alone over the three layers, each layer fed
 * a precomputed input. ENGINES "sheetnet" runs sheetnet's alone (default "all"). Prints one JSON
 * line per engine.
 */
public final class KernelBench {

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int[] widths = Arrays.stream((args.length > 1 ? args[1] : "784,500,100,3").split(","))
                .mapToInt(Integer::parseInt).toArray();
        String[] acts = (args.length > 2 ? args[2] : "sigmoid,sigmoid,softmax").split(",");
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 7;
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        boolean all = args.length <= 5 || !"sheetnet".equals(args[5]);

        Random random = new Random(42);
        List<DenseLayer> layers = new ArrayList<>();
        for (int k = 1; k < widths.length; k++) {
            double[] w = new double[widths[k - 1] * widths[k]];
            for (int i = 0; i < w.length; i++) {
                w[i] = 0.01 * random.nextGaussian();
            }
            List<String> units = new ArrayList<>();
            for (int j = 0; j < widths[k]; j++) {
                units.add("u" + (j + 1));
            }
            layers.add(new DenseLayer("L" + k, new Matrix(widths[k - 1], widths[k], w), new double[widths[k]],
                    Activations.of(acts[k - 1]), List.of(), units));
        }
        Network network = new Network(layers);
        double[] x = new double[rows * widths[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
        }
        double flops = 0;
        for (int k = 1; k < widths.length; k++) {
            flops += 2.0 * rows * widths[k - 1] * widths[k];
        }

        // As sheetnet score runs it: rows split among the processors (same bits as one thread).
        int threads = Runtime.getRuntime().availableProcessors();
        // The bench owns its threads, as the command line does: the forward pass borrows no shared pool.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.max(1, threads - 1), r -> {
                    Thread t = new Thread(r, "bench");
                    t.setDaemon(true);
                    return t;
                });
        // The kernel of this JVM: "vector (512-bit)" with --add-modules jdk.incubator.vector, else "scalar".
        String kernel = org.sheetnet.model.DenseProducts.kernel();
        report("sheetnet ForwardPass.run, " + kernel + ", 1 thread", "forward", flops, rows,
                time(() -> ForwardPass.run(network, x, rows), warmup, repeats));
        report("sheetnet ForwardPass.run, " + kernel + ", " + threads + " threads", "forward", flops, rows,
                time(() -> ForwardPass.run(network, x, rows, pool, threads), warmup, repeats));

        if (!all) {
            return;
        }
        RealMatrix[] w = new RealMatrix[layers.size()];
        for (int k = 0; k < w.length; k++) {
            w[k] = new BlockRealMatrix(toRows(layers.get(k).weights().toArray(), widths[k], widths[k + 1]));
        }
        RealMatrix x0 = new BlockRealMatrix(toRows(x, rows, widths[0]));
        report("Commons Math BlockRealMatrix.multiply", "forward", flops, rows,
                time(() -> commonsForward(network, w, x0), warmup, repeats));
        RealMatrix[] inputs = new RealMatrix[w.length];
        inputs[0] = x0;
        for (int k = 1; k < w.length; k++) {
            inputs[k] = new BlockRealMatrix(toRows(ForwardPass.run(network, x, rows).layers().get(k - 1).act(),
                    rows, widths[k]));
        }
        report("Commons Math BlockRealMatrix.multiply", "affine", flops, rows, time(() -> {
            for (int k = 0; k < w.length; k++) {
                addBias(inputs[k].multiply(w[k]), network.layers().get(k).bias());
            }
        }, warmup, repeats));
    }

    /** z = h(x·W + b) layer by layer with Commons Math's product and sheetnet's activations. */
    private static RealMatrix commonsForward(Network network, RealMatrix[] w, RealMatrix x) {
        RealMatrix in = x;
        for (int k = 0; k < w.length; k++) {
            DenseLayer layer = network.layers().get(k);
            RealMatrix a = addBias(in.multiply(w[k]), layer.bias());
            int units = layer.units();
            int width = layer.outputWidth();
            double[][] z = new double[a.getRowDimension()][width];
            for (int r = 0; r < z.length; r++) {
                layer.activation().apply(a.getRow(r), 0, units, z[r], 0);
            }
            in = new BlockRealMatrix(z);
        }
        return in;
    }

    private static RealMatrix addBias(RealMatrix a, double[] b) {
        for (int r = 0; r < a.getRowDimension(); r++) {
            for (int j = 0; j < b.length; j++) {
                a.addToEntry(r, j, b[j]);
            }
        }
        return a;
    }

    private static double[][] toRows(double[] data, int rows, int cols) {
        double[][] m = new double[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
        }
        return m;
    }

    private static double[] time(Runnable work, int warmup, int repeats) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] s = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            work.run();
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(s);
        return s;
    }

    private static void report(String engine, String what, double flops, int rows, double[] sorted) {
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf(java.util.Locale.ROOT,
                "{\"engine\": \"%s\", \"what\": \"%s\", \"rows\": %d, \"median_s\": %.6f, \"min_s\": %.6f, "
                        + "\"runs\": %d, \"gflops\": %.3f, \"cpus\": %d}%n",
                engine, what, rows, median, sorted[0], sorted.length, flops / median / 1e9,
                Runtime.getRuntime().availableProcessors());
    }
}
