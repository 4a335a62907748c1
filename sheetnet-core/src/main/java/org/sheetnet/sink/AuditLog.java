package org.sheetnet.sink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.sheetnet.sheet.CellValues;

/**
 * The lines of an Audit sheet: what ran, on what, and anything skipped or adjusted. Each line is
 * a label followed by values; a section starts with a heading line in bold.
 *
 * <p>No cell exceeds what Excel holds ({@value #MAX_CELL_CHARS} characters) and nothing is cut:
 * a longer text continues in the same column of the lines below, labelled {@value #CONTINUED}, and
 * a long list is shown by its first items and a count, the whole list following in rows of its own.
 */
public final class AuditLog {

    /** The most characters an Excel cell holds. */
    public static final int MAX_CELL_CHARS = CellValues.MAX_TEXT_LENGTH;

    /** The label of a line that carries on the text of the line above. */
    public static final String CONTINUED = "(continued)";

    /** Items a list shows on its own line before referring to its full listing. */
    static final int LIST_PREVIEW = 10;

    private record Line(boolean heading, List<Object> cells) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<Line> listings = new ArrayList<>();

    /** Adds a bold heading line, e.g. {@code Layers}, with optional column titles. */
    public AuditLog section(String title, String... columns) {
        List<Object> cells = new ArrayList<>();
        cells.add(title);
        cells.addAll(List.of(columns));
        add(lines, true, cells);
        return this;
    }

    /** Adds a line: a label and its values (strings or numbers). */
    public AuditLog line(String label, Object... values) {
        List<Object> cells = new ArrayList<>();
        cells.add(label);
        cells.addAll(List.of(values));
        add(lines, false, cells);
        return this;
    }

    /**
     * Adds a line listing items: all of them, comma-separated, when there are at most
     * {@value #LIST_PREVIEW}; otherwise the first {@value #LIST_PREVIEW} and how many more, with the
     * whole list after the other lines, under the heading {@code title}, one item a row.
     *
     * @param label the line's label, e.g. {@code passed through}
     * @param items the items, e.g. column names
     * @param none  what the line says when there are no items
     * @param title the heading of the full listing, e.g. {@code Passed-through columns}
     */
    public AuditLog list(String label, List<String> items, String none, String title) {
        if (items.size() <= LIST_PREVIEW) {
            return line(label, items.isEmpty() ? none : String.join(", ", items));
        }
        String preview = String.join(", ", items.subList(0, LIST_PREVIEW));
        line(label, String.format(Locale.ROOT, "%s … and %,d more (all %,d under \"%s\" below)", preview,
                items.size() - LIST_PREVIEW, items.size(), title));
        add(listings, true, List.of(title, String.format(Locale.ROOT, "%,d", items.size())));
        for (int i = 0; i < items.size(); i++) {
            add(listings, false, List.of((double) (i + 1), items.get(i)));
        }
        return this;
    }

    /** The lines as the sheet holds them, for tests: each a list of its cells. */
    List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        lines.forEach(l -> rows.add(Collections.unmodifiableList(l.cells())));
        listings.forEach(l -> rows.add(Collections.unmodifiableList(l.cells())));
        return rows;
    }

    /**
     * Writes the lines into an empty POI sheet, numbers formatted to be read ({@link NumberFormats}) and
     * columns fitted to their text.
     *
     * @param sheet the Audit sheet, empty
     * @param bold  the style of headings
     */
    public void writeTo(org.apache.poi.ss.usermodel.Sheet sheet, org.apache.poi.ss.usermodel.CellStyle bold) {
        PoiSheetSink sink = new PoiSheetSink(sheet, bold, new NumberFormats(sheet.getWorkbook()));
        writeTo(sink);
        sink.fitColumns();
    }

    /** Writes the lines, one row each, into a sheet. */
    public void writeTo(SheetSink sheet) {
        write(lines, sheet);
        write(listings, sheet);
    }

    private static void write(List<Line> lines, SheetSink sheet) {
        for (Line line : lines) {
            sheet.startRow();
            for (int c = 0; c < line.cells().size(); c++) {
                Object v = line.cells().get(c);
                if (line.heading() && v != null) {
                    sheet.header(c, v.toString());
                } else {
                    sheet.value(c, v instanceof Number n ? (Object) n.doubleValue() : v);
                }
            }
            sheet.endRow();
        }
    }

    // A text longer than a cell holds goes on in the same column of continuation lines.
    private static void add(List<Line> to, boolean heading, List<Object> cells) {
        List<Object> first = new ArrayList<>(cells);
        List<List<Object>> more = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            if (!(cells.get(c) instanceof String s) || s.length() <= MAX_CELL_CHARS) {
                continue;
            }
            List<String> parts = split(s);
            first.set(c, parts.get(0));
            for (int k = 1; k < parts.size(); k++) {
                while (more.size() < k) {
                    List<Object> cont = new ArrayList<>(Collections.nCopies(cells.size(), null));
                    cont.set(0, CONTINUED);
                    more.add(cont);
                }
                more.get(k - 1).set(c, parts.get(k));
            }
        }
        to.add(new Line(heading, first));
        more.forEach(m -> to.add(new Line(false, m)));
    }

    // Pieces of at most MAX_CELL_CHARS characters, never splitting a surrogate pair.
    private static List<String> split(String s) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        while (from < s.length()) {
            int to = Math.min(s.length(), from + MAX_CELL_CHARS);
            if (to < s.length() && Character.isHighSurrogate(s.charAt(to - 1))) {
                to--;
            }
            parts.add(s.substring(from, to));
            from = to;
        }
        return parts;
    }
}
