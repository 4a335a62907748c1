package org.sheetnet.sheet;

import java.util.regex.Pattern;

/** Sheet names as they appear in references: quoted where Excel requires it. */
public final class SheetName {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern LOOKS_LIKE_CELL = Pattern.compile("(?i)[A-Z]{1,3}[0-9]+|R[0-9]*C[0-9]*");

    private SheetName() {
    }

    /** {@code Params} stays as is; {@code My sheet} becomes {@code 'My sheet'}, {@code O'Neil} {@code 'O''Neil'}. */
    public static String quote(String name) {
        if (PLAIN.matcher(name).matches() && !LOOKS_LIKE_CELL.matcher(name).matches()) {
            return name;
        }
        return "'" + name.replace("'", "''") + "'";
    }

    /** A cell of a sheet, {@code Inputs!C7}. */
    public static String cell(String sheet, CellRef cell) {
        return quote(sheet) + "!" + cell;
    }
}
