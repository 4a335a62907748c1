package org.sheetnet.format.csv;

import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The layout of a CSV parameter folder: {@code model.csv}, the layer table
 * ({@code layer,weights,bias,activation,alpha}), and per layer k the files {@code Wk.csv} and
 * {@code bk.csv} it names.
 *
 * <p>A weights file has a header row of unit names, then n_in rows of n_out numbers. When the
 * layer names its inputs, the header starts with an empty cell and each row with the input's name.
 * A bias file has the unit names as header and one row of n_out numbers.
 */
final class CsvModelFolder {

    /** The layer table's file name. */
    static final String MODEL = "model.csv";

    /** The layer table's columns. */
    static final List<String> COLUMNS = List.of("layer", "weights", "bias", "activation", "alpha");

    /** RFC 4180, as Excel reads and writes it. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private CsvModelFolder() {
    }

    static String weightsFile(int layer) {
        return "W" + layer + ".csv";
    }

    static String biasFile(int layer) {
        return "b" + layer + ".csv";
    }
}
