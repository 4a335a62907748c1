package org.sheetnet.format.workbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.input.TextNumbers;
import org.sheetnet.sheet.CellRange;
import org.sheetnet.xlsx.CellBudget;
import org.sheetnet.xlsx.SheetStream;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.xlsx.XlsxPackage;

/**
 * The sheets of a model workbook read so far: each read once, whole and sparse, when first named,
 * from one cell budget; sheets nobody names are never parsed.
 */
final class ModelSheets {

    private final XlsxPackage pkg;
    private final CellBudget budget;
    private final Map<String, SparseSheet> byPart = new LinkedHashMap<>();

    ModelSheets(XlsxPackage pkg) {
        this.pkg = pkg;
        this.budget = CellBudget.ofHeap(pkg.fileName());
    }

    /** The sheet of that name (exact, then ignoring case), read on first use. */
    Optional<SparseSheet> find(String name) {
        return pkg.findSheet(name).map(s -> byPart.computeIfAbsent(s.part(), part -> read(s)));
    }

    private SparseSheet read(XlsxPackage.Sheet sheet) {
        try (SheetStream stream = new SheetStream(pkg, sheet, SheetnetException.Problem.MODEL)) {
            return SparseSheet.read(stream, budget);
        }
    }

    /**
     * Replaces, in the sheet read, the numbers stored as text inside a block by their numbers, so that
     * the copy in the output holds what was read (and the formulas over it compute).
     *
     * @param block a block of numbers already read from that sheet
     */
    void storeTextNumbers(CellRange block) {
        pkg.findSheet(block.sheet()).ifPresent(s -> byPart.computeIfPresent(s.part(), (part, sheet) ->
                sheet.withValues(block, v -> v instanceof String text && TextNumbers.parse(text) != null
                        ? TextNumbers.parse(text) : v)));
    }

    /** The sheets read, in the workbook's order. */
    List<SparseSheet> read() {
        List<SparseSheet> sheets = new ArrayList<>();
        for (XlsxPackage.Sheet s : pkg.sheets()) {
            SparseSheet read = byPart.get(s.part());
            if (read != null && !sheets.contains(read)) {
                sheets.add(read);
            }
        }
        return List.copyOf(sheets);
    }
}
