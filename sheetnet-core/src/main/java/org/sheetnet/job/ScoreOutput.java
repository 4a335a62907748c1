package org.sheetnet.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.sheetnet.SheetnetException;

/** What {@code score --out} writes, told by the name: a workbook, the predictions alone, or a folder of CSV files. */
enum ScoreOutput {
    /** {@code .xlsx}: the audited workbook. */
    WORKBOOK,
    /** {@code .csv}: the Predictions sheet alone. */
    PREDICTIONS,
    /** An existing folder, or a name without extension: one CSV file per sheet. */
    FOLDER;

    /** Whether the output keeps the Audit: the predictions alone do not, so its digests are not taken. */
    boolean hasAudit() {
        return this != PREDICTIONS;
    }

    /**
     * The kind of output a name asks for.
     *
     * @param out      the output, as given
     * @param formulas whether live formulas were asked for; they need a workbook
     * @throws SheetnetException (OUTPUT) for a name with another extension (.xlsm, .xls, .txt, …), which
     *                           would receive content its name does not promise
     */
    static ScoreOutput of(Path out, boolean formulas) {
        ScoreOutput kind = kind(out);
        if (formulas && kind != WORKBOOK) {
            throw new SheetnetException(SheetnetException.Problem.OUTPUT, out
                    + ": --formulas needs an .xlsx output; CSV files hold values only");
        }
        return kind;
    }

    private static ScoreOutput kind(Path out) {
        Path last = out.getFileName();
        String name = last == null ? "" : last.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return WORKBOOK;
        }
        if (name.endsWith(".csv")) {
            return PREDICTIONS;
        }
        if (Files.isDirectory(out) || name.lastIndexOf('.') <= 0) {
            return FOLDER;
        }
        throw new SheetnetException(SheetnetException.Problem.OUTPUT, out + ": score writes a workbook (.xlsx), the"
                + " predictions alone (.csv), or a folder of CSV files (a name without extension, or an existing"
                + " folder); \"" + name.substring(name.lastIndexOf('.')) + "\" is none of these");
    }
}
