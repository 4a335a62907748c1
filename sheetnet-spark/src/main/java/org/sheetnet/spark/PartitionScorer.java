package org.sheetnet.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.JoinedRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.apache.spark.util.LongAccumulator;
import org.sheetnet.SheetnetException;
import org.sheetnet.api.SheetnetModel;
import org.sheetnet.engine.BatchScorer;
import org.sheetnet.engine.ForwardTrace;
import org.sheetnet.evaluate.ArgMax;
import org.sheetnet.input.InputBinding;
import org.sheetnet.input.InputRow;
import org.sheetnet.model.DenseLayer;

/**
 * Scores one partition in batches through core's {@link BatchScorer}, the path {@code sheetnet score}
 * takes: each row's features are read by core's {@link InputBinding} (so a row is refused for the same
 * reasons and with the same words), a batch is prepared and run at once, and each input row comes out
 * with the appended {@link OutputColumns}. Rows are pulled from Spark's iterator a batch at a time, so
 * a partition's memory is one batch.
 *
 * <p>It works on Spark's internal rows: only the feature columns are read (a double column with
 * {@code getDouble}, any other through Spark's converter to the value a {@code Row} would hold), the id
 * columns only for a message, and the outputs are joined to the input row as it is. Converting every
 * column to a {@code Row} and back cost more than the model on inputs of hundreds of columns
 * (docs/spark.md, Measured).
 */
final class PartitionScorer implements FlatMapFunction<Iterator<InternalRow>, InternalRow> {

    private static final long serialVersionUID = 1L;

    private final Broadcast<ModelBytes> model;
    private final StructType schema;
    private final FeatureColumns columns;
    private final OutputColumns outputs;
    private final HandleInvalid handleInvalid;
    private final int batchRows;
    private final RowCounts counts;

    /**
     * @param schema the input's columns, whose types say how a field is read
     * @param counts where rows scored, skipped and kept invalid are counted, or null
     */
    PartitionScorer(Broadcast<ModelBytes> model, StructType schema, FeatureColumns columns, OutputColumns outputs,
            HandleInvalid handleInvalid, int batchRows, RowCounts counts) {
        this.model = model;
        this.schema = schema;
        this.columns = columns;
        this.outputs = outputs;
        this.handleInvalid = handleInvalid;
        this.batchRows = batchRows;
        this.counts = counts;
    }

    @Override
    public Iterator<InternalRow> call(Iterator<InternalRow> input) {
        SheetnetModel loaded = model.value().load();
        Batch batch = new Batch(loaded, columns.binding(loaded.model()));
        return new Iterator<>() {
            private final ArrayDeque<InternalRow> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && input.hasNext()) {
                    batch.score(input, ready);
                }
                return !ready.isEmpty();
            }

            @Override
            public InternalRow next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    /** One batch's buffers, reused for every batch of the partition. */
    private final class Batch {
        private final SheetnetModel loaded;
        private final InputBinding binding;
        private final BatchScorer scorer;
        private final RowLabels labels;
        private final int width;
        private final double[] x;
        private final List<InternalRow> rows = new ArrayList<>();
        private final Fields fields = new Fields();
        private final List<String> reasons = new ArrayList<>();
        private final int[] scoredAt;

        Batch(SheetnetModel loaded, InputBinding binding) {
            this.loaded = loaded;
            this.binding = binding;
            this.scorer = BatchScorer.onCallingThread(loaded.model());
            this.labels = columns.labels();
            this.width = loaded.model().network().inputWidth();
            this.x = new double[batchRows * width];
            this.scoredAt = new int[batchRows];
        }

        // Reads up to batchRows rows, scores the valid ones together, and queues the results in input order.
        void score(Iterator<InternalRow> input, ArrayDeque<InternalRow> out) {
            rows.clear();
            reasons.clear();
            int valid = 0;
            while (rows.size() < batchRows && input.hasNext()) {
                InternalRow row = input.next().copy(); // Spark reuses the row object it hands out
                String reason = read(row, valid);
                rows.add(row);
                reasons.add(reason);
                if (reason == null) {
                    scoredAt[valid++] = rows.size() - 1;
                }
            }
            ForwardTrace trace = valid == 0 ? null : run(valid);
            int v = 0;
            for (int r = 0; r < rows.size(); r++) {
                if (reasons.get(r) == null) {
                    out.add(scored(rows.get(r), trace, v++));
                } else if (handleInvalid == HandleInvalid.KEEP) {
                    out.add(kept(rows.get(r), reasons.get(r)));
                }
            }
            count(valid, rows.size() - valid);
        }

        // The row's raw features into x at its place among the valid rows; null, or why it cannot be scored.
        private String read(InternalRow row, int valid) {
            InputRow cells = new InputRow(0, row.numFields());
            for (int f : columns.features()) {
                fields.store(cells, row, f);
            }
            fields.labelsAt(labels, row);
            try {
                binding.raw(cells, labels, x, valid * width);
                return null;
            } catch (SheetnetException e) {
                if (handleInvalid == HandleInvalid.ERROR) {
                    throw new ScoringFailure(e);
                }
                return e.getMessage();
            }
        }

        // A non-finite value inside the network is the model's problem, not the row's: it fails the job in every mode.
        private ForwardTrace run(int valid) {
            try {
                return scorer.score(valid, (r, into, offset) -> { }, x, e -> {
                    fields.labelsAt(labels, rows.get(scoredAt[e.row()]));
                    DenseLayer layer = loaded.model().network().layers().get(e.layer() - 1);
                    return SheetnetException.input(labels.locateRow(0) + ": layer " + e.layer() + " (" + layer.name()
                            + ", " + layer.activation().describe() + ") gives a non-finite " + e.stage() + " for unit "
                            + e.unit() + " (" + e.value() + "); check the inputs and weights feeding it");
                });
            } catch (SheetnetException e) {
                throw new ScoringFailure(e);
            }
        }

        private InternalRow scored(InternalRow row, ForwardTrace trace, int v) {
            Object[] values = new Object[outputs.count()];
            int c = 0;
            ForwardTrace.LayerValues out = trace.output();
            for (int j = 0; j < out.width(); j++) {
                values[c++] = out.act()[v * out.width() + j];
            }
            if (outputs.classify()) {
                String predicted = outputs.outputs().get(ArgMax.of(out.act(), v * out.width(), out.width()));
                values[c++] = UTF8String.fromString(predicted);
            }
            if (!outputs.layers().isEmpty()) {
                for (ForwardTrace.LayerValues layer : trace.layers()) {
                    for (int j = 0; j < layer.units(); j++) {
                        values[c++] = layer.pre()[v * layer.units() + j];
                    }
                    for (int j = 0; j < layer.width(); j++) {
                        values[c++] = layer.act()[v * layer.width() + j];
                    }
                }
            }
            return new JoinedRow(row, new GenericInternalRow(values));
        }

        private InternalRow kept(InternalRow row, String reason) {
            Object[] values = new Object[outputs.count()];
            values[values.length - 1] = UTF8String.fromString(reason);
            return new JoinedRow(row, new GenericInternalRow(values));
        }

        private void count(int scored, int invalid) {
            if (counts != null) {
                counts.add(scored, invalid, handleInvalid);
            }
        }
    }

    /** Reads fields of internal rows as the values a {@code Row} would hold, converters made once per partition. */
    private final class Fields {
        private final DataType[] types = new DataType[schema.size()];
        private final scala.Function1<Object, Object>[] converters;

        @SuppressWarnings("unchecked")
        Fields() {
            converters = new scala.Function1[schema.size()];
            for (int c = 0; c < types.length; c++) {
                types[c] = schema.fields()[c].dataType();
                converters[c] = CatalystTypeConverters.createToScalaConverter(types[c]);
            }
        }

        // The cell value core reads: a double column directly and unboxed, any other as CellValue reads a Row's field.
        void store(InputRow into, InternalRow row, int c) {
            if (row.isNullAt(c)) {
                into.set(c, null);
            } else if (types[c] == DataTypes.DoubleType) {
                into.setNumber(c, row.getDouble(c));
            } else {
                into.set(c, CellValue.of(external(row, c)));
            }
        }

        Object external(InternalRow row, int c) {
            return row.isNullAt(c) ? null : converters[c].apply(row.get(c, types[c]));
        }

        void labelsAt(RowLabels labels, InternalRow row) {
            labels.at(c -> external(row, c));
        }
    }

    /** Counters of a run, added to on the executors. */
    record RowCounts(LongAccumulator scored, LongAccumulator skipped, LongAccumulator invalid)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        void add(long scoredRows, long invalidRows, HandleInvalid mode) {
            scored.add(scoredRows);
            (mode == HandleInvalid.SKIP ? skipped : invalid).add(invalidRows);
        }
    }
}
