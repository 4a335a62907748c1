import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.sheetnet.api.SheetnetModel;
import org.sheetnet.spark.LocalSpark;
import org.sheetnet.spark.ModelBytes;
import org.sheetnet.spark.SheetnetTransformer;

/**
 * Row-at-a-time UDF against batches per partition (SheetnetTransformer, mapPartitions through core's
 * BatchScorer), on one model, in one JVM. Rows are generated once into Parquet (not timed); each timed run
 * reads them, scores them and writes to Spark's "noop" sink, repeats interleaved, median reported.
 *
 *   javac -d CLASSES -cp "$CP" bench/SparkBench.java && java -cp "CLASSES:$CP" SparkBench MODEL ROWS MASTER REPEATS WORKDIR
 *
 * (compiled, not run as a source file: the UDF lambda must be on a class loader Spark deserializes from)
 *
 * (bench/spark-bench.sh sets CP to the embedded classpath of ./sheetnet spark-score.)
 */
public class SparkBench {

    public static void main(String[] args) throws Exception {
        Path modelFile = Path.of(args[0]);
        long rows = Long.parseLong(args[1]);
        String master = args[2];
        int repeats = Integer.parseInt(args[3]);
        Path work = Path.of(args[4]);
        LocalSpark.quietLogging();
        SparkSession spark = LocalSpark.builder(master, "sheetnet SparkBench").getOrCreate();
        SheetnetTransformer transformer = SheetnetTransformer.load(modelFile);
        SheetnetModel model = transformer.model();
        List<String> names = model.inputNames();
        Path parquet = work.resolve("bench-" + names.size() + "-" + rows + ".parquet");
        if (!parquet.toFile().exists()) {
            List<Column> columns = new ArrayList<>();
            columns.add(functions.col("id"));
            for (int i = 0; i < names.size(); i++) {
                columns.add(functions.randn(i + 1).as(names.get(i)));
            }
            spark.range(rows).select(columns.toArray(new Column[0])).write().parquet(parquet.toString());
        }
        Dataset<Row> input = spark.read().parquet(parquet.toString());
        ModelBytes bytes = transformer.modelBytes();
        UserDefinedFunction rowUdf = functions.udf((UDF1<scala.collection.Seq<Object>, double[]>) seq -> {
            double[] x = new double[seq.length()];
            for (int i = 0; i < x.length; i++) {
                x[i] = (Double) seq.apply(i);
            }
            return bytes.load().predict(x);
        }, DataTypes.createArrayType(DataTypes.DoubleType, false));
        Column features = functions.array(names.stream().map(n -> functions.col("`" + n + "`")).toArray(Column[]::new));
        double[][] seconds = new double[2][repeats];
        for (int r = 0; r < repeats; r++) {
            seconds[0][r] = time(() -> transformer.transform(input).write().format("noop").mode("overwrite").save());
            seconds[1][r] = time(() -> input.withColumn("y", rowUdf.apply(features)).write().format("noop")
                    .mode("overwrite").save());
        }
        String[] labels = {"batches per partition (mapPartitions, BatchScorer)", "row-at-a-time UDF (array column -> predict)"};
        System.out.printf(Locale.ROOT, "| %s, %d inputs, %,d rows, %s | median s | rows/s | runs (s) |%n",
                modelFile.getFileName(), names.size(), rows, master);
        System.out.println("|---|---:|---:|---|");
        for (int k = 0; k < 2; k++) {
            double[] sorted = seconds[k].clone();
            Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            System.out.printf(Locale.ROOT, "| %s | %.2f | %,.0f | %s |%n", labels[k], median, rows / median,
                    Arrays.toString(seconds[k]));
        }
        spark.stop();
    }

    private static double time(Runnable run) {
        long t0 = System.nanoTime();
        run.run();
        return (System.nanoTime() - t0) / 1e9;
    }
}
