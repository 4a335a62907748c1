package org.sheetnet.fuzz;

import java.util.List;
import java.util.Random;

/**
 * Hostile values shared by the mutators, and the traps a campaign sets: a secret file a reader
 * must never copy out, and a local listener that a reader must never connect to.
 *
 * @param secretUri   {@code file:} URI of a file holding {@link #canary}; outside every output folder
 * @param listenerUrl {@code http:} URL of a local socket that counts connections
 * @param canary      text that must never appear in an output or a message
 */
record Hostile(String secretUri, String listenerUrl, String canary) {

    /** Numbers a reader must refuse or read exactly, as cell or CSV text. */
    static final List<String> NUMBERS = List.of("1e308", "1e309", "-1e309", "NaN", "nan", "Infinity", "-Infinity",
            "-0", "", " ", " 1 ", "1,5", "0x10", "99999", "-1", "2147483647", "2147483648", "4294967296",
            "9223372036854775808", "1e-400", "4.9e-324", "1".repeat(400), "0.1.2", "1e", "+", "٣", "1_000", "TRUE",
            "#NUM!", "=1+1", "0");

    /** Cell references, from the corners of a sheet to the malformed. */
    static final List<String> REFS = List.of("A1", "B2", "XFD1048576", "XFE1", "A1048577", "A0", "a1", "", "1A", "A-1",
            "AAAA1", "$A$1", "A1:B2", "B1", "C3", "ZZ99999999");

    /** Cell types of SpreadsheetML, and some that are not. */
    static final List<String> CELL_TYPES = List.of("s", "n", "str", "inlineStr", "e", "b", "d", "x", "");

    /** Text values: empty, long, control characters, markup, names of things a model holds. */
    static final List<String> TEXTS = List.of("", "x1", "W1", "b1", "Model", "Inputs", "sigmoid", "sigmoidd", "softmax",
            "relu", "linear", "leaky_relu", "Dense", "LSTM", "InputLayer", "Functional", "Sequential",
            "a\u0001b", "\uFFFE", "a\"b", "a,b", "'", "../../etc/passwd", "W1!A1:B2", "W1!A1:XFD1048576",
            "x".repeat(40_000));

    /** One of the list. */
    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A size that is usually small and sometimes large: 1 to {@code max}, log-uniform. */
    static int logSize(Random random, int max) {
        return (int) Math.max(1, Math.min(max, Math.round(Math.exp(random.nextDouble() * Math.log(max)))));
    }
}
