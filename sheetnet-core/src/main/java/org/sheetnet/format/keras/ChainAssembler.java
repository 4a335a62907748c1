package org.sheetnet.format.keras;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activation;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.FeatureScaling;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Network;

/**
 * Turns a chain of Keras layers into a sheetnet network: each Dense layer becomes a layer, and the
 * layers that need no weights at inference are folded in: InputLayer (names the inputs), Flatten
 * (of the input), Dropout and the other noise layers (identity at inference), Activation and the
 * advanced activation layers (the activation of the Dense layer before them), a Normalization layer
 * before the first Dense layer (the Features sheet, see {@link NormalizationLayer}) and a
 * BatchNormalization layer after a linear Dense layer (folded into it, see {@link BatchNormFold}).
 * Every other layer is refused with its name and type.
 */
final class ChainAssembler {

    /**
     * What became of one Keras layer, for the Source sheet.
     *
     * @param layer     the Keras layer's name
     * @param className its class
     * @param became    what sheetnet made of it
     */
    record Note(String layer, String className, String became) {
    }

    /**
     * The assembled network and a note per Keras layer.
     *
     * @param network  the network
     * @param notes    one per Keras layer of the chain, in order
     * @param features the inputs' preparation (the Features sheet) when a Normalization layer gives one
     */
    record Result(Network network, List<Note> notes, Optional<List<FeatureScaling>> features) {
    }

    /** Layers that are the identity at inference. */
    private static final Set<String> IDENTITY = Set.of("Dropout", "AlphaDropout", "GaussianDropout", "GaussianNoise",
            "ActivityRegularization");

    /** Layer classes handled here besides the activation layers. */
    private static final Set<String> SUPPORTED = Set.of("InputLayer", "Flatten", "Dense", "Activation", "Dropout",
            "AlphaDropout", "GaussianDropout", "GaussianNoise", "ActivityRegularization", "Normalization",
            "BatchNormalization");

    private final WeightStore weights;
    private final int kerasMajor;
    private final String file;
    private final List<Pending> dense = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();
    private Optional<int[]> inputShape;
    private String inputName = "";
    private boolean flattened;
    private NormalizationLayer normalization;
    private final Map<String, Integer> counts = new HashMap<>();

    /** A Dense layer being built; its activation may still be set by a following activation layer. */
    private static final class Pending {
        final LayerSpec spec;
        Tensor kernel;
        double[] bias;
        Activation activation;

        Pending(LayerSpec spec, Tensor kernel, double[] bias, Activation activation) {
            this.spec = spec;
            this.kernel = kernel;
            this.bias = bias;
            this.activation = activation;
        }

        int outputWidth(String where) {
            try {
                return activation.outputWidth(bias.length);
            } catch (IllegalArgumentException e) {
                throw SheetnetException.model(where + ": " + e.getMessage());
            }
        }
    }

    private ChainAssembler(WeightStore weights, int kerasMajor, String file, Optional<int[]> inputShape) {
        this.weights = weights;
        this.kerasMajor = kerasMajor;
        this.file = file;
        this.inputShape = inputShape;
    }

    /**
     * Assembles a network.
     *
     * @param model      the model's chain of layers
     * @param weights    where the Dense layers' weights are
     * @param kerasMajor the Keras version that wrote the file (1, 2 or 3), for activation definitions
     * @param file       the file's name, for messages
     * @throws SheetnetException (MODEL) naming the first layer that cannot be represented exactly
     */
    static Result assemble(ModelConfig model, WeightStore weights, int kerasMajor, String file) {
        ChainAssembler a = new ChainAssembler(weights, kerasMajor, file, model.inputShape());
        // Name an unsupported layer first: it is the real reason, whatever else is wrong around it.
        for (LayerSpec spec : model.chain()) {
            if (!SUPPORTED.contains(spec.className()) && !KerasActivations.LAYERS.contains(spec.className())) {
                throw unsupported(spec, file);
            }
        }
        for (int i = 0; i < model.chain().size(); i++) {
            a.add(model.chain().get(i), i);
        }
        if (a.dense.isEmpty()) {
            throw SheetnetException.model(file + ": the model has no Dense layer; sheetnet runs chains of Dense layers");
        }
        Network network = a.network();
        Optional<List<FeatureScaling>> features = Optional.ofNullable(a.normalization).map(n -> n.features(
                network.inputNames(), file + ": layer " + n.spec().describe()));
        return new Result(network, List.copyOf(a.notes), features);
    }

    private void add(LayerSpec spec, int position) {
        String where = file + ": layer " + spec.describe();
        String type = spec.className();
        // Keras 3 names a layer's weights group after its class and its count among the layers of that class.
        int index = counts.merge(type, 1, Integer::sum) - 1;
        if (type.equals("InputLayer")) {
            if (position != 0) {
                throw SheetnetException.model(where + ": an input layer inside the chain");
            }
            inputName = spec.name();
            note(spec, "the input" + inputShape.map(s -> " of shape " + shape(s)).orElse(""));
        } else if (IDENTITY.contains(type)) {
            note(spec, "left out: the identity at inference");
        } else if (type.equals("Flatten")) {
            flatten(spec, where);
        } else if (type.equals("Dense")) {
            dense(spec, where);
        } else if (type.equals("Normalization")) {
            normalization(spec, index, where);
        } else if (type.equals("BatchNormalization")) {
            batchNormalization(spec, index, where);
        } else if (type.equals("Activation")) {
            fold(spec, KerasActivations.named(activationName(spec, where), kerasMajor, where), where);
        } else if (KerasActivations.LAYERS.contains(type)) {
            fold(spec, KerasActivations.layer(spec, kerasMajor, where), where);
        } else {
            throw unsupported(spec, file);
        }
    }

    private static SheetnetException unsupported(LayerSpec spec, String file) {
        return SheetnetException.model(file + ": layer " + spec.describe() + ": " + spec.className()
                + " layers cannot be imported; sheetnet runs chains of Dense layers (with InputLayer, Flatten,"
                + " Dropout, Activation, ReLU, LeakyReLU, ELU and Softmax layers folded in, a Normalization layer"
                + " before the first Dense layer as the Features sheet, and a BatchNormalization layer after a"
                + " linear Dense layer folded into it)");
    }

    private void flatten(LayerSpec spec, String where) {
        boolean multi = inputShape.map(s -> s.length > 1).orElse(false);
        if (!dense.isEmpty() || !multi) {
            note(spec, "left out: a row is already flat");
            return;
        }
        if ("channels_first".equals(spec.config().path("data_format").asText(""))) {
            throw SheetnetException.model(where + ": Flatten with data_format channels_first reorders the inputs;"
                    + " sheetnet reads them in row-major order");
        }
        flattened = true;
        note(spec, "the input's " + shape(inputShape.get()) + " values, read in row-major order");
    }

    private void dense(LayerSpec spec, String where) {
        if (dense.isEmpty() && inputShape.map(s -> s.length > 1).orElse(false) && !flattened) {
            throw SheetnetException.model(where + ": applied to inputs of shape " + shape(inputShape.get())
                    + " without Flatten; sheetnet takes one row of numbers per case");
        }
        int units = spec.config().has("units") ? spec.config().path("units").asInt() : spec.config().path("output_dim").asInt();
        // Keras 1 called use_bias "bias".
        boolean useBias = spec.config().path("use_bias").asBoolean(spec.config().path("bias").asBoolean(true));
        Activation activation = KerasActivations.named(activationName(spec, where), kerasMajor, where);
        List<Tensor> tensors = weights.weights(spec, dense.size());
        Tensor kernel = DenseWeights.kernel(tensors, units, where);
        double[] bias = DenseWeights.bias(tensors, units, useBias, where);
        int inputs = kernel.shape()[0];
        if (!dense.isEmpty()) {
            Pending last = dense.get(dense.size() - 1);
            int width = last.outputWidth(file + ": layer " + last.spec.describe());
            if (width != inputs) {
                throw SheetnetException.model(where + ": its kernel has " + inputs + " rows, but "
                        + last.spec.describe() + " gives " + width + " outputs");
            }
        } else if (inputShape.isPresent() && product(inputShape.get()) != inputs) {
            throw SheetnetException.model(where + ": its kernel has " + inputs + " rows, but the input has shape "
                    + shape(inputShape.get()));
        }
        dense.add(new Pending(spec, kernel, bias, activation));
        note(spec, "layer " + dense.size() + " (W" + dense.size() + ", b" + dense.size() + "): kernel "
                + kernel.path() + " " + kernel.dtype() + " " + kernel.describeShape()
                + (useBias ? ", bias " + tensors.get(1).path() : ", no bias (zeros)")
                + ", activation " + activation.describe());
    }

    private void normalization(LayerSpec spec, int index, String where) {
        if (!dense.isEmpty()) {
            throw SheetnetException.model(where + ": a Normalization layer after a Dense layer; sheetnet maps"
                    + " Normalization to the Features sheet, which prepares the inputs of layer 1 only");
        }
        if (normalization != null) {
            throw SheetnetException.model(where + ": a second Normalization layer (after "
                    + normalization.spec().describe() + "); sheetnet maps one to the Features sheet");
        }
        if (inputShape.map(s -> s.length > 1).orElse(false) && !flattened) {
            throw SheetnetException.model(where + ": normalizes inputs of shape " + shape(inputShape.get())
                    + "; sheetnet maps per-feature normalization over the last axis of a flat input only");
        }
        normalization = NormalizationLayer.read(spec, weights, index, where);
        int clamped = normalization.clamped();
        note(spec, "the Features sheet: offset = mean, scale = max(√variance, ε) with ε = 1e-7 (Keras's"
                + " epsilon(), as float32 " + NormalizationLayer.EPSILON + "); x' = (x − offset) / scale before layer 1; "
                + normalization.origin() + (clamped > 0 ? "; " + clamped + " variance(s) below ε², divided by ε" : ""));
    }

    private void batchNormalization(LayerSpec spec, int index, String where) {
        if (dense.isEmpty()) {
            throw SheetnetException.model(where + ": a BatchNormalization layer before the first Dense layer;"
                    + " sheetnet folds BatchNormalization into the linear Dense layer before it only");
        }
        Pending last = dense.get(dense.size() - 1);
        if (!last.activation.name().equals("linear")) {
            throw SheetnetException.model(where + ": follows " + last.spec.describe() + ", whose activation is "
                    + last.activation.describe() + "; sheetnet folds BatchNormalization exactly only into a Dense"
                    + " layer with linear activation (the activation may follow the BatchNormalization layer)");
        }
        int units = last.bias.length;
        BatchNormFold.Factors f = BatchNormFold.read(spec, weights, index, units, where);
        last.kernel = new Tensor(last.kernel.path(), last.kernel.shape(),
                BatchNormFold.kernel(last.kernel.values(), units, f), last.kernel.dtype());
        last.bias = BatchNormFold.bias(last.bias, f);
        int k = dense.size();
        note(spec, "folded into " + last.spec.name() + " (layer " + k + ") in double: W" + k + " column j × s_j, b" + k
                + " = (b − moving_mean)·s + β, s = γ / √(moving_variance + ε); " + f.note());
    }

    private void fold(LayerSpec spec, Activation activation, String where) {
        if (dense.isEmpty()) {
            throw SheetnetException.model(where + ": an activation before the first Dense layer; sheetnet applies"
                    + " activations after a Dense layer only");
        }
        Pending last = dense.get(dense.size() - 1);
        if (activation.name().equals("linear")) {
            note(spec, "left out: linear");
            return;
        }
        if (!last.activation.name().equals("linear")) {
            throw SheetnetException.model(where + ": applies " + activation.describe() + " after "
                    + last.spec.describe() + ", whose activation is already " + last.activation.describe()
                    + "; sheetnet applies one activation per layer");
        }
        last.activation = activation;
        last.outputWidth(where);
        note(spec, "the activation of " + last.spec.name() + " (layer " + dense.size() + "): " + activation.describe());
    }

    private Network network() {
        List<DenseLayer> layers = new ArrayList<>();
        List<String> inputs = InputNames.of(inputName, dense.get(0).kernel.shape()[0]);
        for (Pending p : dense) {
            List<String> units = new ArrayList<>(p.bias.length);
            for (int j = 1; j <= p.bias.length; j++) {
                units.add(p.spec.name() + "_" + j);
            }
            Matrix w = new Matrix(p.kernel.shape()[0], p.kernel.shape()[1], p.kernel.values());
            DenseLayer layer = new DenseLayer(p.spec.name(), w, p.bias, p.activation, inputs, units);
            layers.add(layer);
            inputs = layer.outputNames();
        }
        return new Network(layers);
    }

    // Built-in activations are stored by name; anything else (a serialized custom function) is refused.
    private static String activationName(LayerSpec spec, String where) {
        var node = spec.config().path("activation");
        if (node.isMissingNode() || node.isNull() || node.isTextual()) {
            return node.isTextual() ? node.asText() : null;
        }
        throw SheetnetException.model(where + ": its activation is stored as " + node + ", not as the name of a"
                + " built-in Keras activation");
    }

    private void note(LayerSpec spec, String became) {
        notes.add(new Note(spec.name(), spec.className(), became));
    }

    private static int product(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    private static String shape(int[] s) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) {
            b.append(i > 0 ? ", " : "").append(s[i]);
        }
        return b.append(s.length == 1 ? ",)" : ")").toString();
    }
}
