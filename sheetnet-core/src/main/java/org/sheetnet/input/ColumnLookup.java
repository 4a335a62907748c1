package org.sheetnet.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.sheetnet.SheetnetException;
import org.sheetnet.sheet.CellRef;

/**
 * Finds input columns by their header names, the same way for features, targets and training
 * columns: the exact name first, then ignoring case. A name that two columns share is refused,
 * naming both, rather than silently taking the first: which of them was meant cannot be known.
 */
public final class ColumnLookup {

    private final Map<String, List<Integer>> exact = new HashMap<>();
    private final Map<String, List<Integer>> folded = new HashMap<>();
    private final List<String> header;

    private ColumnLookup(List<String> header, Set<Integer> excluded) {
        this.header = header;
        for (int c = 0; c < header.size(); c++) {
            if (!excluded.contains(c)) {
                exact.computeIfAbsent(header.get(c), k -> new ArrayList<>()).add(c);
                folded.computeIfAbsent(header.get(c).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(c);
            }
        }
    }

    /**
     * A lookup of many names in one header, each in constant time (a model with 784 inputs named in a
     * header of 784 columns: 784 lookups, not 784 × 784 comparisons).
     *
     * @param header   the header's names
     * @param excluded columns never matched (such as targets, when looking for features)
     */
    public static ColumnLookup of(List<String> header, Set<Integer> excluded) {
        return new ColumnLookup(header, excluded);
    }

    /**
     * The column of a name.
     *
     * @param header   the header's names
     * @param name     the name wanted
     * @param excluded columns never matched (such as targets, when looking for features)
     * @param role     what the name is, for the message: {@code the feature "x1"}
     * @param source   the input, for messages
     * @return the column, or empty when no column has the name
     * @throws SheetnetException (INPUT) when two columns have the name (or, with none exactly, two ignoring case)
     */
    public static OptionalInt find(List<String> header, String name, Set<Integer> excluded, String role,
            RowSource source) {
        return of(header, excluded).find(name, role, source);
    }

    /**
     * The column of a name: the exact name first, then ignoring case.
     *
     * @param name   the name wanted
     * @param role   what the name is, for the message: {@code the feature "x1"}
     * @param source the input, for messages
     * @return the column, or empty when no column has the name
     * @throws SheetnetException (INPUT) when two columns have the name (or, with none exactly, two ignoring case)
     */
    public OptionalInt find(String name, String role, RowSource source) {
        List<Integer> matches = exact.getOrDefault(name, List.of());
        if (matches.isEmpty()) {
            matches = folded.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
        if (matches.size() > 1) {
            throw ambiguous(source, header, matches.get(0), matches.get(1), role);
        }
        return matches.isEmpty() ? OptionalInt.empty() : OptionalInt.of(matches.get(0));
    }

    /**
     * Refuses a column whose name another column has too, for columns picked by position whose
     * name the Audit and the output show.
     *
     * @param column the column picked
     * @param role   what it is, for the message
     * @throws SheetnetException (INPUT) naming both columns
     */
    public static void requireUnique(List<String> header, int column, String role, RowSource source) {
        for (int c = 0; c < header.size(); c++) {
            if (c != column && header.get(c).equals(header.get(column))) {
                throw ambiguous(source, header, Math.min(c, column), Math.max(c, column), role);
            }
        }
    }

    /** Whether another column has the same name, so that a list of names needs the column letter too. */
    public static boolean shared(List<String> header, int column) {
        for (int c = 0; c < header.size(); c++) {
            if (c != column && header.get(c).equals(header.get(column))) {
                return true;
            }
        }
        return false;
    }

    private static SheetnetException ambiguous(RowSource source, List<String> header, int a, int b, String role) {
        String names = header.get(a).equals(header.get(b)) ? "both named \"" + header.get(a) + "\""
                : "named \"" + header.get(a) + "\" and \"" + header.get(b) + "\", the same ignoring case";
        return SheetnetException.input(source.describe() + ": columns " + CellRef.columnName(a) + " and "
                + CellRef.columnName(b) + " are " + names + ", so " + role + " is ambiguous; rename one of them");
    }
}
