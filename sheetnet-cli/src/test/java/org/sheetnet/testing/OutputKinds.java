package org.sheetnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One workbook of every kind sheetnet writes, made by its command line into a folder: score (values,
 * formulas, with regression and class targets), train (regression and classes), import-keras, and
 * the examples and templates. For tests that check every output alike (schemas, pictures).
 */
public final class OutputKinds {

    /** score, values only. */
    public static final String SCORE = "score.xlsx";
    /** score --formulas. */
    public static final String FORMULAS = "score-formulas.xlsx";
    /** score --target on a regression: Evaluation with a predicted-vs-true scatter. */
    public static final String SCORE_REGRESSION = "score-target-regression.xlsx";
    /** score --target on a classifier: Evaluation with a shaded confusion matrix. */
    public static final String SCORE_CLASSES = "score-target-classes.xlsx";
    /** train on a regression: Training history and Validation charts. */
    public static final String TRAIN_REGRESSION = "train-regression.xlsx";
    /** train on classes: Training history chart and a shaded Confusion sheet. */
    public static final String TRAIN_CLASSES = "train-classes.xlsx";
    /** import-keras of a Keras 3 model. */
    public static final String KERAS = "import-keras.xlsx";

    private OutputKinds() {
    }

    /**
     * Writes every kind into {@code dir}.
     *
     * @return each output by its name above, then the examples and templates by file name
     */
    public static Map<String, Path> write(Path dir) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        run(out, dir, SCORE, "score", "workbooks/seed-2-3-2-2.xlsx");
        run(out, dir, FORMULAS, "score", "workbooks/seed-2-3-2-2-softmax.xlsx", "--formulas");
        out.putAll(charted(dir));
        run(out, dir, KERAS, "import-keras", "sheetnet-core/src/test/resources/keras-real/keras3/student_pass_fail.keras");
        Path examples = dir.resolve("examples");
        assertEquals(0, Cli.run("examples", "--workbooks", examples.resolve("workbooks").toString(), "--templates",
                examples.resolve("templates").toString()).exit(), "sheetnet examples");
        try (Stream<Path> files = Files.walk(examples)) {
            files.filter(p -> p.toString().endsWith(".xlsx")).sorted()
                    .forEach(p -> out.put("examples/" + p.getFileName(), p));
        }
        return out;
    }

    /**
     * Writes the kinds that hold charts or a shaded confusion matrix into {@code dir}: score --target
     * (regression, classes) and train (regression, classes).
     *
     * @return each output by its name
     */
    public static Map<String, Path> charted(Path dir) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        run(out, dir, SCORE_REGRESSION, "score", "workbooks/sine-1-20-1.xlsx", "--target", "sin(x)");
        Path labels = Files.writeString(dir.resolve("labels.csv"),
                "case,x1,x2,label\narticle,1,0.5,y2\norigin,0,0,y1\nnegative,-1,-2,y2\nfar,3,-1,y1\n");
        run(out, dir, SCORE_CLASSES, "score", "workbooks/seed-2-3-2-2-softmax.xlsx", "--input", labels.toString(),
                "--target", "label");
        run(out, dir, TRAIN_REGRESSION, "train", sine(dir).toString(), "--layers", "1,8,1", "--epochs", "60",
                "--seed", "1", "--validation-split", "0.25", "--optimizer", "adam", "--lr", "0.02");
        run(out, dir, TRAIN_CLASSES, "train", "workbooks/iris.csv", "--epochs", "30", "--seed", "1", "--standardize",
                "--optimizer", "adam", "--lr", "0.05", "--validation-split", "0");
        return out;
    }

    /** Deletes a folder written by {@link #write}, with everything in it; nothing when null. */
    public static void delete(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private static void run(Map<String, Path> out, Path dir, String name, String... args) {
        Path target = dir.resolve(name);
        // import-keras prints one line and has no --quiet.
        Stream<String> quiet = args[0].equals("import-keras") ? Stream.of() : Stream.of("-q");
        String[] all = Stream.concat(Stream.concat(Stream.of(args), Stream.of("-o", target.toString())), quiet)
                .toArray(String[]::new);
        Cli.Run run = Cli.run(all);
        assertEquals(0, run.exit(), "sheetnet " + String.join(" ", all) + ": " + run.stderr());
        out.put(name, target);
    }

    // y = sin(x) on 80 points of [-3, 3], in order: the last quarter is held out.
    private static Path sine(Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("x,y\n");
        for (int i = 0; i < 80; i++) {
            double x = -3 + 6.0 * i / 79;
            csv.append(String.format(Locale.ROOT, "%.6f,%.6f%n", x, Math.sin(x)));
        }
        return Files.writeString(dir.resolve("sine.csv"), csv);
    }
}
