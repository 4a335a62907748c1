package org.sheetnet.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What to train, on what, and where to write it; what is left empty is decided from the data.
 *
 * @param data            the data file (.csv or .xlsx)
 * @param sheet           the sheet of an .xlsx, or empty for the first
 * @param features        feature columns, or empty for every numeric column that is not a target
 * @param targets         target columns, or empty for the last column
 * @param layers          widths n_in, n_1, …, n_out, or empty for n_in, 10, n_out
 * @param activations     one per Dense layer (or one per hidden layer), {@code name} or {@code name:alpha};
 *                        empty for tanh hidden layers and a linear (regression) or softmax (classes) output
 * @param loss            the loss, or empty for mse (regression) or cross-entropy (classes)
 * @param optimizer       sgd, momentum or adam
 * @param lr              learning rate, or empty for Keras's default for the optimizer
 * @param momentum        μ of momentum
 * @param batchSize       rows per step
 * @param epochs          maximum epochs
 * @param validationSplit fraction of rows held out at the end
 * @param seed            random seed
 * @param init            glorot or normal
 * @param patience        early-stopping patience in epochs, 0 for none
 * @param shuffle         whether to shuffle the training rows each epoch
 * @param standardize     whether to standardise the features while training
 * @param out             the model workbook to write
 * @param force           whether an existing output may be replaced
 * @param commandLine     the command as typed, for the Audit sheet
 * @param csv             how a CSV data file is written (separator, decimal mark), where the user said
 */
public record TrainOptions(Path data, Optional<String> sheet, List<String> features, List<String> targets,
        List<Integer> layers, List<String> activations, Optional<String> loss, String optimizer, OptionalDouble lr,
        double momentum, int batchSize, int epochs, double validationSplit, long seed, String init, int patience,
        boolean shuffle, boolean standardize, Path out, boolean force, String commandLine,
        org.sheetnet.input.CsvSettings csv) {

    /** Options with a CSV data file's dialect detected. */
    public TrainOptions(Path data, Optional<String> sheet, List<String> features, List<String> targets,
            List<Integer> layers, List<String> activations, Optional<String> loss, String optimizer, OptionalDouble lr,
            double momentum, int batchSize, int epochs, double validationSplit, long seed, String init, int patience,
            boolean shuffle, boolean standardize, Path out, boolean force, String commandLine) {
        this(data, sheet, features, targets, layers, activations, loss, optimizer, lr, momentum, batchSize, epochs,
                validationSplit, seed, init, patience, shuffle, standardize, out, force, commandLine,
                org.sheetnet.input.CsvSettings.DETECT);
    }

    public TrainOptions {
        features = List.copyOf(features);
        targets = List.copyOf(targets);
        layers = List.copyOf(layers);
        activations = List.copyOf(activations);
    }
}
