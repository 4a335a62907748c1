package org.sheetnet.job;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;
import org.sheetnet.train.Dataset;
import org.sheetnet.train.Initializer;
import org.sheetnet.train.Loss;
import org.sheetnet.train.OptimizerSettings;
import org.sheetnet.train.TrainingConfig;

/** Turns command-line options into a {@link TrainingConfig}, filling in the defaults that depend on the data. */
final class TrainSettings {

    /** Hidden units when {@code --layers} is not given. */
    static final int DEFAULT_HIDDEN = 10;

    private TrainSettings() {
    }

    static TrainingConfig config(TrainOptions o, Dataset data, Loss loss) {
        List<Integer> layers = o.layers().isEmpty() ? List.of(data.features(), DEFAULT_HIDDEN, data.targets()) : o.layers();
        if (layers.size() < 2) {
            throw SheetnetException.input("--layers needs at least two widths (inputs, outputs), e.g. "
                    + data.features() + ",10," + data.targets());
        }
        if (layers.get(0) != data.features()) {
            throw SheetnetException.input("--layers starts with " + layers.get(0) + ", but there "
                    + (data.features() == 1 ? "is 1 feature" : "are " + data.features() + " features") + " ("
                    + String.join(", ", data.featureNames()) + ")");
        }
        List<Integer> units = layers.subList(1, layers.size());
        List<Activation> activations = activations(o.activations(), units.size(), loss);
        if (!(o.validationSplit() >= 0 && o.validationSplit() < 1)) {
            throw SheetnetException.input("--validation-split must be at least 0 and below 1, not " + o.validationSplit());
        }
        if (o.batchSize() < 1 || o.epochs() < 1 || o.patience() < 0) {
            throw SheetnetException.input("--batch and --epochs must be at least 1 and --patience at least 0");
        }
        Initializer init = Initializer.find(o.init()).orElseThrow(() -> SheetnetException.input("unknown --init \""
                + o.init() + "\"; known: glorot, normal"));
        return new TrainingConfig(units, activations, loss, optimizer(o), init, o.batchSize(), o.epochs(),
                o.validationSplit(), o.seed(), o.patience(), o.shuffle(), o.standardize());
    }

    private static OptimizerSettings optimizer(TrainOptions o) {
        String name = o.optimizer().trim().toLowerCase(java.util.Locale.ROOT);
        if (!OptimizerSettings.NAMES.contains(name)) {
            throw SheetnetException.input("unknown --optimizer \"" + o.optimizer() + "\"; known: "
                    + String.join(", ", OptimizerSettings.NAMES));
        }
        double lr = o.lr().orElse(OptimizerSettings.defaultLearningRate(name));
        try {
            OptimizerSettings d = OptimizerSettings.of(name, lr);
            return new OptimizerSettings(name, lr, o.momentum(), d.beta1(), d.beta2(), d.epsilon());
        } catch (IllegalArgumentException e) {
            throw SheetnetException.input("--lr must be above 0 and --momentum in [0, 1): " + e.getMessage());
        }
    }

    // One activation per layer, or one per hidden layer with the output's default added.
    private static List<Activation> activations(List<String> names, int depth, Loss loss) {
        String output = loss.classification() ? "softmax" : "linear";
        List<String> all = new ArrayList<>(names);
        if (all.isEmpty()) {
            for (int k = 0; k < depth - 1; k++) {
                all.add("tanh");
            }
        }
        if (all.size() == depth - 1) {
            all.add(output);
        }
        if (all.size() != depth) {
            throw SheetnetException.input("--activations names " + names.size() + " activations for " + depth
                    + " Dense layers; give one per layer (or one per hidden layer, and the output is " + output + ")");
        }
        List<Activation> activations = new ArrayList<>();
        for (String spec : all) {
            activations.add(activation(spec));
        }
        return activations;
    }

    private static Activation activation(String spec) {
        String[] parts = spec.trim().split(":", 2);
        try {
            OptionalDouble p = parts.length == 2 ? OptionalDouble.of(Double.parseDouble(parts[1])) : OptionalDouble.empty();
            return Activations.find(parts[0], p).orElseThrow(() -> SheetnetException.input("unknown activation \""
                    + parts[0] + "\"; known: " + String.join(", ", Activations.known())));
        } catch (NumberFormatException e) {
            throw SheetnetException.input("activation \"" + spec + "\": the parameter after ':' must be a number");
        } catch (IllegalArgumentException e) {
            throw SheetnetException.input("activation \"" + spec + "\": " + e.getMessage());
        }
    }
}
