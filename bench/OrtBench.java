import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.nio.DoubleBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The peer a JVM team would pick instead of sheetnet for CSV scoring: ONNX Runtime for Java running
 * an .onnx file (float64, as written by {@code sheetnet export-onnx} from the same workbook), reading
 * the rows with Commons CSV in batches of 4096 and writing a predictions CSV with one column per
 * output, {@code Double.toString} of each value, as {@code score --out preds.csv} does.
 *
 * <pre>
 * ORT=~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/1.23.2/onnxruntime-1.23.2.jar
 * java -cp "$ORT:target/sheetnet.jar" bench/OrtBench.java MODEL.onnx ROWS.csv PREDS.csv [THREADS [BATCH]]
 * </pre>
 *
 * The input CSV has a header row and one numeric column per model input, in order (no id
 * column). THREADS (2) is ONNX Runtime's intra-op thread count; BATCH (4096) the rows per run. Prints
 * one JSON line with the rows scored and the seconds inside the program (the JVM's start-up is
 * outside it: time the whole process for the side-by-side figure).
 */
public final class OrtBench {

    public static void main(String[] args) throws IOException, OrtException {
        Path model = Path.of(args[0]);
        Path rows = Path.of(args[1]);
        Path out = Path.of(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int batch = args.length > 4 ? Integer.parseInt(args[4]) : 4096;
        long start = System.nanoTime();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(threads);
        long scored = 0;
        try (OrtSession session = env.createSession(model.toString(), options);
                Reader reader = Files.newBufferedReader(rows, StandardCharsets.UTF_8);
                CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(reader);
                BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            String input = session.getInputNames().iterator().next();
            int width = csv.getHeaderNames().size();
            double[] x = new double[batch * width];
            boolean header = false;
            int n = 0;
            for (CSVRecord record : csv) {
                for (int i = 0; i < width; i++) {
                    x[n * width + i] = Double.parseDouble(record.get(i));
                }
                if (++n == batch) {
                    header = write(env, session, input, x, n, width, writer, header);
                    scored += n;
                    n = 0;
                }
            }
            if (n > 0) {
                write(env, session, input, x, n, width, writer, header);
                scored += n;
            }
        }
        System.out.printf(java.util.Locale.ROOT, "{\"engine\": \"ONNX Runtime Java\", \"rows\": %d, \"threads\": %d,"
                + " \"batch\": %d, \"seconds\": %.3f}%n", scored, threads, batch, (System.nanoTime() - start) / 1e9);
    }

    // Runs one batch and appends its predictions; writes the header (y1, y2, …) before the first.
    private static boolean write(OrtEnvironment env, OrtSession session, String input, double[] x, int n, int width,
            BufferedWriter writer, boolean headerWritten) throws OrtException, IOException {
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, DoubleBuffer.wrap(x, 0, n * width),
                new long[] {n, width});
                OrtSession.Result result = session.run(Map.of(input, tensor))) {
            double[][] y = (double[][]) result.get(0).getValue();
            if (!headerWritten && y.length > 0) {
                StringBuilder h = new StringBuilder();
                for (int j = 0; j < y[0].length; j++) {
                    h.append(j == 0 ? "" : ",").append('y').append(j + 1);
                }
                writer.write(h.append('\n').toString());
            }
            StringBuilder line = new StringBuilder();
            for (double[] row : y) {
                line.setLength(0);
                for (int j = 0; j < row.length; j++) {
                    line.append(j == 0 ? "" : ",").append(row[j]);
                }
                writer.write(line.append('\n').toString());
            }
            return true;
        }
    }
}
