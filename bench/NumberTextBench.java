import com.fasterxml.jackson.core.io.NumberOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sheetnet.sink.NumberText;

/**
 * Formatting doubles into an output buffer, nanoseconds per value: "before" is what the sinks did
 * until issue 16 (jackson-core's {@code NumberOutput.toString(v, true)}, then the String's ASCII
 * copied into the buffer), "after" is {@link NumberText#write} (straight into the buffer).
 *
 * <pre>
 * java -cp target/sheetnet.jar bench/NumberTextBench.java [VALUES [ROUNDS]]
 * </pre>
 *
 * Three sets of VALUES doubles (default 1,000,000), fixed seeds: (a) inputs as in case 3,
 * uniform [0, 1) rounded to 3 decimals; (b) sigmoid outputs of full precision, 1/(1+e^-x) with
 * x ~ N(0, 3^2); (c) half of each, shuffled. Each round times every set with both methods, the
 * order of the two alternating round by round; the first round is warm-up. Prints the median
 * ns/value of ROUNDS (default 15) and the ratio after/before, one Markdown row per set.
 */
public final class NumberTextBench {

    private static final byte[] BUFFER = new byte[(1 << 16) + NumberText.MAX_LENGTH];
    private static long sink;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
        Random random = new Random(16);
        double[] inputs = new double[n];
        double[] sigmoids = new double[n];
        for (int i = 0; i < n; i++) {
            inputs[i] = Math.rint(random.nextDouble() * 1000) / 1000;
            sigmoids[i] = 1 / (1 + Math.exp(-3 * random.nextGaussian()));
        }
        double[] mix = new double[n];
        for (int i = 0; i < n; i++) {
            mix[i] = i % 2 == 0 ? inputs[i] : sigmoids[i];
        }
        shuffle(mix, random);
        String[] names = {"(a) 3-decimal inputs", "(b) sigmoid outputs", "(c) mix, half each"};
        double[][] sets = {inputs, sigmoids, mix};
        List<List<Double>> before = new ArrayList<>();
        List<List<Double>> after = new ArrayList<>();
        for (int s = 0; s < sets.length; s++) {
            before.add(new ArrayList<>());
            after.add(new ArrayList<>());
        }
        for (int round = 0; round <= rounds; round++) {
            for (int s = 0; s < sets.length; s++) {
                boolean beforeFirst = round % 2 == 0;
                double first = beforeFirst ? timeBefore(sets[s]) : timeAfter(sets[s]);
                double second = beforeFirst ? timeAfter(sets[s]) : timeBefore(sets[s]);
                if (round > 0) {
                    before.get(s).add(beforeFirst ? first : second);
                    after.get(s).add(beforeFirst ? second : first);
                }
            }
        }
        System.out.printf("%s, %d values a set, median of %d rounds (checksum %d)%n%n",
                System.getProperty("java.vm.version"), n, rounds, sink);
        System.out.println("| values | before, ns/value | after, ns/value | after / before |");
        System.out.println("|---|---|---|---|");
        for (int s = 0; s < sets.length; s++) {
            double b = median(before.get(s));
            double a = median(after.get(s));
            System.out.printf("| %s | %.1f | %.1f | %.2f |%n", names[s], b, a, a / b);
        }
    }

    @SuppressWarnings("deprecation")
    private static double timeBefore(double[] values) {
        long start = System.nanoTime();
        int length = 0;
        for (double v : values) {
            if (length > 1 << 16) {
                length = 0;
            }
            String text = NumberOutput.toString(v, true);
            text.getBytes(0, text.length(), BUFFER, length);
            length += text.length();
        }
        sink += length + BUFFER[length / 2];
        return (System.nanoTime() - start) / (double) values.length;
    }

    private static double timeAfter(double[] values) {
        long start = System.nanoTime();
        int length = 0;
        for (double v : values) {
            if (length > 1 << 16) {
                length = 0;
            }
            length = NumberText.write(v, BUFFER, length);
        }
        sink += length + BUFFER[length / 2];
        return (System.nanoTime() - start) / (double) values.length;
    }

    private static void shuffle(double[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    private static double median(List<Double> xs) {
        double[] sorted = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
