package org.sheetnet.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.sheetnet.input.InputBinding;
import org.sheetnet.input.InputRow;
import org.sheetnet.input.PreparationLog;
import org.sheetnet.model.Model;

/**
 * Which DataFrame columns feed the model's inputs and which name a row, found by core's
 * {@link InputBinding} with the rules of {@code score}: by name (exact, then ignoring case, a shared
 * name refused) when the model names its inputs, else the numeric columns in order.
 *
 * @param features for each model input, its column
 * @param ids      the other columns (less the excluded ones), which name a row in messages
 * @param byName   whether features were matched by name
 * @param labels   the columns as a row source, for messages
 */
record FeatureColumns(int[] features, int[] ids, boolean byName, RowLabels labels) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Rows looked at to tell numeric columns from text ones when inputs are matched by position. */
    static final int SAMPLE_ROWS = 16;

    /**
     * Binds a schema's columns to a model's inputs.
     *
     * @param model       the model
     * @param schema      the DataFrame's columns
     * @param sample      its first rows (used only when the model does not name its inputs)
     * @param excluded    columns that are never features nor ids (targets)
     * @param description the input, for messages
     * @throws org.sheetnet.SheetnetException (INPUT) naming a missing or ambiguous feature column
     */
    static FeatureColumns bind(Model model, StructType schema, List<Row> sample, Set<Integer> excluded,
            String description) {
        List<String> header = Arrays.asList(schema.fieldNames());
        RowLabels names = new RowLabels(description, header, new int[0]);
        List<InputRow> rows = new ArrayList<>();
        for (int r = 0; r < sample.size(); r++) {
            rows.add(InputRow.of(r + 1, cells(sample.get(r))));
        }
        InputBinding b = InputBinding.bind(model, names, rows, excluded).withoutIds(excluded);
        return new FeatureColumns(b.features(), b.idColumns(), b.byName(), new RowLabels(description, header, b.idColumns()));
    }

    /** Core's binding for these columns, with a preparation log of its own (one per partition). */
    InputBinding binding(Model model) {
        return new InputBinding(features, ids, byName, model.preparation().orElse(null), new PreparationLog(),
                new org.sheetnet.input.TextNumbers());
    }

    /** A row's fields as cell values. */
    static Object[] cells(Row row) {
        Object[] values = new Object[row.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = CellValue.of(row.get(c));
        }
        return values;
    }
}
