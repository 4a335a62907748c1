package org.sheetnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transformer's outputs are bit for bit those of {@code sheetnet score} (core's ScoreJob) on the same
 * rows, read from CSV (as text, parsed as score parses it) and from Parquet (as doubles), over several
 * partitions and batches smaller than a partition.
 */
class TransformerMatchesScoreTest {

    private static final Path REGRESSION = Path.of("workbooks/seed-2-3-2-2.xlsx");
    private static final Path SOFTMAX = Path.of("workbooks/seed-2-3-2-2-softmax.xlsx");
    private static final int ROWS = 1500;

    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path csv;

    @BeforeAll
    static void start() throws IOException {
        spark = SparkTestSession.start();
        csv = writeRows(dir.resolve("rows.csv"));
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    // Fixed-seed rows over several magnitudes, in a column order that differs from the model's (x2 first).
    private static Path writeRows(Path file) throws IOException {
        Random random = new Random(14);
        StringBuilder text = new StringBuilder("x2,case,x1\n");
        for (int r = 0; r < ROWS; r++) {
            double scale = Math.pow(10, random.nextInt(7) - 3);
            text.append(String.format(Locale.ROOT, "%s,r%04d,%s%n", (random.nextDouble() - 0.5) * scale, r,
                    r % 10 == 0 ? Integer.toString(random.nextInt(100) - 50) : Double.toString(random.nextGaussian())));
        }
        Files.writeString(file, text);
        return file;
    }

    @Test
    void csvRowsScoreAsScoreDoes() throws IOException {
        Dataset<Row> rows = spark.read().option("header", "true").csv(csv.toString()).repartition(3);
        assertSameAsScore(REGRESSION, rows, List.of("y1", "y2"));
    }

    @Test
    void parquetRowsScoreAsScoreDoes() throws IOException {
        Path parquet = dir.resolve("rows.parquet");
        spark.read().option("header", "true").csv(csv.toString())
                .select(functions.col("case"), functions.col("x1").cast("double"), functions.col("x2").cast("double"))
                .repartition(4).write().parquet(parquet.toString());
        assertSameAsScore(REGRESSION, spark.read().parquet(parquet.toString()), List.of("y1", "y2"));
    }

    @Test
    void softmaxRowsGetTheirPredictedClassAsScoreGives() throws IOException {
        Dataset<Row> rows = spark.read().option("header", "true").csv(csv.toString()).repartition(2);
        assertSameAsScore(SOFTMAX, rows, List.of("y1", "y2", "predicted_class"));
    }

    private static void assertSameAsScore(Path model, Dataset<Row> rows, List<String> columns) throws IOException {
        List<List<String>> expected = ScoreReference.score(model, csv, dir);
        Map<String, List<String>> byCase = new HashMap<>();
        expected.subList(1, expected.size()).forEach(r -> byCase.put(r.get(0), r));
        assertEquals(List.of("case"), expected.get(0).subList(0, 1), "score's Predictions: the id column first");
        Dataset<Row> scored = SheetnetTransformer.load(model).setBatchRows(7).transform(rows);
        List<Row> got = scored.collectAsList();
        assertEquals(ROWS, got.size(), "rows out");
        for (Row row : got) {
            String id = row.getAs("case");
            List<String> want = byCase.get(id);
            for (int j = 0; j < columns.size(); j++) {
                String column = columns.get(j);
                String where = "row " + id + ", " + column;
                String reference = want.get(expected.get(0).indexOf(column));
                Object value = row.getAs(column);
                if (value instanceof Double d) {
                    assertEquals(Double.doubleToLongBits(Double.parseDouble(reference)), Double.doubleToLongBits(d),
                            where + ": " + d + " vs score's " + reference);
                } else {
                    assertEquals(reference, value, where);
                }
            }
        }
    }

    @Test
    void everyLayersValuesFollowTheOutputsWhenAsked() {
        Dataset<Row> rows = spark.read().option("header", "true").csv(csv.toString()).limit(5);
        Dataset<Row> scored = SheetnetTransformer.load(REGRESSION).setLayerValues(true).transform(rows);
        List<String> names = new ArrayList<>(List.of(scored.schema().fieldNames()));
        // The workbook names layer 1's units a1_1 … a1_3 (its W1 header) and the output's y1, y2.
        assertEquals(List.of("x2", "case", "x1", "y1", "y2", "L1_pre_a1_1", "L1_pre_a1_2", "L1_pre_a1_3",
                "L1_act_a1_1", "L1_act_a1_2", "L1_act_a1_3"), names.subList(0, 11),
                "the columns: the input's, outputs, then layer 1");
        Row first = scored.collectAsList().get(0);
        assertEquals((double) first.getAs("y1"), (double) first.getAs("L3_act_y1"), 0.0,
                "the output layer's activations are the outputs");
    }
}
