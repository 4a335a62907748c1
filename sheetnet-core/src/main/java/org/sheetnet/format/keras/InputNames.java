package org.sheetnet.format.keras;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Names for a model's inputs: {@code x1 … xn}, or {@code NAME_1 … NAME_n} when the input layer was named by hand. */
final class InputNames {

    /** Names Keras gives an input it was not told to name: input_1, input_layer_2, dense_input, …. */
    private static final Pattern GENERATED = Pattern.compile("input(_layer)?(_\\d+)?|.*_input(_\\d+)?|");

    private InputNames() {
    }

    /**
     * The names of n inputs.
     *
     * @param inputLayer the input layer's name, or empty
     * @param n          number of inputs
     */
    static List<String> of(String inputLayer, int n) {
        boolean generated = GENERATED.matcher(inputLayer).matches();
        List<String> names = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            names.add(generated ? "x" + i : inputLayer + "_" + i);
        }
        return names;
    }
}
