package org.sheetnet.format.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.sheet.CellRange;
import org.sheetnet.xlsx.DefinedName;
import org.sheetnet.xlsx.XlsxPackage;

/**
 * Where a Model sheet cell says a block of parameters is: a sheet ({@code W1}), a range
 * ({@code Params!B2:K5}), or a defined name of one range ({@code Weights1}, global or local to the
 * Model sheet, or {@code Params!Weights1}, local to Params), as Excel resolves names in a formula
 * on the Model sheet. A name that is not one plain rectangle of cells is refused, naming the name.
 *
 * @param sheet the sheet holding the block
 * @param range the block's cells, or null for the sheet's used area
 */
record BlockRef(String sheet, CellRange range) {

    /** Names a message lists before saying how many more there are. */
    private static final int LISTED = 10;

    /**
     * Resolves a Model sheet cell's text.
     *
     * @param pkg        the workbook, for its sheet list and names
     * @param ref        the cell's text
     * @param modelSheet the Model sheet's name: names local to it are seen
     * @param at         the start of a message: {@code model.xlsx: Model!B4: }
     * @throws SheetnetException (MODEL) when the text names no sheet, range or usable name
     */
    static BlockRef resolve(XlsxPackage pkg, String ref, String modelSheet, String at) {
        if (ref.contains("!")) {
            Optional<CellRange> range = CellRange.parse(ref);
            if (range.isPresent()) {
                return new BlockRef(range.get().sheet(), range.get());
            }
            int bang = ref.lastIndexOf('!');
            String sheet = CellRange.unquote(ref.substring(0, bang));
            return pkg.findName(ref.substring(bang + 1).strip(), sheet).filter(n -> sheet.equalsIgnoreCase(n.scope()))
                    .map(n -> of(n, pkg, at)).orElseThrow(() -> SheetnetException.model(at + "\"" + ref
                            + "\" is not a sheet name or a range such as Params!B2:K5, nor a name local to a sheet"));
        }
        String name = CellRange.unquote(ref);
        if (pkg.findSheet(name).isPresent()) {
            return new BlockRef(name, null);
        }
        return pkg.findName(name, modelSheet).map(n -> of(n, pkg, at)).orElseThrow(() -> SheetnetException.model(at
                + "no sheet named \"" + name + "\" and no defined name \"" + name + "\"; the workbook has the sheets "
                + String.join(", ", pkg.sheetNames()) + names(pkg)));
    }

    /**
     * Resolves a Model sheet cell's text where the workbook has no defined names (sheets held by a
     * spreadsheet program): a sheet name or a range.
     *
     * @throws SheetnetException (MODEL) when the text is neither
     */
    static BlockRef resolveWithoutNames(String ref, String at) {
        if (ref.contains("!")) {
            CellRange range = CellRange.parse(ref).orElseThrow(() -> SheetnetException.model(at + "\"" + ref
                    + "\" is not a sheet name or a range such as Params!B2:K5"));
            return new BlockRef(range.sheet(), range);
        }
        return new BlockRef(CellRange.unquote(ref), null);
    }

    private static BlockRef of(DefinedName name, XlsxPackage pkg, String at) {
        CellRange range = name.range().orElseThrow(() -> SheetnetException.model(at + "the defined name "
                + name.describe() + " is " + shorten(name.value()) + ", not one range of cells such as"
                + " Params!$B$2:$D$5; a block of parameters is one rectangle of cells"));
        if (pkg.findSheet(range.sheet()).isEmpty()) {
            throw SheetnetException.model(at + "the defined name " + name.describe() + " refers to " + range
                    + ", but the workbook has no sheet named \"" + range.sheet() + "\"");
        }
        return new BlockRef(range.sheet(), range);
    }

    // The names that refer to a range, for the message of a name that is not there.
    private static String names(XlsxPackage pkg) {
        List<String> ranges = new ArrayList<>();
        for (DefinedName n : pkg.definedNames()) {
            if (n.range().isPresent() && !n.name().startsWith("_xlnm.")) {
                ranges.add(n.scope() == null ? n.name() : n.scope() + "!" + n.name());
            }
        }
        if (ranges.isEmpty()) {
            return " and no defined names of ranges";
        }
        String more = ranges.size() > LISTED ? " and " + (ranges.size() - LISTED) + " more" : "";
        return " and the names " + String.join(", ", ranges.subList(0, Math.min(LISTED, ranges.size()))) + more;
    }

    private static String shorten(String value) {
        String v = value.strip();
        return v.length() > 80 ? v.substring(0, 80) + "…" : v;
    }
}
