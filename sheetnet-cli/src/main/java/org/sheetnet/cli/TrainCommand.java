package org.sheetnet.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import org.sheetnet.Plural;
import org.sheetnet.job.TrainJob;
import org.sheetnet.job.TrainOptions;
import org.sheetnet.train.TrainingResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sheetnet train}: fits a Dense network to a data sheet and writes a model workbook. */
@Command(header = "Train a network on a data sheet or CSV file; write a model workbook with its history and charts.",
        name = "train",
        description = {
            "Trains a Dense network on the rows of DATA (a .csv file, or a sheet of an",
            ".xlsx: a header row, then one row per case) by mini-batch gradient descent,",
            "as Keras's model.fit does, and writes a model workbook that 'sheetnet score'",
            "runs as it is:",
            "  Model, W1, b1, ...  the layers (weights carry the feature names)",
            "  Training history    loss and val_loss per epoch, with a line chart",
            "  Validation          predicted vs true on the held-out rows, with a",
            "                      scatter chart (or Confusion: a confusion matrix)",
            "  Inputs              the data rows, so the model scores at once",
            "  Audit               every setting and the data file's SHA-256",
            "",
            "The last --validation-split of the rows is held out before shuffling, as in",
            "Keras: if the file is sorted (by class, by date), shuffle it first or use",
            "--validation-split 0. A fixed --seed gives the same weights, bit for bit.",
            "",
            "With a text target column (class labels) the output is a softmax over the",
            "classes and the loss cross-entropy; otherwise the output is linear and the",
            "loss mse."
        },
        footer = {
            "",
            "Examples:",
            "  # the sine article: 1->20->1, sigmoid, SGD, batch 8, 2000 epochs",
            "  sheetnet train workbooks/sine-1-20-1.xlsx --sheet Inputs --features x \\",
            "      --targets \"sin(x)\" --layers 1,20,1 --activations sigmoid,linear \\",
            "      --loss mse --optimizer sgd --lr 0.01 --batch 8 --epochs 2000 \\",
            "      --validation-split 0.1 --seed 42 --out sine.xlsx",
            "",
            "  # iris (sorted by species, so no split): 4 -> 10 tanh -> softmax",
            "  sheetnet train workbooks/iris.csv --targets species --layers 4,10,3 \\",
            "      --activations tanh --optimizer adam --lr 0.01 --batch 16 \\",
            "      --epochs 200 --standardize --validation-split 0 --out iris.xlsx",
            "",
            "  # the Keras regression article: 4->20->10->1, Adam, mean absolute error",
            "  sheetnet train data.xlsx --sheet Data --targets y --layers 4,20,10,1 \\",
            "      --activations linear,linear,linear --loss mae --optimizer adam \\",
            "      --batch 16 --epochs 100 --patience 10",
            "",
            "  # then score new rows with the trained model",
            "  sheetnet score sine.xlsx --input new-rows.csv",
            "",
            "Losses:      sse (1/2 sum (y-t)^2, summed over the batch, as in the",
            "             article), mse, mae, cross-entropy (softmax output; targets a",
            "             class column or one-hot columns).",
            "Optimizers:  sgd (w -= lr g); momentum (v = mu v - lr g; w += v); adam",
            "             (Keras: beta1 0.9, beta2 0.999, epsilon 1e-7).",
            "Activations: any Keras name (sheetnet help score) except step;",
            "             name:alpha sets the parameter, e.g. leaky_relu:0.1."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "The training rows: a .csv file or an .xlsx workbook.")
    Path data;

    @Option(names = "--sheet", paramLabel = "NAME", description = "The sheet of an .xlsx DATA (default: the first).")
    String sheet;

    @Option(names = "--features", split = ",", paramLabel = "COL",
            description = "Feature columns, by header name. Default: every numeric column that is not a target.")
    List<String> features = List.of();

    @Option(names = "--targets", split = ",", paramLabel = "COL",
            description = "Target columns: numbers, one class column, or one-hot columns. Default: the last column.")
    List<String> targets = List.of();

    @Option(names = "--layers", split = ",", paramLabel = "N",
            description = "Widths from inputs to outputs, e.g. 1,20,1. Default: features,10,outputs.")
    List<Integer> layers = List.of();

    @Option(names = "--activations", split = ",", paramLabel = "NAME",
            description = "One per Dense layer (or per hidden layer). Default: tanh, then linear or softmax.")
    List<String> activations = List.of();

    @Option(names = "--loss", paramLabel = "NAME", description = "sse, mse, mae or cross-entropy. Default: mse, or cross-entropy for classes.")
    String loss;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd",
            description = "sgd, momentum or adam (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate (default: 0.01; 0.001 for adam).")
    Double lr;

    @Option(names = "--momentum", paramLabel = "MU", defaultValue = "0.9", description = "Momentum of --optimizer momentum (default: ${DEFAULT-VALUE}).")
    double momentum;

    @Option(names = "--batch", paramLabel = "ROWS", defaultValue = "32", description = "Rows per step (default: ${DEFAULT-VALUE}, as Keras).")
    int batch;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "200", description = "Passes over the training rows (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--validation-split", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Fraction of rows held out at the end of the data (default: ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(names = "--patience", paramLabel = "EPOCHS", defaultValue = "0",
            description = "Stop after this many epochs without a lower val_loss, keeping the best weights (default: off).")
    int patience;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--init", paramLabel = "NAME", defaultValue = "glorot",
            description = "Initial weights: glorot (uniform, Keras's default) or normal (0.01 randn, the article's). Biases start at 0.")
    String init;

    @Option(names = "--standardize", description = "Standardise features with the training rows' mean and sd (folded into W1 afterwards).")
    boolean standardize;

    @Option(names = "--no-shuffle", description = "Keep the training rows in file order.")
    boolean noShuffle;

    @CommandLine.Mixin
    CsvOptions csv = new CsvOptions();

    @Option(names = {"-o", "--out"}, paramLabel = "MODEL.xlsx", description = "The model workbook. Default: DATA-model.xlsx in the current folder.")
    Path out;

    @Option(names = {"-f", "--force"}, description = "Replace the output if it exists.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Show the stack trace of an error.")
    boolean verbose;

    @Override
    public Integer call() {
        Path target = out != null ? out : defaultOut(data);
        String commandLine = Messages.commandLine(spec);
        TrainProgress progress = new TrainProgress(System.err, quiet, epochs);
        TrainJob.Result run = TrainJob.run(new TrainOptions(data, Optional.ofNullable(sheet), features, targets, layers,
                activations, Optional.ofNullable(loss), optimizer, lr == null ? OptionalDouble.empty() : OptionalDouble.of(lr),
                momentum, batch, epochs, validationSplit, seed, init, patience, !noShuffle, standardize, target, force,
                commandLine, csv.settings(spec.commandLine())), progress);
        progress.done();
        if (run.data().textNumbers().count() > 0) {
            System.err.println("sheetnet: warning: " + run.data().textNumbers().describe());
        }
        if (!quiet) {
            TrainingResult r = run.result();
            String val = r.validationRows() > 0 ? String.format(", val_loss %.6g", r.last().valLoss()) : "";
            spec.commandLine().getOut().printf("trained %s on %s (%d held out): loss %.6g%s in %.3f s -> %s%n",
                    Plural.of(r.history().size(), "epoch"), Plural.of(r.trainingRows(), "row"), r.validationRows(), r.last().loss(), val, r.last().seconds(), target);
        }
        return ExitCodes.OK;
    }

    static Path defaultOut(Path data) {
        String name = data.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return Path.of((dot > 0 ? name.substring(0, dot) : name) + "-model.xlsx");
    }
}
