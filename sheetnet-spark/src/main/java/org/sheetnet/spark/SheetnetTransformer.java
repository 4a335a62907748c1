package org.sheetnet.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.sheetnet.SheetnetException;
import org.sheetnet.api.SheetnetModel;
import org.sheetnet.model.Model;

/**
 * A Spark ML {@link Transformer} that appends a sheetnet model's outputs to a DataFrame, bit for bit as
 * {@code sheetnet score} computes them: the feature columns are found by name with {@code score}'s rules
 * (or, for a model that does not name its inputs, the numeric columns in order), the model's Features
 * preparation is applied, and each partition is scored in batches through core's one scoring path.
 *
 * <pre>{@code
 * SheetnetTransformer t = SheetnetTransformer.load(Path.of("model.xlsx")).setHandleInvalid("keep");
 * Dataset<Row> scored = t.transform(spark.read().parquet("rows.parquet"));
 * }</pre>
 *
 * <p>Appended columns: one double per output, named as in the Predictions sheet; {@code predicted_class}
 * for a softmax over classes; with {@link #setLayerValues} every layer's pre-activations and activations
 * ({@code L1_pre_h1} …); with {@code handleInvalid=keep} the reason column. The model's file travels to
 * the executors once, as a broadcast, and is loaded once per executor JVM.
 */
public final class SheetnetTransformer extends Transformer {

    private static final long serialVersionUID = 1L;

    /** Rows scored together by default: large enough to amortize a call, small enough for any heap. */
    public static final int DEFAULT_BATCH_ROWS = 1024;

    private final String uid;
    private final ModelBytes model;
    private final Param<String> handleInvalid;
    private final BooleanParam layerValues;
    private final Param<String> reasonCol;
    private final IntParam batchRows;
    private final StringArrayParam excludedCols;
    private final Param<String> inputDescription;
    private transient Broadcast<ModelBytes> broadcast;
    private transient PartitionScorer.RowCounts counts;

    /**
     * A transformer for a model given as its file's bytes.
     *
     * @param uid   Spark's identifier of this stage
     * @param model the model file's bytes
     */
    public SheetnetTransformer(String uid, ModelBytes model) {
        this.uid = uid;
        this.model = model;
        this.handleInvalid = new Param<>(this, "handleInvalid", "what to do with a row whose features cannot be"
                + " scored: error (fail naming the row and column), skip (leave it out), keep (null outputs and"
                + " the reason)", ParamValidators.inArray(HandleInvalid.values(true)));
        this.layerValues = new BooleanParam(this, "layerValues", "whether to append every layer's"
                + " pre-activations and activations");
        this.reasonCol = new Param<>(this, "reasonCol", "the column that says why a row kept by"
                + " handleInvalid=keep was not scored");
        this.batchRows = new IntParam(this, "batchRows", "rows scored together in a partition",
                ParamValidators.gtEq(1));
        this.excludedCols = new StringArrayParam(this, "excludedCols", "columns that are neither features nor"
                + " row ids (targets)");
        this.inputDescription = new Param<>(this, "inputDescription", "how messages name the input");
        setDefault(handleInvalid, HandleInvalid.ERROR.value());
        setDefault(layerValues, (Object) false);
        setDefault(reasonCol, "invalid_reason");
        setDefault(batchRows, (Object) DEFAULT_BATCH_ROWS);
        setDefault(excludedCols, new String[0]);
        setDefault(inputDescription, "the input");
    }

    /**
     * A transformer for a model file (a workbook, {@code .keras} or {@code .h5}), loaded once here to check it.
     *
     * @throws SheetnetException (FILE, MODEL) as {@link org.sheetnet.api.Sheetnet#load(Path)}
     */
    public static SheetnetTransformer load(Path modelFile) {
        ModelBytes bytes = ModelBytes.read(modelFile);
        bytes.load();
        return new SheetnetTransformer(Identifiable$.MODULE$.randomUID("sheetnet"), bytes);
    }

    /** A transformer for a model already loaded (or built) through the library. */
    public static SheetnetTransformer of(SheetnetModel model) {
        return new SheetnetTransformer(Identifiable$.MODULE$.randomUID("sheetnet"), ModelBytes.of(model));
    }

    @Override
    public String uid() {
        return uid;
    }

    /** The model, as loaded in this JVM. */
    public SheetnetModel model() {
        return model.load();
    }

    /** The model file's bytes and hash. */
    public ModelBytes modelBytes() {
        return model;
    }

    /** The {@code handleInvalid} parameter: {@code error} (default), {@code skip} or {@code keep}. */
    public Param<String> handleInvalid() {
        return handleInvalid;
    }

    /** The {@code layerValues} parameter: whether every layer's values are appended (default false). */
    public BooleanParam layerValues() {
        return layerValues;
    }

    /** The {@code reasonCol} parameter: the reason column of {@code keep} (default {@code invalid_reason}). */
    public Param<String> reasonCol() {
        return reasonCol;
    }

    /** The {@code batchRows} parameter: rows scored together (default {@value #DEFAULT_BATCH_ROWS}). */
    public IntParam batchRows() {
        return batchRows;
    }

    /** The {@code excludedCols} parameter: columns never taken as features or ids, such as targets. */
    public StringArrayParam excludedCols() {
        return excludedCols;
    }

    /** The {@code inputDescription} parameter: the input's name in messages (default {@code the input}). */
    public Param<String> inputDescription() {
        return inputDescription;
    }

    /** Sets {@code handleInvalid}: {@code error}, {@code skip} or {@code keep}. */
    public SheetnetTransformer setHandleInvalid(String value) {
        set(handleInvalid, value);
        return this;
    }

    /** Sets whether every layer's pre-activations and activations are appended. */
    public SheetnetTransformer setLayerValues(boolean value) {
        set(layerValues, (Object) value);
        return this;
    }

    /** Sets the reason column's name. */
    public SheetnetTransformer setReasonCol(String value) {
        set(reasonCol, value);
        return this;
    }

    /** Sets the rows scored together; the results are the same bits for any value. */
    public SheetnetTransformer setBatchRows(int value) {
        set(batchRows, (Object) value);
        return this;
    }

    /** Sets the columns never taken as features or ids. */
    public SheetnetTransformer setExcludedCols(String... value) {
        set(excludedCols, value);
        return this;
    }

    /** Sets how messages name the input, e.g. its path. */
    public SheetnetTransformer setInputDescription(String value) {
        set(inputDescription, value);
        return this;
    }

    /** Counts rows scored, skipped and kept invalid in these accumulators (the spark-score job's Audit). */
    SheetnetTransformer countingIn(PartitionScorer.RowCounts rowCounts) {
        this.counts = rowCounts;
        return this;
    }

    /**
     * Binds the columns and returns the scored rows (lazily, as any transformation).
     *
     * @throws SheetnetException (INPUT) at once, before any work, naming a missing or ambiguous feature column
     *                           or an appended column the input already has
     */
    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        Dataset<Row> rows = dataset.toDF();
        Model m = model.load().model();
        FeatureColumns columns = columns(rows);
        OutputColumns outputs = outputColumns(m);
        StructType schema = outputs.appendTo(rows.schema(), description());
        PartitionScorer scorer = new PartitionScorer(broadcast(rows.sparkSession()), rows.schema(), columns, outputs,
                mode(), (Integer) getOrDefault(batchRows), counts);
        // On Spark's internal rows: a Row encoder would convert every column of every row, twice (3.2x slower at
        // 784 columns, docs/spark.md). internalCreateDataFrame is classic Spark's (a session in a JVM, not Connect).
        RDD<InternalRow> scored = rows.queryExecution().toRdd().toJavaRDD().mapPartitions(scorer).rdd();
        return ((org.apache.spark.sql.classic.SparkSession) rows.sparkSession()).internalCreateDataFrame(scored, schema,
                false);
    }

    /**
     * The output schema; with a model that names its inputs, the feature columns are checked here too.
     *
     * @throws SheetnetException (INPUT) as {@link #transform}
     */
    @Override
    public StructType transformSchema(StructType schema) {
        Model m = model.load().model();
        if (m.namesInputs()) {
            FeatureColumns.bind(m, schema, List.of(), excluded(schema), description());
        }
        return outputColumns(m).appendTo(schema, description());
    }

    @Override
    public SheetnetTransformer copy(ParamMap extra) {
        SheetnetTransformer copy = new SheetnetTransformer(uid, model);
        copyValues(copy, extra);
        copy.counts = counts;
        return copy;
    }

    /**
     * The columns that feed the model and the id columns, as {@link #transform} binds them (a model that does not
     * name its inputs looks at the first rows to tell numeric columns from text).
     */
    FeatureColumns columns(Dataset<Row> rows) {
        Model m = model.load().model();
        List<Row> sample = m.namesInputs() ? List.of() : rows.limit(FeatureColumns.SAMPLE_ROWS).collectAsList();
        return FeatureColumns.bind(m, rows.schema(), sample, excluded(rows.schema()), description());
    }

    /** The appended columns' names, in order. */
    List<String> outputColumnNames() {
        return outputColumns(model.load().model()).names();
    }

    private OutputColumns outputColumns(Model m) {
        return OutputColumns.of(m, (Boolean) getOrDefault(layerValues),
                mode() == HandleInvalid.KEEP ? getOrDefault(reasonCol) : null);
    }

    private HandleInvalid mode() {
        return HandleInvalid.of(getOrDefault(handleInvalid));
    }

    private String description() {
        return getOrDefault(inputDescription);
    }

    private Set<Integer> excluded(StructType schema) {
        Set<Integer> columns = new HashSet<>();
        List<String> names = Arrays.asList(schema.fieldNames());
        List<String> missing = new ArrayList<>();
        for (String name : getOrDefault(excludedCols)) {
            int c = names.indexOf(name);
            if (c < 0) {
                missing.add(name);
            } else {
                columns.add(c);
            }
        }
        if (!missing.isEmpty()) {
            throw SheetnetException.input(description() + ": no column " + missing + "; the columns are " + names);
        }
        return columns;
    }

    // The model's bytes go to the executors once per session, not with every task.
    private synchronized Broadcast<ModelBytes> broadcast(SparkSession session) {
        if (broadcast == null) {
            broadcast = JavaSparkContext.fromSparkContext(session.sparkContext()).broadcast(model);
        }
        return broadcast;
    }
}
