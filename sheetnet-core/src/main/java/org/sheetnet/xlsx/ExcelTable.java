package org.sheetnet.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sheetnet.sheet.CellRange;
import org.sheetnet.sheet.SheetName;

/**
 * An Excel Table ({@code xl/tables/tableN.xml}, reached from its sheet's relationships): a named
 * range whose first row is a header of column names (unless it has none) and whose last row may be
 * a totals row.
 *
 * @param name       the name Excel shows and formulas use (its {@code displayName})
 * @param sheet      the sheet it stands on
 * @param ref        its cells, header and totals rows included
 * @param headerRows rows of header at its top, 0 or 1
 * @param totalsRows rows of totals at its bottom, 0 or 1
 * @param columns    its column names, one per column of {@code ref}
 */
public record ExcelTable(String name, String sheet, CellRange ref, int headerRows, int totalsRows,
        List<String> columns) {

    /** The first row of data, 0-based. */
    public int firstDataRow() {
        return ref.first().row() + headerRows;
    }

    /** The last row of data, 0-based; before {@link #firstDataRow()} when the table has no data. */
    public int lastDataRow() {
        return ref.last().row() - totalsRows;
    }

    /** How the table reads in messages: {@code table Sales2026 (Data!A1:C10)}. */
    public String describe() {
        return "table " + name + " (" + ref + ")";
    }

    /**
     * Reads a table part.
     *
     * @param p     the part
     * @param sheet the sheet whose relationships name it
     * @throws org.sheetnet.SheetnetException (FILE) when the part is not a table Excel could have written
     */
    static ExcelTable read(XmlPart p, String sheet) {
        if (!p.nextStart() || !"table".equals(p.name())) {
            throw XlsxErrors.damaged(p.file(), p.part(), "it is not a table");
        }
        String name = Optional.ofNullable(p.attribute("displayName")).orElse(p.attribute("name"));
        String refText = p.attribute("ref");
        CellRange ref = refText == null ? null
                : CellRange.parse(SheetName.quote(sheet) + "!" + refText.strip()).orElse(null);
        if (name == null || ref == null || ref.last().row() > SheetStream.MAX_ROW || ref.last().col() > SheetStream.MAX_COL) {
            throw XlsxErrors.damaged(p.file(), p.part(), "a table without a name or a range of cells (ref=\""
                    + WorkbookRels.shorten(String.valueOf(refText)) + "\")");
        }
        int header = count(p, "headerRowCount", 1);
        int totals = count(p, "totalsRowCount", 0);
        if (header + totals > ref.rows()) {
            throw XlsxErrors.damaged(p.file(), p.part(), "table " + name + " has more header and totals rows than "
                    + ref + " holds");
        }
        List<String> columns = columns(p, ref.cols());
        if (columns.size() != ref.cols()) {
            throw XlsxErrors.damaged(p.file(), p.part(), "table " + name + " names " + columns.size() + " columns, but "
                    + ref + " has " + ref.cols());
        }
        return new ExcelTable(name, sheet, ref, header, totals, List.copyOf(columns));
    }

    // A row count attribute: 0 or 1, as Excel writes them.
    private static int count(XmlPart p, String attribute, int fallback) {
        String v = p.attribute(attribute);
        if (v == null) {
            return fallback;
        }
        String t = v.strip();
        if (!t.equals("0") && !t.equals("1")) {
            throw XlsxErrors.damaged(p.file(), p.part(), "a table with " + attribute + "=\""
                    + WorkbookRels.shorten(v) + "\"");
        }
        return Integer.parseInt(t);
    }

    // The <tableColumn> names, no more than the range's columns plus one (enough to tell a mismatch).
    private static List<String> columns(XmlPart p, int max) {
        List<String> columns = new ArrayList<>();
        while (p.nextStart() && columns.size() <= max) {
            if ("tableColumn".equals(p.name())) {
                String column = p.attribute("name");
                columns.add(column == null ? "" : RichText.decode(column).strip());
                p.skip();
            }
        }
        return columns;
    }
}
