package org.sheetnet.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activations;
import org.sheetnet.engine.ForwardPass;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Network;
import org.sheetnet.sink.OutputErrors;
import org.sheetnet.sink.OutputFolder;
import org.sheetnet.sink.OutputPolicy;

/**
 * Builds the example workbooks (the networks of the background articles) and the blank templates.
 * {@code sheetnet examples} runs it; a test checks that the committed files match what it builds.
 */
public final class ExampleWorkbooks {

    /** File names of the examples, in {@code workbooks/}. */
    public static final List<String> EXAMPLES = List.of("seed-2-3-2-2.xlsx", "seed-2-3-2-2-softmax.xlsx",
            "logic-gates.xlsx", "xor-perceptron.xlsx", "regression-4-20-10-1.xlsx", "sine-1-20-1.xlsx");

    /** File names of the templates, in {@code templates/}. */
    public static final List<String> TEMPLATES = List.of("model-template.xlsx", "inputs-template.xlsx");

    private ExampleWorkbooks() {
    }

    /**
     * Writes every example into {@code workbooks} and every template into {@code templates}, all put
     * in place together once complete; nothing else in those folders is touched.
     *
     * @param replace whether files of these names may be replaced ({@code --force}); a template may
     *                have been filled in, so without it nothing is written if any exists
     * @throws SheetnetException (OUTPUT) naming every file that exists, when {@code replace} is false
     */
    public static void writeAll(Path workbooks, Path templates, boolean replace) throws IOException {
        if (!replace) {
            requireAbsent(workbooks, templates);
        }
        OutputPolicy policy = OutputPolicy.of(replace);
        OutputFolder examples = OutputFolder.open(workbooks, policy);
        OutputFolder blanks = OutputFolder.open(templates, policy);
        try {
            seed(examples.file(EXAMPLES.get(0)).temporary(), "linear");
            seed(examples.file(EXAMPLES.get(1)).temporary(), "softmax");
            logicGates(examples.file(EXAMPLES.get(2)).temporary());
            xor(examples.file(EXAMPLES.get(3)).temporary());
            regression(examples.file(EXAMPLES.get(4)).temporary());
            sine(examples.file(EXAMPLES.get(5)).temporary());
            modelTemplate(blanks.file(TEMPLATES.get(0)).temporary());
            inputsTemplate(blanks.file(TEMPLATES.get(1)).temporary());
            OutputFolder.commitAll(List.of(examples, blanks));
        } catch (IOException e) {
            examples.discard();
            blanks.discard();
            throw OutputErrors.cannotWrite(workbooks, e);
        } catch (RuntimeException e) {
            examples.discard();
            blanks.discard();
            throw e;
        }
    }

    private static void requireAbsent(Path workbooks, Path templates) {
        List<String> existing = new ArrayList<>();
        EXAMPLES.stream().map(workbooks::resolve).filter(Files::exists).forEach(p -> existing.add(p.toString()));
        TEMPLATES.stream().map(templates::resolve).filter(Files::exists).forEach(p -> existing.add(p.toString()));
        if (!existing.isEmpty()) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, String.join(", ", existing)
                    + (existing.size() == 1 ? ": already exists" : ": already exist")
                    + "; nothing was written: give --force to replace " + (existing.size() == 1 ? "it" : "them")
                    + " (a template you filled in would be lost), or other folders with --workbooks and --templates");
        }
    }

    /** The 2→3→2→2 sigmoid network of the perceptron article, with its input [1.0, 0.5]. */
    static void seed(Path file, String outputActivation) throws IOException {
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(Blocks.modelHeader(),
                    Blocks.row("hidden1", "W1", "b1", "sigmoid"),
                    Blocks.row("hidden2", "W2", "b2", "sigmoid"),
                    Blocks.row("output", "W3", "b3", outputActivation)));
            w.sheet("W1", true, Blocks.weights(new double[][] {{0.1, 0.3, 0.5}, {0.2, 0.4, 0.6}},
                    List.of("x1", "x2"), List.of("a1_1", "a1_2", "a1_3")));
            w.sheet("b1", true, Blocks.bias(new double[] {0.1, 0.2, 0.3}, List.of("a1_1", "a1_2", "a1_3")));
            w.sheet("W2", true, Blocks.weights(new double[][] {{0.1, 0.4}, {0.2, 0.5}, {0.3, 0.6}},
                    null, List.of("a2_1", "a2_2")));
            w.sheet("b2", true, Blocks.bias(new double[] {0.1, 0.2}, List.of("a2_1", "a2_2")));
            w.sheet("W3", true, Blocks.weights(new double[][] {{0.1, 0.3}, {0.2, 0.4}}, null, List.of("y1", "y2")));
            w.sheet("b3", true, Blocks.bias(new double[] {0.1, 0.2}, List.of("y1", "y2")));
            w.sheet("Inputs", true, List.of(Blocks.row("case", "x1", "x2"),
                    Blocks.row("article", 1.0, 0.5), Blocks.row("origin", 0.0, 0.0), Blocks.row("negative", -1.0, -2.0)));
            w.save(file);
        }
    }

    /** AND, NAND and OR as one step layer of three perceptrons (weights and biases of the article). */
    static void logicGates(Path file) throws IOException {
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(Blocks.modelHeader(), Blocks.row("gates", "W1", "b1", "step")));
            w.sheet("W1", true, Blocks.weights(new double[][] {{0.5, -0.5, 0.5}, {0.5, -0.5, 0.5}},
                    List.of("x1", "x2"), List.of("AND", "NAND", "OR")));
            w.sheet("b1", true, Blocks.bias(new double[] {-0.7, 0.7, -0.2}, List.of("AND", "NAND", "OR")));
            w.sheet("Inputs", true, truthTable());
            w.save(file);
        }
    }

    /** XOR = AND(NAND(x1, x2), OR(x1, x2)): the two-layer perceptron of the article. */
    static void xor(Path file) throws IOException {
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(Blocks.modelHeader(),
                    Blocks.row("nand_or", "W1", "b1", "step"), Blocks.row("and", "W2", "b2", "step")));
            w.sheet("W1", true, Blocks.weights(new double[][] {{-0.5, 0.5}, {-0.5, 0.5}},
                    List.of("x1", "x2"), List.of("s1 (NAND)", "s2 (OR)")));
            w.sheet("b1", true, Blocks.bias(new double[] {0.7, -0.2}, List.of("s1 (NAND)", "s2 (OR)")));
            w.sheet("W2", true, Blocks.weights(new double[][] {{0.5}, {0.5}}, null, List.of("XOR")));
            w.sheet("b2", true, Blocks.bias(new double[] {-0.7}, List.of("XOR")));
            w.sheet("Inputs", true, truthTable());
            w.save(file);
        }
    }

    private static List<List<Object>> truthTable() {
        return List.of(Blocks.row("case", "x1", "x2"), Blocks.row("0,0", 0, 0), Blocks.row("1,0", 1, 0),
                Blocks.row("0,1", 0, 1), Blocks.row("1,1", 1, 1));
    }

    /**
     * A linear 4→20→10→1 regression in the layout of the Keras article, all parameters on one
     * {@code Params} sheet addressed by ranges, and inputs whose columns are in another order.
     * Data: t = 1.5·x1 − 2·x2 + 0.5·x3 + 3·x4 + 4 + noise; hidden layers random, output fitted.
     */
    static void regression(Path file) throws IOException {
        Random random = new Random(20261123L);
        int n = 200;
        double[][] x = new double[n][4];
        double[] t = new double[n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < 4; i++) {
                x[r][i] = Math.round(100 * 10 * random.nextDouble()) / 100.0;
            }
            t[r] = 1.5 * x[r][0] - 2 * x[r][1] + 0.5 * x[r][2] + 3 * x[r][3] + 4 + 0.25 * random.nextGaussian();
        }
        double[][] w1 = RandomFeatureFit.normal(random, 4, 20, 0.5);
        double[] b1 = RandomFeatureFit.uniform(random, 20, -1, 1);
        double[][] w2 = RandomFeatureFit.normal(random, 20, 10, 0.3);
        double[] b2 = RandomFeatureFit.uniform(random, 10, -1, 1);
        double[][] hidden = hidden(x, List.of(layer(w1, b1, "linear"), layer(w2, b2, "linear")));
        double[] fit = RandomFeatureFit.leastSquares(hidden, t);
        double[][] w3 = new double[10][1];
        for (int i = 0; i < 10; i++) {
            w3[i][0] = fit[i];
        }
        List<String> inputs = List.of("x1", "x2", "x3", "x4");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(Blocks.modelHeader(),
                    Blocks.row("dense", "Params!A2:U6", "Params!B8:U9", "linear"),
                    Blocks.row("dense_1", "Params!A12:K32", "Params!B34:K35", "linear"),
                    Blocks.row("dense_2", "Params!A38:B48", "Params!B50:B51", "linear")));
            w.sheetAt("Params", 0, 0, true, List.of(Blocks.row("W1 (4x20)")));
            w.sheetAt("Params", 1, 0, true, Blocks.weights(w1, inputs, Blocks.names("h", 20)));
            w.sheetAt("Params", 7, 1, true, Blocks.bias(b1, Blocks.names("h", 20)));
            w.sheetAt("Params", 10, 0, true, List.of(Blocks.row("W2 (20x10)")));
            w.sheetAt("Params", 11, 0, true, Blocks.weights(w2, Blocks.names("h", 20), Blocks.names("g", 10)));
            w.sheetAt("Params", 33, 1, true, Blocks.bias(b2, Blocks.names("g", 10)));
            w.sheetAt("Params", 36, 0, true, List.of(Blocks.row("W3 (10x1)")));
            w.sheetAt("Params", 37, 0, true, Blocks.weights(w3, Blocks.names("g", 10), List.of("y")));
            w.sheetAt("Params", 49, 1, true, Blocks.bias(new double[] {fit[10]}, List.of("y")));
            List<List<Object>> rows = new ArrayList<>();
            rows.add(Blocks.row("id", "x3", "x1", "x4", "x2", "target"));
            for (int r = 0; r < 8; r++) {
                rows.add(Blocks.row("row" + (r + 1), x[r][2], x[r][0], x[r][3], x[r][1], t[r]));
            }
            w.sheet("Inputs", true, rows);
            w.save(file);
        }
    }

    /** A 1→20→1 sigmoid/linear network fitted to sin(x) on 50 points of [−π, π], as in the sine article. */
    static void sine(Path file) throws IOException {
        Random random = new Random(4L);
        int n = 50;
        double[][] x = new double[n][1];
        double[] t = new double[n];
        for (int r = 0; r < n; r++) {
            x[r][0] = -Math.PI + 2 * Math.PI * r / (n - 1);
            t[r] = Math.sin(x[r][0]);
        }
        double[][] w1 = RandomFeatureFit.normal(random, 1, 20, 2.0);
        double[] b1 = RandomFeatureFit.uniform(random, 20, -4, 4);
        double[] fit = RandomFeatureFit.leastSquares(hidden(x, List.of(layer(w1, b1, "sigmoid"))), t);
        double[][] w2 = new double[20][1];
        for (int i = 0; i < 20; i++) {
            w2[i][0] = fit[i];
        }
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(Blocks.modelHeader(),
                    Blocks.row("hidden", "W1", "b1", "sigmoid"), Blocks.row("output", "W2", "b2", "linear")));
            w.sheet("W1", true, Blocks.weights(w1, List.of("x"), Blocks.names("h", 20)));
            w.sheet("b1", true, Blocks.bias(b1, Blocks.names("h", 20)));
            w.sheet("W2", true, Blocks.weights(w2, Blocks.names("h", 20), List.of("y")));
            w.sheet("b2", true, Blocks.bias(new double[] {fit[20]}, List.of("y")));
            List<List<Object>> rows = new ArrayList<>();
            rows.add(Blocks.row("x", "sin(x)"));
            for (int r = 0; r < n; r++) {
                rows.add(Blocks.row(x[r][0], t[r]));
            }
            w.sheet("Inputs", true, rows);
            w.save(file);
        }
    }

    static void modelTemplate(Path file) throws IOException {
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(Blocks.modelHeader(),
                    Blocks.row("hidden", "W1", "b1", "relu"), Blocks.row("output", "W2", "b2", "linear")));
            w.note("Model", 0, 0, "One row per Dense layer, in order. weights and bias name a sheet (W1) or a range"
                    + " (Params!B2:K5). activation: a Keras name (linear, relu, sigmoid, tanh, softmax, elu, ...)"
                    + " or step. alpha: the parameter of leaky_relu, elu, celu, ... (blank = Keras default).");
            for (String sheet : List.of("W1", "b1", "W2", "b2")) {
                w.sheet(sheet, false, List.of());
            }
            w.note("W1", 0, 0, "Weights: n_in rows x n_out columns, as Keras layer.get_weights()[0]. Optional: a"
                    + " header row of unit names, and a first column of input names (then inputs are matched by name).");
            w.note("b1", 0, 0, "Bias: n_out numbers in one row (or one column), optionally under a header row"
                    + " of unit names. Keras: layer.get_weights()[1].");
            w.note("W2", 0, 0, "Weights of layer 2: as many rows as layer 1 has units.");
            w.note("b2", 0, 0, "Bias of layer 2: one number per unit of layer 2.");
            w.sheet("Inputs", true, List.of(Blocks.row("id", "x1", "x2")));
            w.note("Inputs", 0, 0, "A header row, then one row per case. Text columns (like id) are copied to"
                    + " every output sheet.");
            w.save(file);
        }
    }

    static void inputsTemplate(Path file) throws IOException {
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Inputs", true, List.of(Blocks.row("id", "x1", "x2", "x3")));
            w.note("Inputs", 0, 0, "A header row, then one row per case. Use the input names of the model's first"
                    + " weights sheet as headers to match columns by name, in any order. Score with:"
                    + " sheetnet score MODEL.xlsx --input this-file.xlsx");
            w.save(file);
        }
    }

    private static DenseLayer layer(double[][] w, double[] b, String activation) {
        Matrix m = Matrix.of(w);
        return new DenseLayer("fit", m, b, Activations.of(activation), List.of(), Blocks.names("u", m.cols()));
    }

    private static double[][] hidden(double[][] x, List<DenseLayer> layers) {
        int n = x.length;
        int width = x[0].length;
        double[] flat = new double[n * width];
        for (int r = 0; r < n; r++) {
            System.arraycopy(x[r], 0, flat, r * width, width);
        }
        double[] act = ForwardPass.run(new Network(layers), flat, n).output().act();
        int m = layers.get(layers.size() - 1).outputWidth();
        double[][] h = new double[n][m];
        for (int r = 0; r < n; r++) {
            System.arraycopy(act, r * m, h[r], 0, m);
        }
        return h;
    }
}
