package org.sheetnet.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.sheetnet.examples.SheetWriter;

/**
 * The smallest model worth scoring, written by the tests that need one: 2 inputs, a sigmoid layer
 * of 2 units, a linear output y. W1 = [[0.1, 0.2], [0.3, 0.4]], b1 = [0.1, 0.2], W2 = [[0.5], [0.6]],
 * b2 = [0.1]. And the smallest linear model, y = 2·a + 3·b − 1 ({@link #writeLinear}).
 */
public final class TinyModel {

    private TinyModel() {
    }

    /** A row of cells. */
    public static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /**
     * Writes the model.
     *
     * @param file   the .xlsx to write
     * @param named  whether W1 names its inputs x1, x2 (matched by name) or not (matched by position)
     * @param inputs the Inputs sheet's rows, or null for none
     */
    public static Path write(Path file, boolean named, List<List<Object>> inputs) throws IOException {
        return write(file, named, inputs, w -> { });
    }

    /**
     * Writes the model, then lets {@code tweak} change it (add a sheet, break a cell) before it is saved.
     *
     * @param file   the .xlsx to write
     * @param named  whether W1 names its inputs x1, x2 (matched by name) or not (matched by position)
     * @param inputs the Inputs sheet's rows, or null for none
     * @param tweak  what to change
     */
    public static Path write(Path file, boolean named, List<List<Object>> inputs, Consumer<SheetWriter> tweak)
            throws IOException {
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(row("layer", "weights", "bias", "activation", "alpha"),
                    row("hidden", "W1", "b1", "sigmoid"),
                    row("output", "W2", "b2", "linear")));
            w.sheet("W1", true, named
                    ? List.of(row("input", "h1", "h2"), row("x1", 0.1, 0.2), row("x2", 0.3, 0.4))
                    : List.of(row("h1", "h2"), row(0.1, 0.2), row(0.3, 0.4)));
            w.sheet("b1", true, List.of(row("h1", "h2"), row(0.1, 0.2)));
            w.sheet("W2", true, List.of(row("y"), row(0.5), row(0.6)));
            w.sheet("b2", true, List.of(row("y"), row(0.1)));
            if (inputs != null) {
                w.sheet("Inputs", true, inputs);
            }
            tweak.accept(w);
            w.save(file);
        }
        return file;
    }

    /**
     * Writes the smallest linear model, y = 2·a + 3·b − 1 (one linear unit; W1 names its inputs a and b,
     * b1 is one bare number), then lets {@code moreSheets} add Inputs, Checks or others.
     *
     * @param file       the .xlsx to write
     * @param moreSheets adds the sheets after Model, W1 and b1
     */
    public static Path writeLinear(Path file, Consumer<SheetWriter> moreSheets) throws IOException {
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(List.of("layer", "weights", "bias", "activation"),
                    List.of("out", "W1", "b1", "linear")));
            w.sheet("W1", false, List.of(Arrays.asList(null, "y"), List.of("a", 2), List.of("b", 3)));
            w.sheet("b1", false, List.of(List.of(-1)));
            moreSheets.accept(w);
            w.save(file);
        }
        return file;
    }
}
