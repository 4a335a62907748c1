import java.nio.file.Path;
import java.util.Arrays;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.api.SheetnetModel;

/**
 * How long sheetnet takes to open a model workbook, in one JVM (start-up excluded): the whole
 * Sheetnet.load (the package, the Model sheet, each weights and bias block, the check vectors).
 *
 * <pre>
 * java -cp target/sheetnet.jar bench/LoadBench.java MODEL.xlsx [REPEATS [WARMUP]]
 * python3 bench/wide_model.py /tmp/w784x500.xlsx &amp;&amp; java -cp target/sheetnet.jar bench/LoadBench.java /tmp/w784x500.xlsx
 * </pre>
 *
 * Prints one JSON line: the first load (a cold JVM, as a command-line run sees it) and the median
 * and minimum of REPEATS (7) loads after WARMUP (3) more.
 */
public final class LoadBench {

    public static void main(String[] args) {
        Path model = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        long t0 = System.nanoTime();
        SheetnetModel first = Sheetnet.load(model);
        double cold = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < warmup; i++) {
            Sheetnet.load(model);
        }
        double[] s = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            Sheetnet.load(model);
            s[i] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(s);
        System.out.printf(java.util.Locale.ROOT,
                "{\"model\": \"%s\", \"first_s\": %.4f, \"median_s\": %.4f, \"min_s\": %.4f, \"runs\": %d, \"layers\": %d}%n",
                model.getFileName(), cold, s[repeats / 2], s[0], repeats, first.model().network().depth());
    }
}
