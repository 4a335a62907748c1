package org.sheetnet.model;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether {@link VectorProducts} runs in this JVM, and for which layers.
 *
 * <p>It runs when the JVM was started with {@code --add-modules jdk.incubator.vector} (Java 17 and
 * later; the module is incubating, so the JVM prints one warning at start-up), its vectors hold at
 * least four doubles, and the system property {@code sheetnet.vector} is not {@code false}. Without
 * them the scalar loops of {@link DenseProducts} run, with the same results to the bit.
 *
 * <p>Until the JIT has compiled it, vector code runs a hundred times slower than the scalar loops:
 * the first large layer of 784→500 took 1.4 s where the scalar loops take 0.15 s and the compiled
 * vector kernel 0.016 s. So the vector kernel is warmed up on a small problem in a thread of its own,
 * started when a job says that calls of at least {@link #MIN_WORK} multiply-adds will come (before it
 * reads its first batch), or by the first such call, and the scalar loops compute
 * every layer until that thread has seen the compiled code run at compiled speed. Both kernels give
 * the same bits, so which one computed a row never shows in the results, only in the time taken.
 * Layers smaller than that never start the warm-up: where no layer is large, it would not pay.
 */
final class VectorKernel {

    /** Multiply-adds of one call, rows·n_in·n_out, from which the vector kernel is warmed up. */
    static final long MIN_WORK = 1L << 24;

    private static final int LANES = probe().orElse(0);

    /** How long the warm-up may take before it gives up and the scalar loops stay. */
    private static final long WARM_UP_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /**
     * The speed at which the warm-up's small problem counts as compiled, in multiply-adds per
     * nanosecond: compiled, it ran at 5 to 20 here; interpreted or in the first tier, below 0.3.
     */
    private static final double COMPILED_MADDS_PER_NANO = 1.0;

    private static final AtomicBoolean warmUpStarted = new AtomicBoolean();
    private static volatile boolean warm;

    private VectorKernel() {
    }

    /**
     * Whether the vector kernel computes rows [from, to) of an n_in × n_out layer: once it is warm,
     * for every layer at least one vector wide. A call of {@link #MIN_WORK} multiply-adds or more
     * starts the warm-up, and is computed by the scalar loops meanwhile.
     */
    static boolean worthIt(int n, int m, int from, int to) {
        if (LANES == 0 || m < LANES) {
            return false;
        }
        if (warm) {
            return true;
        }
        expect(n, m, to - from);
        return false;
    }

    /** Starts the warm-up now if a call of this size will come and the module is there. */
    static void expect(int n, int m, int rows) {
        if (LANES > 0 && m >= LANES && (long) rows * n * m >= MIN_WORK) {
            startWarmUp();
        }
    }

    /**
     * Waits until the vector kernel is warm, for the tests and benchmarks that measure it: starts the
     * warm-up if needed and returns whether it was warm within the time given (false at once without
     * the module).
     */
    static boolean awaitWarm(long timeout, TimeUnit unit) throws InterruptedException {
        if (LANES == 0) {
            return false;
        }
        startWarmUp();
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!warm && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return warm;
    }

    private static void startWarmUp() {
        if (warmUpStarted.compareAndSet(false, true)) {
            Thread thread = new Thread(VectorKernel::warmUp, "sheetnet-vector-warm-up");
            thread.setDaemon(true);
            thread.start();
        }
    }

    // Runs a problem that takes every path of the kernel (four-row tiles and a last row; panels, one
    // vector and the scalar columns after them) until 64 calls run at compiled speed, so that the JIT
    // has compiled each path with its vectors as registers before a large layer needs it.
    private static void warmUp() {
        int rows = 5;
        int n = 16;
        int m = 4 * LANES + 1;
        double[] x = new double[rows * n];
        double[] w = new double[n * m];
        for (int i = 0; i < w.length; i++) {
            w[i] = 1.0 / (i + 1);
        }
        java.util.Arrays.fill(x, 0.5);
        double[] b = new double[m];
        double[] out = new double[rows * m];
        double madds = 64.0 * rows * n * m;
        long deadline = System.nanoTime() + WARM_UP_LIMIT_NANOS;
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            for (int k = 0; k < 64; k++) {
                VectorProducts.multiplyAdd(x, w, n, m, b, out, 0, rows);
            }
            if (madds / Math.max(1, System.nanoTime() - start) >= COMPILED_MADDS_PER_NANO) {
                warm = true;
                return;
            }
        }
    }

    /**
     * {@code "vector (512-bit)"}, or {@code "scalar"} with the reason, e.g. {@code "scalar (no
     * --add-modules jdk.incubator.vector)"}.
     */
    static String describe() {
        return LANES > 0 ? "vector (" + LANES * Double.SIZE + "-bit)" : "scalar (" + whyScalar() + ")";
    }

    /**
     * What computed the layers so far in this JVM, for the Audit: the scalar loops (and why), or the
     * vector kernel after its warm-up.
     */
    static String report() {
        if (LANES == 0) {
            return describe();
        }
        String vector = describe();
        if (warm) {
            return vector + " once the JIT had compiled it, the scalar loops before; the same bits either way";
        }
        if (warmUpStarted.get()) {
            return "scalar loops: the " + vector + " kernel was still being compiled; the same bits either way";
        }
        return String.format(java.util.Locale.ROOT, "scalar loops: no layer's batch came to %,d multiply-adds, from"
                + " which the %s kernel is warmed up", MIN_WORK, vector);
    }

    // The lanes of the JVM's preferred vector, or empty when the module is absent, turned off or too narrow.
    private static Optional<Integer> probe() {
        if (turnedOff() || !moduleLoaded()) {
            return Optional.empty();
        }
        try {
            int lanes = VectorProducts.LANES;
            return lanes >= 4 ? Optional.of(lanes) : Optional.empty();
        } catch (LinkageError e) {
            // The module is there but cannot be linked (a JVM without it in its image): the scalar loops run.
            return Optional.empty();
        }
    }

    private static String whyScalar() {
        if (turnedOff()) {
            return "sheetnet.vector=false";
        }
        return moduleLoaded() ? "vectors of fewer than 4 doubles"
                : "no --add-modules jdk.incubator.vector";
    }

    private static boolean turnedOff() {
        return "false".equalsIgnoreCase(System.getProperty("sheetnet.vector", "true"));
    }

    private static boolean moduleLoaded() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
