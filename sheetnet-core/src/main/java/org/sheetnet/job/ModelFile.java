package org.sheetnet.job;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.keras.KerasImport;
import org.sheetnet.format.onnx.OnnxImport;
import org.sheetnet.format.workbook.ImportedModel;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.format.workbook.SheetLookup;
import org.sheetnet.model.Model;
import org.sheetnet.xlsx.SparseSheet;

/**
 * The model file a job was given, opened as a model workbook: a workbook as it is, or an ONNX or
 * Keras file as the very workbook {@code import-onnx} or {@code import-keras} writes (Model, Wk, bk,
 * Features and Source sheets), built in memory ({@link ImportedModel#sheets}) and read with the
 * workbook reader's rules. So {@code score model.onnx} computes what {@code import-onnx} then
 * {@code score} computes, bit for bit, and its output holds the model sheets its formulas and
 * {@code verify} need. The model keeps the imported file's name and SHA-256. No file is written.
 */
public final class ModelFile implements Closeable {

    /** What kind of file a model argument is, told by its name. */
    public enum Format {
        /** A model workbook (.xlsx), read as it is. */
        WORKBOOK("model workbook", ""),
        /** An ONNX model (.onnx), imported as {@code import-onnx} does. */
        ONNX("ONNX model file", "import-onnx"),
        /** A Keras model (.keras, .h5, .hdf5), imported as {@code import-keras} does. */
        KERAS("Keras model file", "import-keras");

        private final String description;
        private final String importCommand;

        Format(String description, String importCommand) {
            this.description = description;
            this.importCommand = importCommand;
        }

        /** The format a file's name says. */
        public static Format of(Path file) {
            Path last = file.getFileName();
            String name = last == null ? "" : last.toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".onnx")) {
                return ONNX;
            }
            if (name.endsWith(".keras") || name.endsWith(".h5") || name.endsWith(".hdf5")) {
                return KERAS;
            }
            return WORKBOOK;
        }

        /** What such a file is, for messages: {@code ONNX model file}. */
        public String describe() {
            return description;
        }

        /** Whether the file is imported into a model workbook before it is used. */
        public boolean imported() {
            return this != WORKBOOK;
        }

        /** The command whose workbook an imported file becomes: {@code import-onnx}; empty for a workbook. */
        public String importCommand() {
            return importCommand;
        }
    }

    /** The sheet an import writes to say where every number came from; copied to a score output. */
    static final String SOURCE_SHEET = ImportedModel.SOURCE_SHEET;

    private final Path file;
    private final Format format;
    private final ModelWorkbook workbook;

    private ModelFile(Path file, Format format, ModelWorkbook workbook) {
        this.file = file;
        this.format = format;
        this.workbook = workbook;
    }

    /**
     * Opens a model file.
     *
     * @param file        a model workbook, or an ONNX or Keras file (told by its name, see {@link Format#of})
     * @param verb        the command opening it, for the Source sheet of an imported file: {@code score}
     * @param commandLine the command line, for the Source sheet of an imported file
     * @throws SheetnetException (FILE) if it cannot be read, (MODEL) naming the cell, node or layer at fault
     */
    public static ModelFile open(Path file, String verb, String commandLine) {
        Format format = Format.of(file);
        ModelWorkbook workbook = format.imported() ? imported(file, format, "sheetnet " + verb + ", as "
                + format.importCommand() + " imports it", commandLine) : ModelReader.read(file);
        return new ModelFile(file, format, workbook);
    }

    /** The file as given. */
    public Path file() {
        return file;
    }

    /** Its format. */
    public Format format() {
        return format;
    }

    /**
     * The model workbook: the file itself, or the workbook of its import, whose {@code file()} is the
     * imported file and whose model's provenance names it and its SHA-256.
     */
    public ModelWorkbook workbook() {
        return workbook;
    }

    /** For an imported file, one line for the Audit: what it was read as. */
    public Optional<String> importNote() {
        if (!format.imported()) {
            return Optional.empty();
        }
        return Optional.of("imported from the " + format.describe() + " " + workbook.model().provenance().source()
                + " as sheetnet " + format.importCommand() + " imports it; the model sheets (Model, W1, b1, …, "
                + SOURCE_SHEET + ") are that import's");
    }

    /** Closes the workbook (a workbook file's package; nothing for an imported file, read whole). */
    @Override
    public void close() {
        workbook.close();
    }

    // The import's sheets, read as a workbook's; the model keeps the imported file's name and hash.
    private static ModelWorkbook imported(Path file, Format format, String by, String commandLine) {
        ImportedModel<?> imported = format == Format.ONNX
                ? OnnxImport.importModel(new OnnxImport.Options(file, Optional.empty(), file, false, commandLine), by)
                : KerasImport.importModel(new KerasImport.Options(file, Optional.empty(), Optional.empty(), file, false,
                        commandLine), by);
        Model model = imported.model();
        List<SparseSheet> sheets = imported.sheets();
        List<String> names = sheets.stream().map(SparseSheet::name).toList();
        ModelWorkbook read = ModelReader.read(file.getFileName().toString(), new SheetLookup() {
            @Override
            public List<String> sheetNames() {
                return names;
            }

            @Override
            public Optional<SparseSheet> find(String name) {
                return sheets.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
            }
        }, model.provenance());
        // The sheets read, and the Source sheet, in the workbook's order: what a score output copies.
        List<SparseSheet> kept = sheets.stream().filter(s -> read.sheets().contains(s)
                || s.name().equals(SOURCE_SHEET)).toList();
        return new ModelWorkbook(file, null, read.model(), read.sources(), read.preparation(), kept,
                read.textNumbers());
    }
}
