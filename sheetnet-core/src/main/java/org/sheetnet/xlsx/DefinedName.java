package org.sheetnet.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheetnet.sheet.CellRange;
import org.sheetnet.sheet.CellRef;

/**
 * A defined name of the workbook ({@code <definedName>} in {@code xl/workbook.xml}), such as
 * {@code Weights1} for {@code Params!$B$2:$D$5}: global, or local to one sheet.
 *
 * @param name  the name, as written
 * @param scope the sheet it is local to, or null for a name of the whole workbook
 * @param value what it refers to, as stored (a reference, a formula, a constant or {@code #REF!})
 */
public record DefinedName(String name, String scope, String value) {

    /** Most characters a name's value may hold; Excel's formulas stop at 8,192. */
    static final int MAX_VALUE_CHARS = 1 << 16;
    /** Most names a workbook may define. */
    static final int MAX_NAMES = 100_000;

    // One sheet (quoted, or plain without the characters that make a formula), '!', one cell or two.
    private static final Pattern RANGE = Pattern.compile(
            "(?:'((?:[^']|'')+)'|([^\\s!'\"(),:;#\\[\\]=+\\-*/&^<>{}]+))!(\\$?[A-Za-z]{1,3}\\$?[0-9]{1,7})"
                    + "(?::(\\$?[A-Za-z]{1,3}\\$?[0-9]{1,7}))?");

    /**
     * The one rectangle of cells the name refers to, such as {@code Params!$B$2:$D$5} or
     * {@code 'My sheet'!$A$1}; empty for anything else: a formula, a constant, a union of ranges, a
     * whole row or column, a reference to another workbook, or {@code #REF!}.
     */
    public Optional<CellRange> range() {
        String v = value.strip();
        Matcher m = RANGE.matcher(v.startsWith("=") ? v.substring(1).strip() : v);
        if (!m.matches()) {
            return Optional.empty();
        }
        String sheet = m.group(1) != null ? m.group(1).replace("''", "'") : m.group(2);
        Optional<CellRef> first = CellRef.parse(m.group(3));
        Optional<CellRef> last = m.group(4) == null ? first : CellRef.parse(m.group(4));
        if (first.isEmpty() || last.isEmpty() || last.get().row() < first.get().row()
                || last.get().col() < first.get().col() || last.get().col() > SheetStream.MAX_COL) {
            return Optional.empty();
        }
        return Optional.of(new CellRange(sheet, first.get(), last.get()));
    }

    /** How the name reads in a message: {@code "Weights1"}, or {@code "Weights1" (local to Params)}. */
    public String describe() {
        return "\"" + name + "\"" + (scope == null ? "" : " (local to " + scope + ")");
    }

    /**
     * Reads the {@code <definedNames>} of a workbook part, from where its sheet list ended.
     *
     * @param p      the workbook part, after its {@code </sheets>}
     * @param sheets the sheets, in order: a {@code localSheetId} counts among them from 0
     */
    static List<DefinedName> readAll(XmlPart p, List<XlsxPackage.Sheet> sheets) {
        List<DefinedName> names = new ArrayList<>();
        while (p.nextStart()) {
            if (!"definedName".equals(p.name())) {
                continue;
            }
            String name = p.attribute("name");
            String local = p.attribute("localSheetId");
            String value = p.text(MAX_VALUE_CHARS, "the defined name " + (name == null ? "" : WorkbookRels.shorten(name)));
            if (name == null || names.size() == MAX_NAMES) {
                throw XlsxErrors.damaged(p.file(), p.part(), name == null ? "a definedName without a name"
                        : "it defines more than " + MAX_NAMES + " names");
            }
            names.add(new DefinedName(name, scope(local, sheets, p), value));
        }
        return List.copyOf(names);
    }

    // A local name's sheet; a localSheetId that names no sheet is damage, not a global name.
    private static String scope(String local, List<XlsxPackage.Sheet> sheets, XmlPart p) {
        if (local == null) {
            return null;
        }
        try {
            int index = Integer.parseInt(local.strip());
            if (index >= 0 && index < sheets.size()) {
                return sheets.get(index).name();
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw XlsxErrors.damaged(p.file(), p.part(), "a defined name is local to sheet number \""
                + WorkbookRels.shorten(local) + "\", which the workbook does not have");
    }
}
