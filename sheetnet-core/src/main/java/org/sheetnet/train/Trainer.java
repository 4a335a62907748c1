package org.sheetnet.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activation;
import org.sheetnet.engine.BatchScorer;
import org.sheetnet.model.Network;

/**
 * Trains a Dense network by mini-batch gradient descent, the way Keras's {@code model.fit} does:
 * the last {@code validationSplit} of the rows is held out before any shuffling; each epoch
 * shuffles the training rows, and takes one optimizer step per batch of {@code batchSize} rows
 * (the last batch may be smaller); val_loss is measured after each epoch.
 *
 * <p>One {@link Random} seeded with {@code seed} draws the initial weights, then every shuffle,
 * and all sums run in a fixed order, so a run is bit-identical to any other with the same
 * config and data.
 */
public final class Trainer {

    private Trainer() {
    }

    /**
     * Trains a network.
     *
     * @param config   what to train and how
     * @param data     the rows, in file order
     * @param listener told about each epoch as it ends (for progress); may ignore it
     * @return the trained network, its history and its predictions for every row
     * @throws SheetnetException (INPUT) if the config does not fit the data, or training diverges
     */
    public static TrainingResult train(TrainingConfig config, Dataset data, Consumer<Epoch> listener) {
        check(config, data);
        int nTrain = config.trainingRows(data.rows());
        Dataset train = data.slice(0, nTrain);
        Dataset val = data.slice(nTrain, data.rows());
        Optional<Standardization> std = config.standardize() ? Optional.of(Standardization.fit(train)) : Optional.empty();
        if (std.isPresent()) {
            train = std.get().apply(train);
            val = std.get().apply(val);
        }
        Random random = new Random(config.seed());
        Parameters params = Parameters.initial(config, data.features(), random);
        Parameters best = null;
        Run run = new Run(config, params, train, val, random);
        List<Epoch> history = new ArrayList<>();
        long start = System.nanoTime();
        double bestVal = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        boolean stopped = false;
        for (int e = 1; e <= config.epochs(); e++) {
            double loss = run.epoch();
            double valLoss = val.rows() > 0 ? run.evaluate(val) : Double.NaN;
            requireFinite(e, loss, valLoss, config);
            Epoch epoch = new Epoch(e, loss, valLoss, (System.nanoTime() - start) / 1e9);
            history.add(epoch);
            listener.accept(epoch);
            if (config.patience() > 0) {
                if (valLoss < bestVal) {
                    bestVal = valLoss;
                    bestEpoch = e;
                    best = params.copy();
                } else if (e - bestEpoch >= config.patience()) {
                    stopped = true;
                    break;
                }
            } else {
                bestEpoch = e;
            }
        }
        Parameters kept = best != null ? best.copy() : params.copy();
        std.ifPresent(s -> s.fold(kept.weights[0], kept.biases[0]));
        Network network = kept.toNetwork(data.featureNames(), data.targetNames());
        return new TrainingResult(network, history, nTrain, data.rows() - nTrain, std, bestEpoch, stopped,
                predict(network, data));
    }

    /** The network's outputs for every row, through the same forward pass as scoring. */
    private static double[] predict(Network network, Dataset data) {
        return BatchScorer.run(network, data.x(), data.rows(), e -> SheetnetException.input(
                "the trained network gives a non-finite " + e.stage() + " on data row " + (e.row() + 1) + " (layer "
                        + e.layer() + ", unit " + e.unit() + "); lower --lr or standardise the features")).output().act();
    }

    private static void requireFinite(int epoch, double loss, double valLoss, TrainingConfig config) {
        if (!Double.isFinite(loss) || Double.isInfinite(valLoss)) {
            throw SheetnetException.input("training diverged at epoch " + epoch + " (loss " + loss + ", val_loss "
                    + valLoss + ") with " + config.optimizer().describe() + "; lower --lr, or give --standardize");
        }
    }

    private static void check(TrainingConfig config, Dataset data) {
        int nTrain = config.trainingRows(data.rows());
        if (nTrain < 1) {
            throw SheetnetException.input(data.rows() + " data rows and --validation-split " + config.validationSplit()
                    + " leave no rows to train on");
        }
        if (config.patience() > 0 && nTrain == data.rows()) {
            throw SheetnetException.input("--patience watches val_loss, but --validation-split "
                    + config.validationSplit() + " holds out no rows of " + data.rows());
        }
        for (int k = 0; k < config.depth(); k++) {
            Activation h = config.activations().get(k);
            if (!h.differentiable()) {
                throw SheetnetException.input("layer " + (k + 1) + ": " + h.name() + " has no useful gradient (zero"
                        + " wherever it exists), so it cannot be trained; use sigmoid or tanh instead");
            }
        }
        Activation out = config.activations().get(config.depth() - 1);
        int width = out.outputWidth(config.units().get(config.depth() - 1));
        if (width != data.targets()) {
            throw SheetnetException.input("the output layer gives " + width + " values per row, but there "
                    + (data.targets() == 1 ? "is 1 target" : "are " + data.targets() + " targets") + " ("
                    + String.join(", ", data.targetNames()) + "); the last of --layers must be " + data.targets());
        }
        if (config.loss().classification() && !"softmax".equals(out.name())) {
            throw SheetnetException.input("--loss " + config.loss().name() + " needs a softmax output layer, not "
                    + out.name() + "; make the last of --activations softmax");
        }
    }

    /** The state of one run: parameters, optimizer, gradients and batch buffers. */
    private static final class Run {
        private final TrainingConfig config;
        private final Parameters params;
        private final double[][] all;
        private final double[][] grads;
        private final Dataset train;
        private final Random random;
        private final Optimizer optimizer;
        private final Backprop backprop;
        private final int[] order;
        private final double[] bx;
        private final double[] bt;

        Run(TrainingConfig config, Parameters params, Dataset train, Dataset val, Random random) {
            this.config = config;
            this.params = params;
            this.all = params.all();
            this.grads = params.zeros();
            this.train = train;
            this.random = random;
            this.optimizer = config.optimizer().create();
            this.backprop = new Backprop(params, Math.min(config.batchSize(), Math.max(train.rows(), val.rows())));
            this.order = new int[train.rows()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            this.bx = new double[backprop.maxRows() * train.features()];
            this.bt = new double[backprop.maxRows() * train.targets()];
        }

        /** One pass over the training rows; returns the mean row loss, each batch measured before its step. */
        double epoch() {
            if (config.shuffle()) {
                shuffle();
            }
            int f = train.features();
            int k = train.targets();
            double sum = 0;
            for (int from = 0; from < order.length; from += config.batchSize()) {
                int rows = Math.min(config.batchSize(), order.length - from);
                for (int r = 0; r < rows; r++) {
                    int src = order[from + r];
                    System.arraycopy(train.x(), src * f, bx, r * f, f);
                    System.arraycopy(train.t(), src * k, bt, r * k, k);
                }
                sum += backprop.gradients(bx, bt, rows, config.loss(), grads);
                optimizer.step(all, grads);
            }
            return sum / order.length;
        }

        /** Mean row loss over a dataset with the current parameters. */
        double evaluate(Dataset data) {
            int f = data.features();
            int k = data.targets();
            double sum = 0;
            for (int from = 0; from < data.rows(); from += backprop.maxRows()) {
                int rows = Math.min(backprop.maxRows(), data.rows() - from);
                System.arraycopy(data.x(), from * f, bx, 0, rows * f);
                System.arraycopy(data.t(), from * k, bt, 0, rows * k);
                sum += backprop.loss(bx, bt, rows, config.loss());
            }
            return sum / data.rows();
        }

        // Fisher–Yates, drawing from the run's one generator.
        private void shuffle() {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
        }
    }
}
