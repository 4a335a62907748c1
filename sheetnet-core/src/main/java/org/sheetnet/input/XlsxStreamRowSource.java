package org.sheetnet.input;

import java.nio.file.Path;
import java.util.List;
import org.sheetnet.SheetnetException;
import org.sheetnet.xlsx.SheetRow;
import org.sheetnet.xlsx.SheetStream;
import org.sheetnet.xlsx.XlsxPackage;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.SheetName;

/**
 * Input rows from a sheet of an .xlsx file, read as a stream through the hardened reader of
 * {@link org.sheetnet.xlsx}: memory stays flat however many rows the sheet has. The first row with
 * values is the header. A formula cell without a calculated value is refused, as everywhere.
 */
public final class XlsxStreamRowSource implements RowSource {

    private final XlsxPackage pkg;
    private final boolean ownsPackage;
    private final String file;
    private final SheetStream stream;
    private final List<String> header;
    private int skipped;

    /**
     * Opens a sheet of a file for streaming; the file is only read.
     *
     * @param path  the .xlsx file
     * @param sheet the sheet's name (any case), or null for the first sheet
     * @throws SheetnetException (FILE) if the file is not a readable workbook, (INPUT) if the sheet is missing or empty
     */
    public XlsxStreamRowSource(Path path, String sheet) {
        this(XlsxPackage.open(path), sheet, true);
    }

    private XlsxStreamRowSource(XlsxPackage pkg, String sheet, boolean ownsPackage) {
        this.pkg = pkg;
        this.ownsPackage = ownsPackage;
        this.file = pkg.fileName();
        SheetStream opened = null;
        try {
            XlsxPackage.Sheet found = find(pkg, sheet);
            opened = new SheetStream(pkg, found, SheetnetException.Problem.INPUT);
            this.stream = opened;
            this.header = InputHeader.names(firstValues(opened, found.name()));
        } catch (RuntimeException e) {
            if (opened != null) {
                opened.close();
            }
            if (ownsPackage) {
                pkg.close();
            }
            throw e;
        }
    }

    /**
     * Streams a sheet of a package that stays open (the model workbook's Inputs sheet).
     *
     * @param pkg   the open package; not closed by {@link #close()}
     * @param sheet the sheet's name (any case)
     * @throws SheetnetException (INPUT) if the sheet is missing or empty
     */
    public static XlsxStreamRowSource of(XlsxPackage pkg, String sheet) {
        return new XlsxStreamRowSource(pkg, sheet, false);
    }

    private static XlsxPackage.Sheet find(XlsxPackage pkg, String sheet) {
        if (sheet == null && !pkg.sheets().isEmpty()) {
            return pkg.sheets().get(0);
        }
        return pkg.findSheet(sheet == null ? "" : sheet).orElseThrow(() -> SheetnetException.input(pkg.fileName()
                + ": no sheet named \"" + sheet + "\"; its sheets are " + String.join(", ", pkg.sheetNames())));
    }

    // The header: the first row holding a value.
    private Object[] firstValues(SheetStream s, String name) {
        for (SheetRow row = s.next(); row != null; row = s.next()) {
            if (row.size() > 0) {
                return row.dense(row.lastCol() + 1);
            }
        }
        throw SheetnetException.input(file + ": sheet " + SheetName.quote(name)
                + " is empty; it needs a header row, then one row per case");
    }

    @Override
    public String describe() {
        return file + "!" + SheetName.quote(stream.sheetName());
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public InputRow next() {
        for (SheetRow row = stream.next(); row != null; row = stream.next()) {
            Object[] values = row.dense(header.size());
            boolean blank = true;
            for (Object v : values) {
                blank &= v == null;
            }
            if (!blank) {
                return new InputRow(row.index() + 1, values);
            }
            skipped++;
        }
        return null;
    }

    @Override
    public String locate(int line, int col) {
        return file + ": " + SheetName.cell(stream.sheetName(), new CellRef(line - 1, col));
    }

    @Override
    public String locateRow(int line) {
        return file + ": " + SheetName.quote(stream.sheetName()) + " row " + line;
    }

    @Override
    public int skippedBlankRows() {
        return skipped;
    }

    @Override
    public void close() {
        stream.close();
        if (ownsPackage) {
            pkg.close();
        }
    }
}
