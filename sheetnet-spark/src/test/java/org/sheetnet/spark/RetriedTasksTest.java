package org.sheetnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.TinyModel;

/**
 * The rows the Audit of {@code spark-score} counts (accumulators updated where partitions are
 * scored) when a task fails part-way and Spark runs it again: local[2,4] retries a failed task up to
 * 4 times. A task of partition 1 fails on its first attempt after 300 of its rows have gone through
 * the scorer (which counts them a batch at a time); the counts must still be each row once, because
 * Spark keeps only the successful attempt's updates. The model is y = 2·a + 3·b − 1.
 */
class RetriedTasksTest {

    private static final int ROWS = 4000;
    private static final int PARTITIONS = 4;

    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path model;

    @BeforeAll
    static void start() throws IOException {
        spark = LocalSpark.builder("local[2,4]", "sheetnet-spark retries").config("spark.driver.memory", "512m")
                .getOrCreate();
        model = TinyModel.writeLinear(dir.resolve("linear.xlsx"), w -> { });
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void aTaskRunAgainCountsItsRowsOnce() {
        StructType schema = new StructType().add("a", DataTypes.DoubleType).add("b", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(RowFactory.create((double) i, 0.5));
        }
        Dataset<Row> input = spark.createDataFrame(rows, schema).repartition(PARTITIONS);
        PartitionScorer.RowCounts counts = new PartitionScorer.RowCounts(spark.sparkContext().longAccumulator("scored"),
                spark.sparkContext().longAccumulator("skipped"), spark.sparkContext().longAccumulator("invalid"));
        LongAccumulator retried = spark.sparkContext().longAccumulator("retried");
        Dataset<Row> scored = SheetnetTransformer.load(model).setBatchRows(128).countingIn(counts).transform(input);
        Dataset<Double> ys = scored.mapPartitions(failOnceAfter(300, retried), Encoders.DOUBLE());

        double sum = 0;
        long n = 0;
        for (double y : ys.collectAsList()) {
            sum += y;
            n++;
        }
        assertEquals(1, retried.value(), "partition 1 ran a second time");
        assertEquals(ROWS, n, "every row came out once");
        // Σ (2·i + 3·0.5 − 1) over i < 4000 = 2·(3999·4000/2) + 0.5·4000, exact in doubles in any order.
        assertEquals(2.0 * 3999 * 4000 / 2 + 0.5 * ROWS, sum, 0.0, "and scored as by hand");
        assertEquals(ROWS, counts.scored().value(), "the Audit's count: each row once, the failed attempt's left out");
        assertEquals(0, counts.skipped().value() + counts.invalid().value(), "nothing skipped or invalid");
    }

    // Passes the outputs on; partition 1's first attempt throws after `after` rows, and a later attempt says so.
    private static MapPartitionsFunction<Row, Double> failOnceAfter(int after, LongAccumulator retried) {
        return rows -> {
            TaskContext task = TaskContext.get();
            boolean failing = task.partitionId() == 1 && task.attemptNumber() == 0;
            if (task.partitionId() == 1 && task.attemptNumber() > 0) {
                retried.add(1);
            }
            List<Double> out = new ArrayList<>();
            for (Iterator<Row> it = rows; it.hasNext(); ) {
                Row row = it.next();
                if (failing && out.size() == after) {
                    throw new IllegalStateException("a task failure injected by the test");
                }
                out.add(row.getAs("y"));
            }
            return out.iterator();
        };
    }
}
