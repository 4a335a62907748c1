package org.sheetnet.sink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sheetnet.SheetnetException;

/** The rule that an output's name promises what it holds: a workbook is never written under {@code .csv} or {@code .txt}. */
public final class OutputNames {

    private OutputNames() {
    }

    /**
     * Refuses an output whose name does not end in {@code extension} (any case).
     *
     * @param out       the output, as given
     * @param command   the command, for the message: "train"
     * @param what      what it writes: "a model workbook"
     * @param extension the one extension allowed, with its dot: ".xlsx"
     * @throws SheetnetException (OUTPUT) naming the output and the allowed extension
     */
    public static void requireExtension(Path out, String command, String what, String extension) {
        Path last = out.getFileName();
        String name = last == null ? "" : last.toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(extension)) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, out + ": " + command + " writes " + what
                    + ", so the output's name must end in " + extension + "; give --out NAME" + extension);
        }
    }

    /**
     * Refuses a folder output whose name looks like a file's ({@code out.xlsx}, {@code seed.csv}):
     * a folder is an existing folder, or a name without extension.
     *
     * @param out     the folder, as given
     * @param command the command, for the message: "export-csv"
     * @throws SheetnetException (OUTPUT) naming the folder
     */
    public static void requireFolderName(Path out, String command) {
        Path last = out.getFileName();
        String name = last == null ? "" : last.toString();
        if (!Files.isDirectory(out) && name.lastIndexOf('.') > 0) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, out + ": " + command + " writes a folder of"
                    + " files, so its name must be an existing folder or a name without extension, not \""
                    + name.substring(name.lastIndexOf('.')) + "\"");
        }
    }
}
