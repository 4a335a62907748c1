package org.sheetnet.format.csv;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import org.sheetnet.SheetnetException;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;
import org.sheetnet.format.workbook.ModelWorkbookWriter;
import org.sheetnet.sink.OutputErrors;
import org.sheetnet.sink.OutputFolder;
import org.sheetnet.sink.OutputPolicy;
import org.sheetnet.sink.SafeOutputFile;

/**
 * Writes a model as a CSV parameter folder (see {@link CsvModelFolder}), every number with
 * {@link Double#toString(double)} so that it reads back bit-identical. Each file is written to a
 * temporary file; they are put in place together when all are complete.
 */
public final class CsvModelWriter {

    private CsvModelWriter() {
    }

    /**
     * Writes {@code model.csv}, {@code Wk.csv} and {@code bk.csv} into a folder, creating it if needed.
     *
     * @param model   the model: its layers, and its preparation and check vectors when it has them
     * @param dir     the folder
     * @param replace whether existing files of these names may be replaced
     * @return the files written, {@code model.csv} last
     * @throws SheetnetException (OUTPUT) if a file exists and may not be replaced, or cannot be written
     */
    public static List<Path> write(Model model, Path dir, boolean replace) {
        return write(model, dir, OutputPolicy.of(replace));
    }

    /**
     * Writes the folder under an output policy: only files of these names are created or replaced,
     * all together when every one is complete, and none of them may be one of the policy's inputs.
     *
     * @throws SheetnetException (OUTPUT) if a file exists and may not be replaced, is an input, or cannot be written
     */
    public static List<Path> write(Model model, Path dir, OutputPolicy policy) {
        Network network = model.network();
        List<String> names = new ArrayList<>();
        for (int k = 1; k <= network.depth(); k++) {
            names.add(CsvModelFolder.weightsFile(k));
            names.add(CsvModelFolder.biasFile(k));
        }
        model.preparation().ifPresent(p -> names.add(CsvExtras.FEATURES));
        model.checks().ifPresent(c -> names.add(CsvExtras.CHECKS));
        names.add(CsvModelFolder.MODEL);
        if (!policy.replace()) {
            requireAbsent(dir, names);
        }
        // A features.csv or checks.csv of an earlier export would be read back as part of this model.
        requireAbsent(dir, List.of(CsvExtras.FEATURES, CsvExtras.CHECKS).stream().filter(n -> !names.contains(n)).toList(),
                "; it belongs to another model: remove it, or write to another folder");
        OutputFolder folder = OutputFolder.open(dir, policy);
        try {
            for (int k = 1; k <= network.depth(); k++) {
                DenseLayer layer = network.layers().get(k - 1);
                write(folder.file(names.get(2 * k - 2)), weightRows(layer));
                write(folder.file(names.get(2 * k - 1)), biasRows(layer));
            }
            if (model.preparation().isPresent()) {
                write(folder.file(CsvExtras.FEATURES), CsvExtras.featureRows(model.preparation().get()));
            }
            if (model.checks().isPresent()) {
                write(folder.file(CsvExtras.CHECKS), CsvExtras.checkRows(model, model.checks().get()));
            }
            write(folder.file(CsvModelFolder.MODEL), modelRows(network));
            folder.commit();
        } catch (RuntimeException e) {
            folder.discard();
            throw e;
        }
        return names.stream().map(dir::resolve).toList();
    }

    private static void requireAbsent(Path dir, List<String> names) {
        requireAbsent(dir, names, "; give --force to replace it, or another folder");
    }

    private static void requireAbsent(Path dir, List<String> names, String advice) {
        for (String name : names) {
            Path t = dir.resolve(name);
            if (Files.exists(t, LinkOption.NOFOLLOW_LINKS)) {
                throw new SheetnetException(SheetnetException.Problem.OUTPUT, t + ": already exists" + advice);
            }
        }
    }

    private static List<List<String>> modelRows(Network network) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(CsvModelFolder.COLUMNS);
        for (int k = 1; k <= network.depth(); k++) {
            DenseLayer layer = network.layers().get(k - 1);
            var alpha = ModelWorkbookWriter.alpha(layer.activation());
            rows.add(List.of(layer.name(), CsvModelFolder.weightsFile(k), CsvModelFolder.biasFile(k),
                    layer.activation().name(), alpha.isPresent() ? CsvNumbers.format(alpha.getAsDouble()) : ""));
        }
        return rows;
    }

    private static List<List<String>> weightRows(DenseLayer layer) {
        boolean named = !layer.inputNames().isEmpty();
        List<List<String>> rows = new ArrayList<>(layer.inputWidth() + 1);
        List<String> header = new ArrayList<>();
        if (named) {
            header.add("");
        }
        header.addAll(layer.unitNames());
        rows.add(header);
        for (int i = 0; i < layer.inputWidth(); i++) {
            List<String> row = new ArrayList<>(layer.units() + 1);
            if (named) {
                row.add(layer.inputNames().get(i));
            }
            for (int j = 0; j < layer.units(); j++) {
                row.add(CsvNumbers.format(layer.weights().get(i, j)));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> biasRows(DenseLayer layer) {
        List<String> values = new ArrayList<>(layer.units());
        for (double b : layer.bias()) {
            values.add(CsvNumbers.format(b));
        }
        return List.of(layer.unitNames(), values);
    }

    private static void write(SafeOutputFile out, List<List<String>> rows) {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(out.open(), StandardCharsets.UTF_8));
                CSVPrinter printer = new CSVPrinter(w, CsvModelFolder.FORMAT)) {
            printer.printRecords(rows);
        } catch (IOException e) {
            throw OutputErrors.cannotWrite(out.shown(), e);
        }
    }
}
