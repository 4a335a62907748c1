package org.sheetnet.input;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sheetnet.SheetnetException;
import org.sheetnet.xlsx.ExcelTable;
import org.sheetnet.xlsx.SheetRow;
import org.sheetnet.xlsx.SheetStream;
import org.sheetnet.xlsx.XlsxPackage;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.SheetName;

/**
 * Input rows from a sheet of an .xlsx file, or from an Excel Table on one, read as a stream through
 * the hardened reader of {@link org.sheetnet.xlsx}: memory stays flat however many rows the sheet
 * has. On a sheet, the first row with values is the header; in a table, the header is the table's
 * column names, the rows are the table's rows (its totals row left out) and only its columns are
 * read. A formula cell without a calculated value is refused, as everywhere.
 */
public final class XlsxStreamRowSource implements RowSource {

    private final XlsxPackage pkg;
    private final boolean ownsPackage;
    private final String file;
    private final SheetStream stream;
    private final ExcelTable table;
    private final int firstCol;
    private final List<String> header;
    private boolean done;
    private int skipped;

    /**
     * Opens a sheet of a file for streaming; the file is only read.
     *
     * @param path  the .xlsx file
     * @param sheet the sheet's name (any case) or, when no sheet has that name, a table's; null for the first sheet
     * @throws SheetnetException (FILE) if the file is not a readable workbook, (INPUT) if the sheet is missing or empty
     */
    public XlsxStreamRowSource(Path path, String sheet) {
        this(XlsxPackage.open(path), sheet, false, true);
    }

    private XlsxStreamRowSource(XlsxPackage pkg, String name, boolean tableOnly, boolean ownsPackage) {
        this.pkg = pkg;
        this.ownsPackage = ownsPackage;
        this.file = pkg.fileName();
        SheetStream opened = null;
        try {
            Optional<XlsxPackage.Sheet> sheet = tableOnly ? Optional.empty() : findSheet(pkg, name);
            this.table = sheet.isPresent() ? null : findTable(pkg, name, tableOnly);
            XlsxPackage.Sheet found = sheet.orElseGet(() -> pkg.findSheet(table.sheet()).orElseThrow());
            opened = new SheetStream(pkg, found, SheetnetException.Problem.INPUT);
            this.stream = opened;
            this.firstCol = table == null ? 0 : table.ref().first().col();
            this.header = table == null ? InputHeader.names(firstValues(opened, found.name()))
                    : InputHeader.names(table.columns().toArray());
        } catch (RuntimeException | Error e) {
            // Out of memory too: the open sheet may hold a reading thread and its buffers.
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
     * @param sheet the sheet's name (any case) or, when no sheet has that name, a table's
     * @throws SheetnetException (INPUT) if the sheet is missing or empty
     */
    public static XlsxStreamRowSource of(XlsxPackage pkg, String sheet) {
        return new XlsxStreamRowSource(pkg, sheet, false, false);
    }

    /**
     * Streams the rows of an Excel Table.
     *
     * @param path  the .xlsx file; only read
     * @param table the table's name (any case)
     * @throws SheetnetException (FILE) if the file is not a readable workbook, (INPUT) if it has no such table,
     *                           naming the tables it has
     */
    public static XlsxStreamRowSource table(Path path, String table) {
        return new XlsxStreamRowSource(XlsxPackage.open(path), table, true, true);
    }

    /**
     * Streams the rows of an Excel Table of a package that stays open (the model workbook).
     *
     * @param pkg   the open package; not closed by {@link #close()}
     * @param table the table's name (any case)
     * @throws SheetnetException (INPUT) if it has no such table, naming the tables it has
     */
    public static XlsxStreamRowSource table(XlsxPackage pkg, String table) {
        return new XlsxStreamRowSource(pkg, table, true, false);
    }

    private static Optional<XlsxPackage.Sheet> findSheet(XlsxPackage pkg, String sheet) {
        if (sheet == null) {
            return pkg.sheets().isEmpty() ? Optional.empty() : Optional.of(pkg.sheets().get(0));
        }
        return pkg.findSheet(sheet);
    }

    private static ExcelTable findTable(XlsxPackage pkg, String name, boolean tableOnly) {
        Optional<ExcelTable> found = name == null ? Optional.empty() : pkg.findTable(name);
        if (found.isPresent()) {
            return found.get();
        }
        List<String> tables = pkg.tables().stream().map(ExcelTable::name).toList();
        String tableList = tables.isEmpty() ? "it has no tables" : "its tables are " + String.join(", ", tables);
        throw SheetnetException.input(pkg.fileName() + (tableOnly ? ": no table named \"" + name + "\"; " + tableList
                : ": no sheet or table named \"" + name + "\"; its sheets are " + String.join(", ", pkg.sheetNames())
                        + ", and " + tableList));
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
        return file + "!" + (table == null ? SheetName.quote(stream.sheetName()) : table.name() + " (table on "
                + table.ref() + ")");
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public InputRow next() {
        for (SheetRow row = done ? null : stream.next(); row != null; row = stream.next()) {
            if (table != null && row.index() < table.firstDataRow()) {
                continue;
            }
            if (table != null && row.index() > table.lastDataRow()) {
                // Past the table: the rest is read, not kept, so that the part's checksum is verified.
                drain();
                break;
            }
            InputRow values = inputRow(row);
            if (!values.isBlank()) {
                return values;
            }
            skipped++;
        }
        done = true;
        return null;
    }

    // The row's cells under the header's columns; a cell beyond them is left out.
    private InputRow inputRow(SheetRow row) {
        InputRow in = new InputRow(row.index() + 1, header.size());
        for (int k = 0; k < row.size() && row.col(k) < firstCol + header.size(); k++) {
            int c = row.col(k) - firstCol;
            if (c < 0) {
                continue;
            }
            if (row.isNumber(k)) {
                in.setNumber(c, row.number(k));
            } else {
                in.set(c, row.value(k));
            }
        }
        return in;
    }

    private void drain() {
        for (SheetRow row = stream.next(); row != null; row = stream.next()) {
            // Not kept.
        }
    }

    @Override
    public String locate(int line, int col) {
        return file + ": " + SheetName.cell(stream.sheetName(), new CellRef(line - 1, firstCol + col));
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
