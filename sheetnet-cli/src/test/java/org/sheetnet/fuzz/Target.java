package org.sheetnet.fuzz;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A reader reached through a public command: what kind of file is damaged, what it is called in
 * the case folder, and the command line that reads it.
 */
enum Target {
    /** {@code check MODEL.xlsx}: the model workbook reader. */
    CHECK_WORKBOOK(Subject.Format.XLSX, "fuzzed.xlsx"),
    /** {@code score MODEL.xlsx --out}: the model reader and its own Inputs sheet. */
    SCORE_WORKBOOK(Subject.Format.XLSX, "fuzzed.xlsx"),
    /** {@code score MODEL --input FILE.xlsx --out}: the streamed input workbook reader. */
    SCORE_INPUT_XLSX(Subject.Format.XLSX, "fuzzed-input.xlsx"),
    /** {@code score MODEL --input FILE.csv --out}: the CSV input reader. */
    SCORE_INPUT_CSV(Subject.Format.CSV, "fuzzed-input.csv"),
    /** {@code import-keras MODEL.keras}: the Keras 3 zip, its JSON and its HDF5 weights. */
    IMPORT_KERAS(Subject.Format.KERAS, "fuzzed.keras"),
    /** {@code import-keras MODEL.h5}: the legacy HDF5 full model. */
    IMPORT_KERAS_H5(Subject.Format.HDF5, "fuzzed.h5"),
    /** {@code import-keras WEIGHTS.h5 --config MODEL.json}: the architecture JSON. */
    IMPORT_KERAS_CONFIG(Subject.Format.JSON, "fuzzed.json"),
    /** {@code import-csv DIR}: the CSV parameter folder; the damaged file keeps its name. */
    IMPORT_CSV(Subject.Format.CSV, null);

    final Subject.Format format;
    private final String fileName;

    Target(Subject.Format format, String fileName) {
        this.format = format;
        this.fileName = fileName;
    }

    /** Where the damaged file goes in the case's input folder. */
    Path subjectPath(Path in, Seed seed) {
        return this == IMPORT_CSV ? in.resolve("csvmodel").resolve(seed.file().getFileName()) : in.resolve(fileName);
    }

    /** Where the companion file (model, weights or the CSV folder) goes, if the target has one. */
    Path companionPath(Path in, Seed seed) {
        return switch (this) {
            case SCORE_INPUT_XLSX, SCORE_INPUT_CSV -> in.resolve("model.xlsx");
            case IMPORT_KERAS_CONFIG -> in.resolve("weights.h5");
            case IMPORT_CSV -> in.resolve("csvmodel");
            default -> null;
        };
    }

    /**
     * Entries of the damaged zip that the command cannot do without, whatever else it skips: a
     * damaged one must be refused, not read (issue 10: "verify every entry read").
     */
    java.util.Set<String> mustRead() {
        return switch (format) {
            case XLSX -> java.util.Set.of("xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml",
                    "xl/worksheets/sheet1.xml"); // sheet1 is the Model sheet, or the input sheet, of every seed
            case KERAS -> java.util.Set.of("config.json", "model.weights.h5");
            default -> java.util.Set.of();
        };
    }

    /** The name of the output the command is asked to write. */
    String outputName() {
        return name().startsWith("IMPORT") ? "model.xlsx" : this == CHECK_WORKBOOK ? null : "scored.xlsx";
    }

    /** The command line, with paths in the case's input and output folders. */
    List<String> arguments(Path in, Path out, Seed seed) {
        Path subject = subjectPath(in, seed);
        Path output = outputName() == null ? null : out.resolve(outputName());
        List<String> args = new ArrayList<>();
        switch (this) {
            case CHECK_WORKBOOK -> args.addAll(List.of("check", subject.toString()));
            case SCORE_WORKBOOK -> args.addAll(List.of("score", subject.toString(), "--out", output.toString()));
            case SCORE_INPUT_XLSX, SCORE_INPUT_CSV -> args.addAll(List.of("score", companionPath(in, seed).toString(),
                    "--input", subject.toString(), "--out", output.toString()));
            case IMPORT_KERAS, IMPORT_KERAS_H5 -> args.addAll(List.of("import-keras", subject.toString(), "--out",
                    output.toString()));
            case IMPORT_KERAS_CONFIG -> args.addAll(List.of("import-keras", companionPath(in, seed).toString(),
                    "--config", subject.toString(), "--out", output.toString()));
            case IMPORT_CSV -> args.addAll(List.of("import-csv", companionPath(in, seed).toString(), "--out",
                    output.toString()));
            default -> throw new IllegalStateException(name());
        }
        return args;
    }

    /**
     * A seed: the file to damage and, for targets that read two things, its companion (the model
     * scoring the inputs, the weights the JSON describes, the folder the CSV file belongs to).
     */
    record Seed(Path file, Path companion) {
    }
}
