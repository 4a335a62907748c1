package org.sheetnet.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.sheetnet.evaluate.Evaluator;
import org.sheetnet.evaluate.Targets;
import org.sheetnet.input.InputRow;
import org.sheetnet.model.Network;

/**
 * The Evaluation of a {@code spark-score --target} run: core's {@link Evaluator} (the definitions of
 * {@code score --target}) fed on the driver with the scored rows' outputs and targets, partition after
 * partition in input order. Its running sums then add up in the order {@code score} adds them, so the
 * metrics are the same on any number of partitions and cores, and equal to {@code score}'s for the
 * same rows. Only the outputs and targets cross to the driver, a batch at a time.
 */
final class Evaluation {

    private static final int BATCH = 4096;

    private Evaluation() {
    }

    /**
     * Evaluates the scored rows.
     *
     * @param scored  the transformer's result (rows kept invalid have a non-null reason and are left out)
     * @param network the network, for its outputs
     * @param outputs the output columns
     * @param targets the target columns, as {@code --target} names them
     * @param reason  the reason column, or null
     * @param description the input, for messages
     * @throws org.sheetnet.SheetnetException (INPUT) naming the row when a target is blank or not what it must be
     */
    static Evaluator of(Dataset<Row> scored, Network network, List<String> outputs, List<String> targets,
            String reason, String description) {
        Dataset<Row> rows = reason == null ? scored : scored.filter(functions.col(reason).isNull());
        List<Column> columns = new ArrayList<>();
        outputs.forEach(o -> columns.add(functions.col(o)));
        targets.forEach(t -> columns.add(functions.col(t)));
        Dataset<Row> selected = rows.select(columns.toArray(new Column[0]));
        RowLabels labels = new RowLabels(description, Arrays.asList(selected.schema().fieldNames()), new int[0]);
        Targets found = Targets.find(targets, network, labels);
        Evaluator evaluator = new Evaluator(found, network);
        int width = outputs.size();
        List<InputRow> batch = new ArrayList<>(BATCH);
        double[] y = new double[BATCH * width];
        Iterator<Row> it = selected.toLocalIterator();
        while (it.hasNext()) {
            Row row = it.next();
            for (int j = 0; j < width; j++) {
                y[batch.size() * width + j] = row.getDouble(j);
            }
            batch.add(InputRow.of(0, FeatureColumns.cells(row)));
            if (batch.size() == BATCH || !it.hasNext()) {
                evaluator.add(Arrays.copyOf(y, batch.size() * width), found.read(batch, labels));
                batch.clear();
            }
        }
        return evaluator;
    }
}
