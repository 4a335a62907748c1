package org.sheetnet.input;

import java.util.ArrayList;
import java.util.List;
import org.sheetnet.SheetnetException;

/**
 * Tells a CSV file's field separator from its start: the one of comma, semicolon and tab that the
 * header has and that every following line (of the first 50) has as many times, outside quotes.
 * An English Excel separates with commas, a German or French one with semicolons (the comma is
 * their decimal mark), "Text" saves with tabs.
 */
final class CsvSeparator {

    private static final String CANDIDATES = "\t;,";
    private static final int LINES = 50;

    private CsvSeparator() {
    }

    /**
     * @param head the start of the file
     * @param whole whether {@code head} is the whole file (its last line is then complete)
     * @param file the file's name, for the message
     * @return the separator; for one column (no separator in the header), a comma unless a line has one
     * @throws SheetnetException (INPUT) when two separators fit equally well
     */
    static char detect(String head, boolean whole, String file) {
        List<int[]> lines = count(head, whole);
        if (lines.isEmpty()) {
            return ',';
        }
        int[] header = lines.get(0);
        List<Character> fit = new ArrayList<>();
        List<Character> inHeader = new ArrayList<>();
        List<Character> absent = new ArrayList<>();
        for (int k = 0; k < CANDIDATES.length(); k++) {
            char c = CANDIDATES.charAt(k);
            if (header[k] > 0) {
                inHeader.add(c);
            }
            if (consistent(lines, k)) {
                (header[k] > 0 ? fit : absent).add(c);
            }
        }
        if (fit.isEmpty() && inHeader.isEmpty()) {
            // One column: any separator the lines never have will do, a comma first; 0,5 in a column is a number.
            return absent.isEmpty() || absent.contains(',') ? ',' : absent.contains(';') ? ';' : '\t';
        }
        List<Character> chosen = fit.isEmpty() ? inHeader : fit;
        if (chosen.size() > 1) {
            throw SheetnetException.input(file + ": line 1: fields could be separated by " + name(chosen.get(0))
                    + " or by " + name(chosen.get(1)) + "; give --csv-separator to say which");
        }
        return chosen.get(0);
    }

    /** The separator as the Audit and messages name it. */
    static String name(char c) {
        return c == '\t' ? "tab" : "'" + c + "'";
    }

    private static boolean consistent(List<int[]> lines, int k) {
        for (int[] line : lines) {
            if (line[k] != lines.get(0)[k] && line[CANDIDATES.length()] > 0) {
                return false;
            }
        }
        return true;
    }

    // Per line: the count of each candidate outside quotes, then the line's length (0 for a blank line).
    private static List<int[]> count(String head, boolean whole) {
        List<int[]> lines = new ArrayList<>();
        int[] current = new int[CANDIDATES.length() + 1];
        boolean quoted = false;
        for (int i = 0; i < head.length() && lines.size() < LINES; i++) {
            char c = head.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (c == '\r' && i + 1 < head.length() && head.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(current);
                current = new int[CANDIDATES.length() + 1];
                continue;
            } else if (!quoted) {
                int k = CANDIDATES.indexOf(c);
                if (k >= 0) {
                    current[k]++;
                }
            }
            if (c > ' ') {
                current[CANDIDATES.length()]++;
            }
        }
        // The last line counts when complete; a header longer than the sample is all there is to go by.
        if ((whole || lines.isEmpty()) && current[CANDIDATES.length()] > 0 && lines.size() < LINES) {
            lines.add(current);
        }
        return lines;
    }
}
