package org.sheetnet;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a problem is, as data: the file, and within it the sheet and cell, or the row and column
 * (rows and columns from 1, as a spreadsheet or a text editor shows them). Every part is optional.
 *
 * @param file   the file's name, or null
 * @param sheet  the sheet's name, or null
 * @param cell   the cell's A1 reference, such as {@code C7}, or null
 * @param row    the row (sheet row, CSV line, or row of a batch given to the library), or 0 for none
 * @param column the column, or 0 for none
 */
public record Location(String file, String sheet, String cell, int row, int column) {

    /** No location. */
    public static final Location NONE = new Location(null, null, null, 0, 0);

    // "data.xlsx: Inputs!C7: …" and "data.xlsx: 'My sheet'!C7: …"
    private static final Pattern SHEET_CELL =
            Pattern.compile("^([^:\\n]+?): ('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!\\$?([A-Z]{1,3})\\$?([0-9]+)\\b");
    // "data.xlsx: Inputs row 8: …"
    private static final Pattern SHEET_ROW =
            Pattern.compile("^([^:\\n]+?): ('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*) row ([0-9]+)\\b");
    // "inputs.csv:7 column C (x2): …" and "inputs.csv:7: …"
    private static final Pattern CSV_CELL = Pattern.compile("^([^:\\n]+?):([0-9]+)(?: column ([A-Z]{1,3}))?\\b");
    // "W2.csv: line 3, column 4: …"
    private static final Pattern CSV_LINE = Pattern.compile("^([^:\\n]+?): line ([0-9]+)(?:, column ([0-9]+))?\\b");
    // "model.xlsx: …", a file name with an extension before the first colon
    private static final Pattern FILE = Pattern.compile("^([^:\\n]*\\.[A-Za-z0-9]{1,5}): ");

    /** The file's name, if known. */
    public Optional<String> fileName() {
        return Optional.ofNullable(file);
    }

    /** The sheet's name, if known. */
    public Optional<String> sheetName() {
        return Optional.ofNullable(sheet);
    }

    /** The cell's A1 reference, if known. */
    public Optional<String> cellRef() {
        return Optional.ofNullable(cell);
    }

    /** The row, from 1, if known. */
    public OptionalInt rowNumber() {
        return row > 0 ? OptionalInt.of(row) : OptionalInt.empty();
    }

    /** The column, from 1, if known. */
    public OptionalInt columnNumber() {
        return column > 0 ? OptionalInt.of(column) : OptionalInt.empty();
    }

    /** A row (and column, or 0) of a batch given to the library; no file. */
    public static Location ofRow(int row, int column) {
        return new Location(null, null, null, row, column);
    }

    /**
     * The location a message starts with, in the forms sheetnet's one-line messages use:
     * {@code file: Sheet!C7: …}, {@code file: Sheet row 8: …}, {@code file.csv:7 column C (x): …},
     * {@code file.csv: line 3, column 4: …}, {@code file.xlsx: …}; {@link #NONE} otherwise.
     */
    public static Location parse(String message) {
        if (message == null) {
            return NONE;
        }
        Matcher m = SHEET_CELL.matcher(message);
        if (m.find()) {
            return new Location(m.group(1), unquote(m.group(2)), m.group(3) + m.group(4), Integer.parseInt(m.group(4)),
                    columnNumber(m.group(3)));
        }
        if ((m = SHEET_ROW.matcher(message)).find()) {
            return new Location(m.group(1), unquote(m.group(2)), null, Integer.parseInt(m.group(3)), 0);
        }
        if ((m = CSV_LINE.matcher(message)).find()) {
            return new Location(m.group(1), null, null, Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        }
        if ((m = CSV_CELL.matcher(message)).find()) {
            return new Location(m.group(1), null, null, Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : columnNumber(m.group(3)));
        }
        if ((m = FILE.matcher(message)).find()) {
            return new Location(m.group(1), null, null, 0, 0);
        }
        return NONE;
    }

    private static String unquote(String sheet) {
        return sheet.startsWith("'") ? sheet.substring(1, sheet.length() - 1).replace("''", "'") : sheet;
    }

    private static int columnNumber(String letters) {
        int n = 0;
        for (char c : letters.toCharArray()) {
            n = n * 26 + (c - 'A' + 1);
        }
        return n;
    }
}
