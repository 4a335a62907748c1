package org.sheetnet.cli;

import org.sheetnet.SheetnetException;

/** Every exit code sheetnet uses, in one place, for batch jobs to branch on. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** A bug in sheetnet: please report it with the output of {@code --verbose}. */
    public static final int INTERNAL = 1;
    /** The command line is wrong: unknown option, missing argument. */
    public static final int USAGE = 2;
    /** The model workbook is malformed. */
    public static final int MODEL = 3;
    /** The inputs cannot be scored. */
    public static final int INPUT = 4;
    /** A file cannot be opened or is not what it should be. */
    public static final int FILE = 5;
    /** The output exists or cannot be written. */
    public static final int OUTPUT = 6;
    /** Numbers do not reproduce: check vectors, formulas, or {@code verify}. */
    public static final int MISMATCH = 7;
    /** The Java heap ran out: the input is larger than the heap allows; raise {@code -Xmx} or use CSV. */
    public static final int MEMORY = 8;

    private ExitCodes() {
    }

    /** The exit code for a problem. */
    public static int of(SheetnetException.Problem problem) {
        return switch (problem) {
            case MODEL -> MODEL;
            case INPUT -> INPUT;
            case FILE -> FILE;
            case OUTPUT -> OUTPUT;
            case MISMATCH -> MISMATCH;
        };
    }

    /** Text for the help footer. */
    static String[] help() {
        return new String[] {
            "",
            "Exit codes: 0 success, 2 usage error, 3 bad model workbook, 4 inputs cannot be scored,",
            "            5 file unreadable (missing, empty, corrupt, encrypted), 6 output exists, is an",
            "            input or cannot be written, 7 numbers do not reproduce (check vectors, formulas,",
            "            verify), 8 out of memory (raise JAVA_OPTS=-Xmx, or give large inputs as CSV),",
            "            1 internal error (run again with --verbose and report it)."
        };
    }
}
