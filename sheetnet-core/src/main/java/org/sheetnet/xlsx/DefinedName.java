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
    private static final int GLOBAL = -1;
    private static final int NO_SUCH_SHEET = -2;

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
            String value = p.text(MAX_VALUE_CHARS, () -> "the defined name " + (name == null ? "" : WorkbookRels.shorten(name)));
            if (names.size() == MAX_NAMES) {
                throw XlsxErrors.damaged(p.file(), p.part(), "it defines more than " + MAX_NAMES + " names");
            }
            // A name without a name, or local to a sheet the workbook lacks (left by a tool that deleted the
            // sheet), cannot be used from the Model sheet; it is left out rather than refusing the workbook.
            int sheet = sheetIndex(local, sheets.size());
            if (name != null && sheet != NO_SUCH_SHEET) {
                names.add(new DefinedName(name, sheet == GLOBAL ? null : sheets.get(sheet).name(), value));
            }
        }
        return List.copyOf(names);
    }

    // The index of a local name's sheet; GLOBAL without a localSheetId, NO_SUCH_SHEET for one naming no sheet.
    private static int sheetIndex(String local, int sheets) {
        if (local == null) {
            return GLOBAL;
        }
        try {
            int index = Integer.parseInt(local.strip());
            return index >= 0 && index < sheets ? index : NO_SUCH_SHEET;
        } catch (NumberFormatException e) {
            return NO_SUCH_SHEET;
        }
    }
}
