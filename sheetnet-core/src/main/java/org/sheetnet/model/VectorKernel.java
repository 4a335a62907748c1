package org.sheetnet.model;

import java.util.Optional;

/**
 * Whether {@link VectorProducts} runs in this JVM, and for which layers.
 *
 * <p>It runs when the JVM was started with {@code --add-modules jdk.incubator.vector} (Java 17 and
 * later; the module is incubating, so the JVM prints one warning at start-up), its vectors hold at
 * least four doubles, and the system property {@code sheetnet.vector} is not {@code false}. Without
 * them the scalar loops of {@link DenseProducts} run, with the same results to the bit.
 *
 * <p>Only calls with at least {@link #MIN_WORK} multiply-adds use it: until the JIT has compiled the
 * vector code, the interpreter runs it far slower than the scalar loops, so small layers, where that
 * cost would not be earned back, stay scalar. Both give the same bits, so the choice is only one of
 * speed.
 */
final class VectorKernel {

    /** Multiply-adds of one call, rows·n_in·n_out, from which the vector kernel is used. */
    static final long MIN_WORK = 1L << 24;

    private static final int LANES = probe().orElse(0);

    private VectorKernel() {
    }

    /** Whether the vector kernel computes rows [from, to) of an n_in × n_out layer. */
    static boolean worthIt(int n, int m, int from, int to) {
        return LANES > 0 && m >= LANES && (long) (to - from) * n * m >= MIN_WORK;
    }

    /**
     * {@code "vector (512-bit)"}, or {@code "scalar"} with the reason, e.g. {@code "scalar (no
     * --add-modules jdk.incubator.vector; SHEETNET_VECTOR=1 for ./sheetnet)"}.
     */
    static String describe() {
        return LANES > 0 ? "vector (" + LANES * Double.SIZE + "-bit)" : "scalar (" + whyScalar() + ")";
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
                : "no --add-modules jdk.incubator.vector; SHEETNET_VECTOR=1 for ./sheetnet";
    }

    private static boolean turnedOff() {
        return "false".equalsIgnoreCase(System.getProperty("sheetnet.vector", "true"));
    }

    private static boolean moduleLoaded() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
