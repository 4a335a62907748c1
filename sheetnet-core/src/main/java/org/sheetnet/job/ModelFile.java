package org.sheetnet.job;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.keras.KerasImport;
import org.sheetnet.format.onnx.OnnxImport;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.model.Model;
import org.sheetnet.sink.OutputPolicy;

/**
 * The model file a job was given, opened as a model workbook: a workbook as it is, or an ONNX or
 * Keras file as the very workbook {@code import-onnx} or {@code import-keras} writes (Model, Wk, bk,
 * Features and Source sheets), written to a private temporary folder and read back with the workbook
 * reader. So {@code score model.onnx} computes what {@code import-onnx} then {@code score} computes,
 * bit for bit, and its output holds the model sheets its formulas and {@code verify} need. The model
 * keeps the imported file's name and SHA-256; the temporary folder is removed by {@link #close()}.
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
    static final String SOURCE_SHEET = OnnxImport.SOURCE_SHEET;

    private final Path file;
    private final Format format;
    private final ModelWorkbook workbook;
    private final Path temporaryFolder;

    private ModelFile(Path file, Format format, ModelWorkbook workbook, Path temporaryFolder) {
        this.file = file;
        this.format = format;
        this.workbook = workbook;
        this.temporaryFolder = temporaryFolder;
    }

    /**
     * Opens a model file.
     *
     * @param file        a model workbook, or an ONNX or Keras file (told by its name, see {@link Format#of})
     * @param verb        the command opening it, for the Source sheet of an imported file: {@code score}
     * @param commandLine the command line, for the Source sheet of an imported file
     * @throws SheetnetException (FILE) if it cannot be read, (MODEL) naming the cell, node or layer at fault;
     *                           no temporary file is left then
     */
    public static ModelFile open(Path file, String verb, String commandLine) {
        Format format = Format.of(file);
        if (!format.imported()) {
            return new ModelFile(file, format, ModelReader.read(file), null);
        }
        Path folder = temporaryFolder(file);
        ModelFile opened = null;
        try {
            opened = new ModelFile(file, format, imported(file, format, verb, commandLine, folder), folder);
            return opened;
        } finally {
            if (opened == null) {
                // Whatever stopped the import (an error too), the folder goes.
                delete(folder);
            }
        }
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

    /** Closes the workbook and removes the temporary folder of an import. */
    @Override
    public void close() {
        try {
            workbook.close();
        } finally {
            delete(temporaryFolder);
        }
    }

    // The import's workbook, read back; the model keeps the imported file's name and hash.
    private static ModelWorkbook imported(Path file, Format format, String verb, String commandLine, Path folder) {
        String name = file.getFileName().toString();
        Path workbookFile = folder.resolve(name.substring(0, name.lastIndexOf('.')) + ".xlsx");
        String by = "sheetnet " + verb + ", as " + format.importCommand() + " imports it";
        Model model;
        if (format == Format.ONNX) {
            OnnxImport.Imported imported = OnnxImport.importModel(new OnnxImport.Options(file, Optional.empty(),
                    workbookFile, false, commandLine), by);
            imported.write(workbookFile, OutputPolicy.of(false));
            model = imported.model();
        } else {
            KerasImport.Imported imported = KerasImport.importModel(new KerasImport.Options(file, Optional.empty(),
                    Optional.empty(), workbookFile, false, commandLine), by);
            imported.write(workbookFile, OutputPolicy.of(false));
            model = imported.model();
        }
        ModelWorkbook read = ModelReader.read(workbookFile, List.of(SOURCE_SHEET));
        Model named = new Model(read.model().network(), read.model().preparation(), read.model().checks(),
                model.provenance());
        return new ModelWorkbook(file, read.pkg(), named, read.sources(), read.preparation(), read.sheets(),
                read.textNumbers());
    }

    private static Path temporaryFolder(Path file) {
        try {
            // Private to this run (created readable by its owner only where the file system has permissions).
            return Files.createTempDirectory("sheetnet-import-");
        } catch (IOException e) {
            throw SheetnetException.file(file.getFileName() + ": cannot be imported: no temporary folder ("
                    + e.getMessage() + ")", e);
        }
    }

    private static void delete(Path folder) {
        if (folder == null || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Nothing more can be done; the folder is private to this run and holds a copy of a model only.
        }
    }
}
