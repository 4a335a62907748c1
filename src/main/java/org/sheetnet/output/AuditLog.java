package org.sheetnet.output;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of an Audit sheet: what ran, on what, and anything skipped or adjusted. Each line is
 * a label followed by values; a section starts with a heading line in bold.
 */
public final class AuditLog {

    private record Line(boolean heading, List<Object> cells) {
    }

    private final List<Line> lines = new ArrayList<>();

    /** Adds a bold heading line, e.g. {@code Layers}, with optional column titles. */
    public AuditLog section(String title, String... columns) {
        List<Object> cells = new ArrayList<>();
        cells.add(title);
        cells.addAll(List.of(columns));
        lines.add(new Line(true, cells));
        return this;
    }

    /** Adds a line: a label and its values (strings or numbers). */
    public AuditLog line(String label, Object... values) {
        List<Object> cells = new ArrayList<>();
        cells.add(label);
        cells.addAll(List.of(values));
        lines.add(new Line(false, cells));
        return this;
    }

    void writeTo(SheetSink sheet) {
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
}
