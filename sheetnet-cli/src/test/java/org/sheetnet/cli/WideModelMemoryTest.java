package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;
import org.sheetnet.testing.Cli;
import org.sheetnet.xlsx.SheetRow;
import org.sheetnet.xlsx.SheetStream;
import org.sheetnet.xlsx.XlsxPackage;

/**
 * Case 3 of the benchmarks in bounded memory: the 784→500→100→3 network (sigmoid, sigmoid, softmax;
 * 0.01·N(0, 1) weights, as in seeds/001) scores 3,000 rows of 784 inputs into an .xlsx, with every
 * layer sheet, in a child JVM of 384 MB. The model workbook (a 392,000-cell weights sheet) is made in
 * the test with {@code import-csv}. The predictions of the first rows are checked against a forward
 * pass written out here with Math.exp; the timings and peak RSS are measured in bench/ instead.
 */
class WideModelMemoryTest {

    private static final int[] WIDTHS = {784, 500, 100, 3};
    private static final int ROWS = 3_000;
    private static final int CHECKED_ROWS = 3;

    @TempDir
    Path dir;

    @Test
    void caseThreeScoresIntoAWorkbookUnder384Megabytes() throws Exception {
        Random random = new Random(1);
        double[][] weights = new double[3][];
        Path model = writeModel(random, weights);
        double[][] inputs = new double[CHECKED_ROWS][];
        Path rows = writeRows(random, inputs);
        Path out = dir.resolve("scored.xlsx");

        Cli.Run run = Cli.child(List.of("-Xmx384m"), 900, "score", model.toString(), "--input", rows.toString(),
                "--out", out.toString(), "--quiet");

        assertEquals(0, run.exit(), "exit code; stderr: " + run.stderr());
        assertEquals(List.of(), run.stderrLines(), "stderr");
        assertPredictions(out, weights, inputs);
    }

    // Writes the network as an export-csv folder and turns it into a model workbook with import-csv.
    private Path writeModel(Random random, double[][] weights) throws IOException {
        Path csv = Files.createDirectories(dir.resolve("csv"));
        String[] acts = {"sigmoid", "sigmoid", "softmax"};
        StringBuilder index = new StringBuilder("layer,weights,bias,activation,alpha\n");
        for (int k = 0; k < 3; k++) {
            int n = WIDTHS[k];
            int m = WIDTHS[k + 1];
            weights[k] = new double[n * m];
            try (BufferedWriter w = Files.newBufferedWriter(csv.resolve("W" + (k + 1) + ".csv"))) {
                w.write(k == 0 ? "\"\"," + names("L1_", m) + "\n" : names("L" + (k + 1) + "_", m) + "\n");
                for (int i = 0; i < n; i++) {
                    StringBuilder line = new StringBuilder(k == 0 ? "x" + (i + 1) + "," : "");
                    for (int j = 0; j < m; j++) {
                        weights[k][i * m + j] = 0.01 * random.nextGaussian();
                        line.append(j == 0 ? "" : ",").append(weights[k][i * m + j]);
                    }
                    w.write(line.append('\n').toString());
                }
            }
            Files.writeString(csv.resolve("b" + (k + 1) + ".csv"), names("L" + (k + 1) + "_", m) + "\n"
                    + "0,".repeat(m - 1) + "0\n");
            index.append("layer").append(k + 1).append(",W").append(k + 1).append(".csv,b").append(k + 1)
                    .append(".csv,").append(acts[k]).append(",\n");
        }
        Files.writeString(csv.resolve("model.csv"), index.toString());
        Path model = dir.resolve("wide.xlsx");
        Cli.Run made = Cli.run("import-csv", csv.toString(), "--out", model.toString());
        assertEquals(0, made.exit(), "import-csv: " + made.stderr());
        return model;
    }

    private static String names(String prefix, int count) {
        StringBuilder s = new StringBuilder();
        for (int j = 1; j <= count; j++) {
            s.append(j == 1 ? "" : ",").append(prefix).append(j);
        }
        return s.toString();
    }

    // Pixel-like inputs in [0, 1) with 3 decimals, as bench/make-data.py --unit writes them.
    private Path writeRows(Random random, double[][] kept) throws IOException {
        Path rows = dir.resolve("rows.csv");
        try (BufferedWriter w = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
            w.write(names("x", WIDTHS[0]) + "\n");
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < ROWS; r++) {
                line.setLength(0);
                double[] row = new double[WIDTHS[0]];
                for (int i = 0; i < row.length; i++) {
                    row[i] = random.nextInt(1000) / 1000.0;
                    line.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", row[i]));
                }
                if (r < kept.length) {
                    kept[r] = row;
                }
                w.write(line.append('\n').toString());
            }
        }
        return rows;
    }

    /** z = h(x·W + b) layer by layer, the sum in any order: the expected values, to 1e-12. */
    private static double[] forward(double[][] weights, double[] x) {
        double[] in = x;
        for (int k = 0; k < 3; k++) {
            int n = WIDTHS[k];
            int m = WIDTHS[k + 1];
            double[] a = new double[m];
            for (int j = 0; j < m; j++) {
                for (int i = 0; i < n; i++) {
                    a[j] += in[i] * weights[k][i * m + j];
                }
            }
            in = k < 2 ? sigmoid(a) : softmax(a);
        }
        return in;
    }

    private static double[] sigmoid(double[] a) {
        double[] z = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            z[j] = 1 / (1 + Math.exp(-a[j]));
        }
        return z;
    }

    private static double[] softmax(double[] a) {
        double sum = 0;
        double[] z = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            z[j] = Math.exp(a[j]);
            sum += z[j];
        }
        for (int j = 0; j < a.length; j++) {
            z[j] /= sum;
        }
        return z;
    }

    // Reads Predictions as a stream (the workbook holds 3,000 rows × ~2,000 values per layer sheet).
    private static void assertPredictions(Path out, double[][] weights, double[][] inputs) {
        try (XlsxPackage pkg = XlsxPackage.open(out);
                SheetStream sheet = new SheetStream(pkg, pkg.findSheet("Predictions").orElseThrow(),
                        SheetnetException.Problem.INPUT)) {
            SheetRow header = sheet.next();
            assertNotNull(header, "Predictions!1");
            for (int r = 0; r < inputs.length; r++) {
                SheetRow row = sheet.next();
                double[] expected = forward(weights, inputs[r]);
                for (int j = 0; j < 3; j++) {
                    Object got = row.dense(header.lastCol() + 1)[j];
                    assertTrue(got instanceof Double, "Predictions row " + (r + 2) + " column " + (j + 1) + ": " + got);
                    assertEquals(expected[j], (Double) got, 1e-12, "Predictions row " + (r + 2) + ", output " + (j + 1));
                }
            }
        }
    }
}
