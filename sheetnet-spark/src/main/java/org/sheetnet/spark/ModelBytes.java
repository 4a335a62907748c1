package org.sheetnet.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sheetnet.SheetnetException;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.api.SheetnetModel;
import org.sheetnet.files.Sha256;
import org.sheetnet.format.workbook.ModelWorkbookWriter;

/**
 * A model as the bytes of its file, which is what travels to the executors: core's model objects are
 * immutable but not Java-serializable, and the file is the model's definition anyway. Each JVM loads
 * the bytes once, through the library's front door, so a cluster scores with the same object, and the
 * same bits, as {@code sheetnet score}.
 *
 * @param name   the file's name, which tells its format ({@code model.xlsx}, {@code model.keras})
 * @param bytes  the file's content; never modified
 * @param sha256 the content's SHA-256, hex, the key of the per-JVM cache and the Audit's model hash
 */
public record ModelBytes(String name, byte[] bytes, String sha256) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Models loaded in this JVM by hash. Static because an executor runs many tasks of one job and each
     * would otherwise parse the same workbook again; the values are immutable and keyed by content.
     */
    private static final Map<String, SheetnetModel> LOADED = new ConcurrentHashMap<>();

    /**
     * Reads a model file (a workbook, {@code .keras} or {@code .h5}).
     *
     * @throws SheetnetException (FILE) if it cannot be read or is a folder
     */
    public static ModelBytes read(Path file) {
        if (Files.isDirectory(file)) {
            throw SheetnetException.file(file + ": is a folder; spark-score takes a model file (.xlsx, .keras,"
                    + " .h5); turn a CSV folder into a workbook first with sheetnet import-csv", null);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > Sheetnet.MAX_STREAM_BYTES) {
                throw SheetnetException.file(file + ": larger than any model file may be", null);
            }
            return new ModelBytes(String.valueOf(file.getFileName()), bytes, hex(bytes));
        } catch (IOException e) {
            throw SheetnetException.file(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The bytes of a model built in memory: written as a model workbook (layers, Features, Checks),
     * which the workbook reader reads back to the same numbers.
     */
    public static ModelBytes of(SheetnetModel model) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sheetnet-spark-model");
            Path file = dir.resolve("model.xlsx");
            ModelWorkbookWriter.write(model.model(), null, "Audit", java.util.List.of(), file, false);
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            return new ModelBytes("model.xlsx", bytes, hex(bytes));
        } catch (IOException e) {
            throw SheetnetException.file("cannot write the model for the executors: " + e.getMessage(), e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** The model, loaded at most once per JVM. */
    public SheetnetModel load() {
        return LOADED.computeIfAbsent(sha256, k -> Sheetnet.load(new ByteArrayInputStream(bytes), name));
    }

    private static void deleteQuietly(Path dir) {
        try {
            if (dir != null) {
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            // An empty private temporary folder; nothing more can be done.
        }
    }

    private static String hex(byte[] bytes) {
        MessageDigest digest = Sha256.digest();
        return HexFormat.of().formatHex(digest.digest(bytes));
    }
}
