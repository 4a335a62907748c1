package org.sheetnet.format.csv;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.input.ChecksSheet;
import org.sheetnet.input.CsvRowSource;
import org.sheetnet.input.CsvSettings;
import org.sheetnet.model.CheckVector;
import org.sheetnet.model.CheckVectorSet;
import org.sheetnet.model.FeatureScaling;
import org.sheetnet.model.InputPreparation;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;

/**
 * The parts of a model beyond its layers in a CSV folder: {@code features.csv}
 * ({@code feature,offset,scale,default,min,max}, one line per input in the network's order; an empty
 * default means none, an empty min or max no bound) and {@code checks.csv} (the raw inputs under the
 * model's input names, then one {@code expected:<output>} column per output). Every number is
 * written with {@link Double#toString(double)}, so the folder reads back bit for bit.
 */
final class CsvExtras {

    /** The input preparation's file. */
    static final String FEATURES = "features.csv";
    /** The check vectors' file. */
    static final String CHECKS = "checks.csv";

    private static final List<String> FEATURE_COLUMNS = List.of("feature", "offset", "scale", "default", "min", "max");

    private CsvExtras() {
    }

    /** Reads features.csv, if the folder has one. */
    static Optional<InputPreparation> readFeatures(Path dir, Network network, FolderReading folder) {
        Path file = dir.resolve(FEATURES);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        CsvTable table = folder.read(file);
        List<String> header = table.records().get(0).stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        if (!header.equals(FEATURE_COLUMNS)) {
            throw SheetnetException.model(table.at(0) + ": the header is " + table.records().get(0) + "; expected "
                    + String.join(",", FEATURE_COLUMNS));
        }
        int lines = table.records().size() - 1;
        if (lines != network.inputWidth()) {
            throw SheetnetException.model(file.getFileName() + ": lists " + lines + " features, but layer 1 takes "
                    + network.inputWidth() + " inputs");
        }
        List<FeatureScaling> features = new ArrayList<>();
        for (int r = 1; r <= lines; r++) {
            String name = CsvModelReader.field(table.records().get(r), 0);
            if (!network.inputNames().isEmpty() && !network.inputNames().get(r - 1).equals(name)) {
                throw SheetnetException.model(table.at(r, 0) + ": feature \"" + name + "\", but input " + r
                        + " of the first weights file is \"" + network.inputNames().get(r - 1) + "\"");
            }
            double scale = table.number(r, 2);
            if (scale == 0) {
                throw SheetnetException.model(table.at(r, 2) + ": scale is 0; it divides the input");
            }
            features.add(new FeatureScaling(name, table.number(r, 1), scale, optional(table, r, 3, Double.NaN),
                    optional(table, r, 4, Double.NEGATIVE_INFINITY), optional(table, r, 5, Double.POSITIVE_INFINITY)));
        }
        return Optional.of(new InputPreparation(features));
    }

    private static double optional(CsvTable table, int r, int column, double absent) {
        return CsvModelReader.field(table.records().get(r), column).isBlank() ? absent : table.number(r, column);
    }

    /** Reads checks.csv, if the folder has one, as the Checks sheet is read. */
    static Optional<CheckVectorSet> readChecks(Path dir, Model model, CsvSettings settings) {
        Path file = dir.resolve(CHECKS);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try (CsvRowSource source = new CsvRowSource(file, settings)) {
            return Optional.of(ChecksSheet.read(source, model, CHECKS, "the file"));
        }
    }

    /** The lines of features.csv. */
    static List<List<String>> featureRows(InputPreparation preparation) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(FEATURE_COLUMNS);
        for (FeatureScaling f : preparation.features()) {
            rows.add(List.of(f.name(), CsvNumbers.format(f.offset()), CsvNumbers.format(f.scale()),
                    f.hasDefault() ? CsvNumbers.format(f.defaultValue()) : "",
                    Double.isInfinite(f.min()) ? "" : CsvNumbers.format(f.min()),
                    Double.isInfinite(f.max()) ? "" : CsvNumbers.format(f.max())));
        }
        return rows;
    }

    /** The lines of checks.csv. */
    static List<List<String>> checkRows(Model model, CheckVectorSet checks) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(model.inputNames());
        model.outputNames().forEach(o -> header.add(ChecksSheet.EXPECTED + o));
        rows.add(header);
        for (CheckVector v : checks.vectors()) {
            List<String> row = new ArrayList<>();
            for (double x : v.inputs()) {
                row.add(CsvNumbers.format(x));
            }
            for (double e : v.expected()) {
                row.add(CsvNumbers.format(e));
            }
            rows.add(row);
        }
        return rows;
    }
}
