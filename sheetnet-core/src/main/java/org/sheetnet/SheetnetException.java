package org.sheetnet;

/**
 * A problem the user can fix, with a message that says where it is (file, sheet, cell) and what
 * was expected. The command line prints the message alone and exits with the code of its
 * {@link Problem}.
 */
public final class SheetnetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of problem; each maps to one exit code. */
    public enum Problem {
        /** The model workbook is malformed: sheets, shapes, names, activations. */
        MODEL,
        /** The input rows cannot be scored: a missing feature, a text cell, a non-finite result. */
        INPUT,
        /** A file cannot be opened, is not a workbook, is encrypted or corrupt. */
        FILE,
        /** The output exists and {@code --force} was not given, or cannot be written. */
        OUTPUT,
        /** Numbers do not reproduce: check vectors, formulas, or a workbook under {@code verify}. */
        MISMATCH
    }

    private final Problem problem;
    private final transient Location location;

    /**
     * A problem; its location is read from the start of the message, which names it in sheetnet's
     * one-line form ({@code data.xlsx: Inputs!C7: …}).
     */
    public SheetnetException(Problem problem, String message) {
        this(problem, message, (Throwable) null);
    }

    /** A problem with a cause; its location is read from the message, as above. */
    public SheetnetException(Problem problem, String message, Throwable cause) {
        this(problem, message, cause, Location.parse(message));
    }

    /**
     * A problem at a location given as data.
     *
     * @param location where it is; the message should name it too, for the command line
     */
    public SheetnetException(Problem problem, String message, Throwable cause, Location location) {
        super(message, cause);
        this.problem = problem;
        this.location = location == null ? Location.NONE : location;
    }

    /** The kind of problem. */
    public Problem problem() {
        return problem;
    }

    /** Where the problem is, as fields (each part optional). */
    public Location location() {
        return location;
    }

    /** A problem with the model workbook. */
    public static SheetnetException model(String message) {
        return new SheetnetException(Problem.MODEL, message);
    }

    /** A problem with the input rows. */
    public static SheetnetException input(String message) {
        return new SheetnetException(Problem.INPUT, message);
    }

    /** A problem opening or reading a file. */
    public static SheetnetException file(String message, Throwable cause) {
        return new SheetnetException(Problem.FILE, message, cause);
    }
}
