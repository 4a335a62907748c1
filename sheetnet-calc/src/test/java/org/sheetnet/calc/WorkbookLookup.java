package org.sheetnet.calc;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.workbook.SheetLookup;
import org.sheetnet.xlsx.CellBudget;
import org.sheetnet.xlsx.SheetStream;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.xlsx.XlsxPackage;

/** A workbook file's sheets, all read into memory, standing in for an open document in tests without LibreOffice. */
final class WorkbookLookup implements SheetLookup {

    private final Map<String, SparseSheet> sheets = new LinkedHashMap<>();

    WorkbookLookup(Path file) {
        try (XlsxPackage pkg = XlsxPackage.open(file)) {
            CellBudget budget = CellBudget.ofHeap(pkg.fileName());
            for (XlsxPackage.Sheet s : pkg.sheets()) {
                try (SheetStream stream = new SheetStream(pkg, s, SheetnetException.Problem.MODEL)) {
                    sheets.put(s.name(), SparseSheet.read(stream, budget));
                }
            }
        }
    }

    @Override
    public List<String> sheetNames() {
        return List.copyOf(sheets.keySet());
    }

    @Override
    public Optional<SparseSheet> find(String name) {
        return Optional.ofNullable(sheets.get(name));
    }
}
