package org.sheetnet.input;

import java.io.Closeable;
import java.util.List;

/** Input rows from a sheet or a CSV file, read one at a time after a header row. */
public interface RowSource extends Closeable {

    /** Describes the source for messages and the Audit sheet: {@code inputs.csv}, {@code model.xlsx!Inputs}. */
    String describe();

    /** The header row's names, one per column; blank headers are named after their column letter. */
    List<String> header();

    /**
     * The next non-blank row, or {@code null} after the last.
     *
     * @throws org.sheetnet.SheetnetException (INPUT or FILE) when the source cannot be read
     */
    InputRow next();

    /** Names one cell for a message: {@code Inputs!C7} or {@code inputs.csv:7 column C (x2)}. */
    String locate(int line, int col);

    /** Names one row for a message: {@code model.xlsx: Inputs row 8} or {@code inputs.csv:8}. */
    String locateRow(int line);

    /** How much of the source has been read, from 0 to 1, or NaN when it cannot tell (for the progress line). */
    default double fractionRead() {
        return Double.NaN;
    }

    /**
     * How the source's text was read, when there was a choice (a CSV file's encoding, separator and
     * decimal mark), for the Audit; empty for a sheet, whose numbers are numbers.
     */
    default java.util.Optional<String> reading() {
        return java.util.Optional.empty();
    }

    /** Number of blank rows skipped so far. */
    int skippedBlankRows();

    @Override
    void close();
}
