package org.sheetnet.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.csv.CsvModelReader;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.format.keras.KerasImport;
import org.sheetnet.format.onnx.OnnxImport;
import org.sheetnet.model.Model;

/**
 * The front door of sheetnet as a library: loads a model once, from a file or a stream, into an
 * immutable {@link SheetnetModel} that any number of threads may share.
 *
 * <pre>{@code
 * SheetnetModel model = Sheetnet.load(Path.of("workbooks/seed-2-3-2-2.xlsx"));
 * double[] y = model.predict(1.0, 0.5);
 * }</pre>
 *
 * <p>Every problem is a {@link SheetnetException} whose message is the command line's one line and
 * whose {@link SheetnetException#location()} gives the file, sheet, cell, row and column as fields.
 */
public final class Sheetnet {

    /** The largest stream {@link #load(InputStream, String)} accepts: as large as a model file may sensibly be. */
    public static final long MAX_STREAM_BYTES = 2L << 30;

    private Sheetnet() {
    }

    /**
     * Loads a model: a model workbook ({@code .xlsx}), a CSV folder written by {@code export-csv}, a
     * Keras file ({@code .keras}, {@code .h5}) or an ONNX file ({@code .onnx}, external data beside it).
     * The file is only read, and closed before this returns.
     *
     * @param path the file or folder
     * @return the model, with its input preparation and check vectors
     * @throws SheetnetException (FILE) if it cannot be read, (MODEL) naming the place at fault
     */
    public static SheetnetModel load(Path path) {
        return SheetnetModel.of(read(path));
    }

    /**
     * Loads a model from a stream (a workbook, or a Keras file), read to its end but not closed.
     * It is held in a private temporary file while read, deleted before this returns.
     *
     * @param stream the bytes of the file
     * @param name   the file's name, which says its format and is used in messages: {@code model.xlsx}
     * @throws SheetnetException (FILE) if the stream cannot be read or exceeds {@link #MAX_STREAM_BYTES}, and as
     *                           {@link #load(Path)}
     */
    public static SheetnetModel load(InputStream stream, String name) {
        Path fileName = Path.of(name).getFileName();
        if (fileName == null) {
            throw SheetnetException.file("\"" + name + "\": not a file name", null);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sheetnet-load");
            Path file = dir.resolve(fileName.toString());
            copyBounded(stream, file, name);
            return SheetnetModel.of(read(file));
        } catch (IOException e) {
            throw SheetnetException.file(name + ": cannot be read: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Wraps a model already in memory (read by one of sheetnet's readers, or built by a program). */
    public static SheetnetModel of(Model model) {
        return SheetnetModel.of(model);
    }

    private static Model read(Path path) {
        if (Files.isDirectory(path)) {
            return CsvModelReader.read(path);
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".keras") || name.endsWith(".h5") || name.endsWith(".hdf5")) {
            return KerasImport.readModel(path, Optional.empty());
        }
        if (name.endsWith(".onnx")) {
            return OnnxImport.readModel(path);
        }
        try (ModelWorkbook workbook = ModelReader.read(path)) {
            return workbook.model();
        }
    }

    private static void copyBounded(InputStream in, Path file, String name) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                if (total > MAX_STREAM_BYTES) {
                    throw SheetnetException.file(name + ": the stream is longer than " + MAX_STREAM_BYTES
                            + " bytes; no model file is that large", null);
                }
                out.write(buffer, 0, n);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Nothing more can be done; the folder is private to this call.
        }
    }
}
