package org.sheetnet.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sheetnet.SheetnetException;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Model;
import org.sheetnet.report.LayerSheets;

/**
 * The columns a {@link SheetnetTransformer} appends, in order: one per output, named as in the
 * Predictions sheet; {@code predicted_class} for a softmax over classes; optionally each layer's
 * pre-activations and activations ({@code L1_pre_h1}, {@code L1_act_h1}, …); and with
 * {@code handleInvalid=keep} the reason column, null for a row that was scored.
 *
 * @param outputs   the output names
 * @param classify  whether {@code predicted_class} follows them
 * @param layers    per layer, the names of its pre-activation and activation columns; empty without them
 * @param reason    the reason column's name, or null without {@code keep}
 */
record OutputColumns(List<String> outputs, boolean classify, List<List<String>> layers, String reason)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The predicted class's column, as in the Predictions sheet. */
    static final String PREDICTED_CLASS = "predicted_class";

    /** The columns for a model. */
    static OutputColumns of(Model model, boolean layerValues, String reason) {
        List<List<String>> layers = new ArrayList<>();
        if (layerValues) {
            List<DenseLayer> all = model.network().layers();
            for (int k = 1; k <= all.size(); k++) {
                List<String> names = new ArrayList<>();
                for (String unit : all.get(k - 1).unitNames()) {
                    names.add(LayerSheets.pre(k) + "_" + unit);
                }
                for (String unit : all.get(k - 1).outputNames()) {
                    names.add(LayerSheets.act(k) + "_" + unit);
                }
                layers.add(List.copyOf(names));
            }
        }
        return new OutputColumns(List.copyOf(model.outputNames()), !model.classes().isEmpty(), List.copyOf(layers),
                reason);
    }

    /** Every appended column's name, in order. */
    List<String> names() {
        List<String> names = new ArrayList<>(outputs);
        if (classify) {
            names.add(PREDICTED_CLASS);
        }
        layers.forEach(names::addAll);
        if (reason != null) {
            names.add(reason);
        }
        return names;
    }

    /** Number of appended columns. */
    int count() {
        return names().size();
    }

    /**
     * The input's schema with these columns appended.
     *
     * @throws SheetnetException (INPUT) when the input has a column of the same name (Spark compares names
     *                           ignoring case by default, so this does too)
     */
    StructType appendTo(StructType input, String description) {
        Set<String> taken = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        taken.addAll(List.of(input.fieldNames()));
        StructType out = input;
        for (String name : names()) {
            if (!taken.add(name)) {
                throw SheetnetException.input(description + ": already has a column \"" + name + "\", which the model's"
                        + " outputs would add; rename or drop it first");
            }
            boolean text = name.equals(reason) || (classify && name.equals(PREDICTED_CLASS));
            out = out.add(new StructField(name, text ? DataTypes.StringType : DataTypes.DoubleType, true,
                    org.apache.spark.sql.types.Metadata.empty()));
        }
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "OutputColumns%s", names());
    }
}
