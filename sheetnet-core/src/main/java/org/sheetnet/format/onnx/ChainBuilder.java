package org.sheetnet.format.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;
import org.sheetnet.format.onnx.proto.Onnx.NodeProto;
import org.sheetnet.format.onnx.proto.Onnx.TensorProto.DataType;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;

/**
 * Walks an ONNX graph from its data input to its output as a chain, one node after another, and folds
 * each node into what sheetnet has: a linear operation into the layer being assembled ({@link Affine}),
 * an activation closes that layer, a leading Sub/Div (Add/Mul) by constants becomes the Features sheet
 * ({@link LeadingScaling}), Identity/Dropout/Cast/Flatten/Reshape that change nothing per row pass.
 * Anything else, a branch, or a node off the chain is refused in one line naming the node.
 */
final class ChainBuilder {

    /** What became of one node, for the Source sheet. */
    record Note(String node, String op, String became) {
    }

    /**
     * The chain read.
     *
     * @param network  the layers
     * @param scaling  the leading scaling, if any
     * @param notes    what became of each node
     * @param dtype    the element type of the graph's input
     * @param input    the name of the graph's data input
     * @param output   the name of the graph output the chain ends at (the probabilities' ZipMap for a classifier)
     * @param classes  a classifier's class labels, else empty
     */
    record Result(Network network, Optional<LeadingScaling> scaling, List<Note> notes, DataType dtype, String input,
            String output,
            List<String> classes) {
    }

    /** The largest identity layer made for an operation with no layer before it: 2^24 weights (128 MiB). */
    static final long MAX_IDENTITY_WEIGHTS = 1L << 24;

    private final OnnxGraph graph;
    private final String file;
    private final long opset;
    private final InputShape input;
    private final List<Note> notes = new ArrayList<>();
    private final List<DenseLayer> layers = new ArrayList<>();
    private final Set<NodeProto> used = Collections.newSetFromMap(new IdentityHashMap<>());
    private final LeadingScaling scaling;
    private Affine pending;
    private int width;
    private int rank;

    private ChainBuilder(OnnxGraph graph) {
        this.graph = graph;
        this.file = graph.file().name();
        this.opset = graph.file().opset();
        this.input = InputShape.of(graph.input(), file);
        this.width = input.width();
        this.rank = input.rank();
        this.scaling = new LeadingScaling(width);
    }

    /**
     * Reads the graph as a chain of dense layers.
     *
     * @throws SheetnetException (MODEL) naming the node that cannot be represented
     */
    static Result build(OnnxGraph graph) {
        return new ChainBuilder(graph).walk();
    }

    private Result walk() {
        OperatorScope.refuseForeignOperators(graph);
        String current = graph.input().getName();
        Optional<LabelTail> tail = Optional.empty();
        while (true) {
            List<NodeProto> next = new ArrayList<>(graph.consumers(current));
            List<NodeProto> tailStarts = next.stream().filter(LabelTail::starts).toList();
            next.removeIf(LabelTail::starts);
            if (!tailStarts.isEmpty()) {
                if (!next.isEmpty()) {
                    throw refuse(next.get(0), "reads the class probabilities beside the label outputs");
                }
                tail = Optional.of(LabelTail.read(graph, current, tailStarts, width));
                used.addAll(tail.get().nodes());
                break;
            }
            if (next.isEmpty()) {
                break;
            }
            if (next.size() > 1) {
                throw SheetnetException.model(file + ": tensor \"" + current + "\" is read by " + next.size() + " nodes ("
                        + Attributes.describe(next.get(0)) + ", " + Attributes.describe(next.get(1))
                        + "); sheetnet imports a chain, each value read by the next node only");
            }
            if (graph.isOutput(current) && layers.size() + (pending == null ? 0 : 1) > 0) {
                throw SheetnetException.model(file + ": graph output \"" + current + "\" is also read by "
                        + Attributes.describe(next.get(0)) + "; sheetnet imports models with one output at the end");
            }
            NodeProto node = next.get(0);
            if (!used.add(node) || node.getOutputCount() == 0 || node.getOutput(0).isEmpty()) {
                throw refuse(node, node.getOutputCount() == 0 ? "has no output" : "is reached twice: the graph has a cycle");
            }
            current = apply(node);
        }
        if (tail.isEmpty() && !graph.isOutput(current)) {
            throw SheetnetException.model(file + ": the chain from input \"" + graph.input().getName() + "\" ends at \""
                    + current + "\", which is not an output of the graph");
        }
        OperatorScope.requireAllUsed(graph, used);
        return finish(current, tail);
    }

    private String apply(NodeProto node) {
        String op = node.getOpType();
        switch (op) {
            case "Identity" -> note(node, "passed on (no change)");
            case "Dropout" -> {
                PassThrough.dropout(graph, node);
                note(node, "passed on (Dropout does nothing at inference)");
            }
            case "Cast" -> {
                PassThrough.cast(graph, node);
                note(node, "passed on (sheetnet computes in double)");
            }
            case "Flatten", "Reshape" -> {
                rank = "Flatten".equals(op) ? PassThrough.flatten(graph, node, rank)
                        : PassThrough.reshape(graph, node, rank, width, input.fixedBatch());
                note(node, "passed on (one row of " + width + " values per sample)");
            }
            case "Gemm" -> gemm(node);
            case "MatMul" -> matMul(node);
            case "Add", "Sub", "Mul", "Div" -> arithmetic(node);
            case "BatchNormalization" -> batchNorm(node);
            case "Softmax", "LogSoftmax" -> softmax(node);
            case "Clip" -> clip(node);
            case "PRelu" -> activate(node, prelu(node));
            default -> activate(node, OnnxActivations.of(node, file)
                    .orElseThrow(() -> refuse(node, "is not an operation sheetnet imports")));
        }
        return node.getOutput(0);
    }

    private void gemm(NodeProto node) {
        requireDataFirst(node, "Gemm");
        Affine layer = DenseOps.gemm(graph, node, width);
        startLayer(layer);
        note(node, "layer " + (layers.size() + 1) + ": " + DenseOps.describeGemm(node));
    }

    private void matMul(NodeProto node) {
        requireDataFirst(node, "MatMul");
        if (rank > 2) {
            throw refuse(node, "multiplies a rank-" + rank + " tensor; sheetnet imports MatMul of one row per sample");
        }
        TensorData b = Operands.matrix(graph, node, 1, "B (the weights)");
        Operands.requireRows(graph, node, b, (int) b.dims()[0], width);
        int units = (int) b.dims()[1];
        startLayer(Affine.of(width, units, b.values().clone(), name(node)));
        note(node, "layer " + (layers.size() + 1) + ": W");
    }

    private void arithmetic(NodeProto node) {
        String op = node.getOpType();
        boolean dataFirst = graph.isConstant(node.getInput(1));
        int constant = dataFirst ? 1 : 0;
        if (!graph.isConstant(node.getInput(constant))) {
            throw refuse(node, "combines two computed values; sheetnet imports " + op + " by a constant");
        }
        TensorData t = graph.constant(node.getInput(constant)).orElseThrow();
        if (rank > 2 && t.size() != 1) {
            throw refuse(node, "broadcasts " + t.describeShape() + " over a rank-" + rank + " tensor");
        }
        double[] c = Operands.perUnit(graph, node, t, width, "constant");
        if (pending == null && layers.isEmpty() && scaling.accepts(op, dataFirst, c)) {
            note(node, "Features sheet: " + scaling.describeLast());
            return;
        }
        if (pending == null) {
            startLayer(identity(node));
        }
        switch (op) {
            case "Add" -> pending.add(c);
            case "Mul" -> pending.multiply(c);
            case "Sub" -> {
                if (dataFirst) {
                    pending.add(Operands.negate(c));
                } else {
                    pending.subtractFrom(c);
                }
            }
            default -> {
                if (!dataFirst) {
                    throw refuse(node, "divides a constant by the data, which is not linear");
                }
                pending.divide(c);
            }
        }
        note(node, "folded into layer " + (layers.size() + 1) + "'s weights and bias");
    }

    private void batchNorm(NodeProto node) {
        requireDataFirst(node, "BatchNormalization");
        if (rank > 2) {
            throw refuse(node, "normalises a rank-" + rank + " tensor by channel; sheetnet folds it over features only");
        }
        DenseOps.Normalization bn = DenseOps.batchNorm(graph, node, width);
        if (pending == null) {
            startLayer(identity(node));
        }
        // y = (a − mean) · s + B with s = scale / √(var + ε), folded into the layer's weights and bias
        pending.add(Operands.negate(bn.mean()));
        pending.multiply(bn.factor());
        pending.add(bn.shift());
        note(node, "folded into layer " + (layers.size() + 1) + ": W·s, (b − mean)·s + B with s = scale/√(var + "
                + bn.epsilon() + ")");
    }

    private void softmax(NodeProto node) {
        long axis = Attributes.integer(node, "axis", opset < 13 ? 1 : -1);
        if (axis < 0) {
            axis += rank;
        }
        // Before opset 13 the input is flattened to [d0·…·d(axis−1), rest]; from 13 on, the axis alone is normalised.
        boolean overRow = opset < 13 ? axis == Math.min(1, rank - 1) : axis == rank - 1 && rank <= 2;
        if (!overRow) {
            throw refuse(node, "normalises over axis " + axis + " of a rank-" + rank + " tensor (opset " + opset
                    + "); sheetnet's " + node.getOpType().toLowerCase(java.util.Locale.ROOT)
                    + " normalises over the features of one sample");
        }
        activate(node, Activations.of("Softmax".equals(node.getOpType()) ? "softmax" : "log_softmax"));
    }

    // Clip's bounds are inputs 1 and 2 from opset 11, attributes min and max before; either may be absent.
    private void clip(NodeProto node) {
        OptionalDouble min = clipBound(node, 1, "min");
        OptionalDouble max = clipBound(node, 2, "max");
        Optional<Activation> activation = OnnxActivations.clip(min, max, node, file);
        if (activation.isEmpty()) {
            note(node, "passed on (no bound)");
            return;
        }
        activate(node, activation.get());
    }

    // PRelu(x, slope) = x < 0 ? slope·x : x: leaky_relu when one slope serves every unit (PyTorch's nn.PReLU()).
    private Activation prelu(NodeProto node) {
        TensorData slope = graph.requireConstant(node, 1, "slope");
        if (slope.size() != 1) {
            throw refuse(node, "has " + slope.size() + " slopes (" + slope.describeShape() + "); sheetnet imports PRelu"
                    + " with one slope for every unit, as leaky_relu");
        }
        try {
            return Activations.find("leaky_relu", OptionalDouble.of(slope.values()[0])).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw refuse(node, "has the slope " + slope.values()[0] + ": " + e.getMessage());
        }
    }

    private OptionalDouble clipBound(NodeProto node, int input, String name) {
        if (node.getInputCount() > input && !node.getInput(input).isEmpty()) {
            TensorData t = graph.requireConstant(node, input, name);
            if (t.size() != 1) {
                throw refuse(node, "has a " + name + " of shape " + t.describeShape() + "; Clip's bounds are single numbers");
            }
            return OptionalDouble.of(t.values()[0]);
        }
        return Attributes.find(node, name).isPresent() ? OptionalDouble.of(Attributes.real(node, name, 0))
                : OptionalDouble.empty();
    }

    private void activate(NodeProto node, Activation activation) {
        if (pending == null) {
            startLayer(identity(node));
        }
        closeLayer(activation);
        note(node, "layer " + layers.size() + "'s activation: " + activation.describe());
    }

    /** The identity layer an operation with no layer before it is folded into; refused when it would be huge. */
    private Affine identity(NodeProto node) {
        if ((long) width * width > MAX_IDENTITY_WEIGHTS) {
            throw refuse(node, "has no layer before it, and an identity layer over " + width + " values would hold "
                    + (long) width * width + " weights (sheetnet makes at most " + MAX_IDENTITY_WEIGHTS + ")");
        }
        return Affine.identity(width, name(node));
    }

    private void startLayer(Affine affine) {
        if (pending != null) {
            closeLayer(Activations.of("linear"));
        }
        pending = affine;
        width = affine.out();
    }

    private void closeLayer(Activation activation) {
        int k = layers.size() + 1;
        if (!pending.isFinite()) {
            throw SheetnetException.model(file + ": layer " + k + " (from node \"" + pending.origin() + "\") has a weight"
                    + " or bias that is not a finite number");
        }
        List<String> units = new ArrayList<>();
        for (int j = 1; j <= pending.out(); j++) {
            units.add("dense_" + k + "_" + j);
        }
        layers.add(pending.toLayer("dense_" + k, activation, List.of(), units));
        width = activation.outputWidth(pending.out());
        pending = null;
    }

    private Result finish(String output, Optional<LabelTail> tail) {
        if (pending != null || layers.isEmpty()) {
            if (pending == null) {
                if ((long) width * width > MAX_IDENTITY_WEIGHTS) {
                    throw SheetnetException.model(file + ": the graph has no layer, and an identity layer over " + width
                            + " values would hold " + (long) width * width + " weights");
                }
                startLayer(Affine.identity(width, "output"));
            }
            closeLayer(Activations.of("linear"));
        }
        List<String> classes = tail.map(LabelTail::labels).orElse(List.of());
        List<String> outputs = !classes.isEmpty() ? classes
                : graph.metadataNames(OnnxExport.OUTPUT_NAMES, width).orElse(InputShape.names(output, width));
        List<String> inputs = graph.metadataNames(OnnxExport.INPUT_NAMES, input.width())
                .orElse(InputShape.names(graph.input().getName(), input.width()));
        List<DenseLayer> named = new ArrayList<>(layers);
        DenseLayer first = named.get(0);
        named.set(0, rename(first, inputs, named.size() == 1 ? outputs : first.unitNames()));
        if (named.size() > 1) {
            DenseLayer last = named.get(named.size() - 1);
            named.set(named.size() - 1, rename(last, last.inputNames(), outputs));
        }
        tail.ifPresent(t -> t.nodes().forEach(n -> notes.add(new Note(n.getName(), n.getOpType(),
                "left out: a label output (the labels name the output units)"))));
        return new Result(new Network(named), scaling.isEmpty() ? Optional.empty() : Optional.of(scaling),
                List.copyOf(notes), input.type(), graph.input().getName(), output, classes);
    }

    private static DenseLayer rename(DenseLayer layer, List<String> inputs, List<String> units) {
        return new DenseLayer(layer.name(), layer.weights(), layer.bias(), layer.activation(), inputs, units);
    }

    private void requireDataFirst(NodeProto node, String op) {
        if (node.getInputCount() < 2 || graph.isConstant(node.getInput(0))) {
            throw refuse(node, "the data must be " + op + "'s first input and the weights constant");
        }
    }

    private static String name(NodeProto node) {
        return node.getName();
    }

    private void note(NodeProto node, String became) {
        notes.add(new Note(node.getName(), node.getOpType(), became));
    }

    private SheetnetException refuse(NodeProto node, String why) {
        return Operands.refuse(graph, node, why);
    }
}
