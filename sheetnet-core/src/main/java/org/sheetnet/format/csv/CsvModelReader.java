package org.sheetnet.format.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;
import org.sheetnet.input.CsvSettings;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;
import org.sheetnet.model.Provenance;

/**
 * Reads a model from a CSV parameter folder (see {@link CsvModelFolder}). Every problem is
 * reported with the file, line and column at fault.
 */
public final class CsvModelReader {

    private CsvModelReader() {
    }

    /**
     * Reads {@code model.csv} and the files it names.
     *
     * @param dir the folder
     * @return the model: its layers, and the preparation of {@code features.csv} and check vectors of
     *         {@code checks.csv} when the folder has them
     * @throws SheetnetException (FILE) if a file is missing or unreadable, (MODEL) if the layer table or a
     *                           parameter file is malformed or the layers do not chain
     */
    public static Model read(Path dir) {
        return read(dir, CsvSettings.DETECT, howRead -> { });
    }

    /**
     * Reads {@code model.csv} and the files it names, in the dialect given (the rest detected: a folder
     * saved by a German Excel has semicolons and decimal commas).
     *
     * @param settings what the user said about the files' separator and numbers
     * @param howRead  told how the files were read (encoding, separator, decimal mark), once all are
     * @throws SheetnetException as {@link #read(Path)}, and (MODEL) if a number reads two ways or
     *                           contradicts the folder's decimal mark
     */
    public static Model read(Path dir, CsvSettings settings, Consumer<String> howRead) {
        if (!Files.isDirectory(dir)) {
            throw SheetnetException.file(dir + ": not a folder; give the folder holding model.csv", null);
        }
        FolderReading folder = new FolderReading(settings);
        CsvTable table = folder.read(dir.resolve(CsvModelFolder.MODEL));
        requireHeader(table);
        if (table.records().size() < 2) {
            throw SheetnetException.model(table.at(1) + ": no layers; list one Dense layer per line");
        }
        List<DenseLayer> layers = new ArrayList<>();
        for (int r = 1; r < table.records().size(); r++) {
            layers.add(layer(dir, table, r, layers, folder));
        }
        Network network = new Network(layers);
        Model model = new Model(network, CsvExtras.readFeatures(dir, network, folder), Optional.empty(),
                new Provenance(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString(), ""));
        Model checked = model.withChecks(CsvExtras.readChecks(dir, model, settings));
        howRead.accept(folder.describe());
        return checked;
    }

    /**
     * The files {@link #read} reads: {@code model.csv} and the parameter files it names, for an output
     * that must not be one of them. Names that {@code read} would refuse are left out.
     *
     * @param dir the folder
     * @throws SheetnetException (FILE) if {@code model.csv} cannot be read
     */
    public static List<Path> files(Path dir) {
        return files(dir, CsvSettings.DETECT);
    }

    /**
     * The files {@link #read(Path, CsvSettings, Consumer)} reads, as {@link #files(Path)}.
     *
     * @param settings what the user said about the files' separator and numbers
     */
    public static List<Path> files(Path dir, CsvSettings settings) {
        List<Path> files = new ArrayList<>(List.of(dir.resolve(CsvModelFolder.MODEL), dir.resolve(CsvExtras.FEATURES),
                dir.resolve(CsvExtras.CHECKS)));
        CsvTable table = new FolderReading(settings).read(dir.resolve(CsvModelFolder.MODEL));
        for (int r = 1; r < table.records().size(); r++) {
            for (int column = 1; column <= 2; column++) {
                try {
                    files.add(parameterFile(dir, table, r, column));
                } catch (SheetnetException e) {
                    // read() reports it.
                }
            }
        }
        return files;
    }

    private static void requireHeader(CsvTable table) {
        List<String> header = table.records().isEmpty() ? List.of() : table.records().get(0);
        List<String> lower = header.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        if (lower.size() < 4 || lower.size() > CsvModelFolder.COLUMNS.size()
                || !lower.equals(CsvModelFolder.COLUMNS.subList(0, lower.size()))) {
            throw SheetnetException.model(table.at(0) + ": the header is " + header + "; expected "
                    + String.join(",", CsvModelFolder.COLUMNS));
        }
    }

    private static DenseLayer layer(Path dir, CsvTable table, int r, List<DenseLayer> previous, FolderReading folder) {
        List<String> row = table.records().get(r);
        String name = field(row, 0);
        if (name.isBlank()) {
            throw SheetnetException.model(table.at(r, 0) + ": the layer has no name");
        }
        CsvTable w = folder.read(parameterFile(dir, table, r, 1));
        CsvTable b = folder.read(parameterFile(dir, table, r, 2));
        Activation activation = activation(table, r);
        WeightsBlock weights = WeightsBlock.read(w);
        double[] bias = bias(b, weights.unitNames());
        String at = table.at(r) + " (" + name + "): ";
        if (!previous.isEmpty()) {
            DenseLayer last = previous.get(previous.size() - 1);
            if (weights.matrix().rows() != last.outputWidth()) {
                throw SheetnetException.model(at + w.file().getFileName() + " has " + weights.matrix().rows()
                        + " rows of weights, but layer " + previous.size() + " (" + last.name() + ") has "
                        + last.outputWidth() + " outputs");
            }
        }
        try {
            activation.outputWidth(weights.matrix().cols());
            return new DenseLayer(name, weights.matrix(), bias, activation, weights.inputNames(), weights.unitNames());
        } catch (IllegalArgumentException e) {
            throw SheetnetException.model(at + e.getMessage());
        }
    }

    // A parameter file is named relative to the folder and must stay inside it.
    private static Path parameterFile(Path dir, CsvTable table, int r, int column) {
        String name = field(table.records().get(r), column).trim();
        Path file = dir.resolve(name).normalize();
        if (name.isEmpty() || !file.startsWith(dir.normalize()) || file.equals(dir.normalize())) {
            throw SheetnetException.model(table.at(r, column) + ": \"" + name
                    + "\" is not the name of a file in " + dir);
        }
        return file;
    }

    private static Activation activation(CsvTable table, int r) {
        List<String> row = table.records().get(r);
        String name = field(row, 3);
        String alphaText = field(row, 4);
        OptionalDouble alpha = OptionalDouble.empty();
        if (!alphaText.isBlank()) {
            alpha = OptionalDouble.of(table.number(r, 4));
        }
        try {
            return Activations.find(name, alpha).orElseThrow(() -> SheetnetException.model(table.at(r, 3)
                    + ": unknown activation \"" + name + "\"; known: " + String.join(", ", Activations.known())));
        } catch (IllegalArgumentException e) {
            throw SheetnetException.model(table.at(r, 3) + ": " + e.getMessage());
        }
    }

    private static double[] bias(CsvTable b, List<String> units) {
        List<List<String>> records = b.records();
        if (records.size() != 2) {
            throw SheetnetException.model(b.file().getFileName() + ": has " + records.size()
                    + " lines; a bias file has a header of unit names and one line of numbers");
        }
        if (!records.get(0).equals(units)) {
            throw SheetnetException.model(b.at(0) + ": the unit names " + records.get(0)
                    + " differ from the weights' " + units);
        }
        if (records.get(1).size() != units.size()) {
            throw SheetnetException.model(b.at(1) + ": " + records.get(1).size() + " numbers for "
                    + units.size() + " units");
        }
        double[] bias = new double[units.size()];
        for (int j = 0; j < bias.length; j++) {
            bias[j] = b.number(1, j);
        }
        return bias;
    }

    static String field(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }

    /** A weights file read into a matrix, with its unit names and (optional) input names. */
    private record WeightsBlock(Matrix matrix, List<String> unitNames, List<String> inputNames) {

        static WeightsBlock read(CsvTable w) {
            List<List<String>> records = w.records();
            if (records.size() < 2) {
                throw SheetnetException.model(w.file().getFileName()
                        + ": a weights file has a header of unit names and one line per input");
            }
            List<String> header = records.get(0);
            // An empty first header cell marks a first column of input names.
            boolean named = header.size() > 1 && header.get(0).isEmpty();
            int c0 = named ? 1 : 0;
            List<String> units = header.subList(c0, header.size());
            for (int j = 0; j < units.size(); j++) {
                if (units.get(j).isBlank()) {
                    throw SheetnetException.model(w.at(0, c0 + j) + ": a unit without a name");
                }
            }
            int rows = records.size() - 1;
            double[] data = new double[rows * units.size()];
            List<String> inputs = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                List<String> record = records.get(i + 1);
                if (record.size() != header.size()) {
                    throw SheetnetException.model(w.at(i + 1) + ": " + record.size() + " fields, but the header has "
                            + header.size());
                }
                if (named) {
                    inputs.add(record.get(0));
                }
                for (int j = 0; j < units.size(); j++) {
                    data[i * units.size() + j] = w.number(i + 1, c0 + j);
                }
            }
            return new WeightsBlock(new Matrix(rows, units.size(), data), List.copyOf(units), inputs);
        }
    }
}
