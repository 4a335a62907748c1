package org.sheetnet.xlsx;

import java.io.Closeable;
import javax.xml.stream.XMLStreamConstants;
import org.sheetnet.SheetnetException;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.CellValues;
import org.sheetnet.sheet.DecimalScanner;
import org.sheetnet.sheet.DecimalStyle;
import org.sheetnet.sheet.SheetName;

/**
 * The rows of a sheet part, in order, read as a stream: memory stays flat however many rows the
 * sheet has. A cell reads as Excel shows it, or is refused: a formula without a calculated value
 * (scripts such as openpyxl write those) is refused naming the cell and its formula, and so is a
 * value that is not a finite number; a row whose cells repeat or go backwards is refused as damaged
 * rather than shifting values into the wrong column.
 */
public final class SheetStream implements Closeable {

    /** Last row and column of a sheet, 0-based (Excel's limits). */
    static final int MAX_ROW = 1_048_575;
    static final int MAX_COL = 16_383;
    private static final int MAX_VALUE_CHARS = 1 << 16;
    /** What {@link #cell} returns for a number, which it leaves in {@link #number}. */
    private static final Object NUMBER = new Object();

    private final XlsxPackage pkg;
    private final String sheet;
    private final SheetnetException.Problem kind;
    private final XmlPart part;
    /** Whether common cells are read in one step ({@link XmlPart#cell}) rather than event by event. */
    private final boolean shortcuts;
    private long shortcutCells;
    private final DecimalScanner decimals = new DecimalScanner(DecimalStyle.PLAIN);
    // A cell's reference, type and value, read without making Strings.
    private final CharSlice ref = new CharSlice();
    private final CharSlice type = new CharSlice();
    private final CharSlice v = new CharSlice();
    /** The number of the cell just read when {@link #cell} returned {@link #NUMBER}: kept unboxed. */
    private double number;
    private int lastRow = -1;
    /** Cells in the previous row: the room a row starts with, since a sheet's rows are mostly alike. */
    private int lastSize;
    private boolean inSheetData;
    private boolean done;

    /**
     * Opens a sheet for streaming.
     *
     * @param pkg   the package; stays open
     * @param sheet the sheet
     * @param kind  the problem reported for a cell that cannot be read as a value (MODEL or INPUT)
     */
    public SheetStream(XlsxPackage pkg, XlsxPackage.Sheet sheet, SheetnetException.Problem kind) {
        this(pkg, sheet, kind, true);
    }

    /**
     * As {@link #SheetStream(XlsxPackage, XlsxPackage.Sheet, SheetnetException.Problem)}, with or without
     * {@link XmlPart#cell}'s shortcut: tests hold the two readings to the same results.
     */
    SheetStream(XlsxPackage pkg, XlsxPackage.Sheet sheet, SheetnetException.Problem kind, boolean shortcuts) {
        this.shortcuts = shortcuts;
        this.pkg = pkg;
        this.sheet = sheet.name();
        this.kind = kind;
        this.part = pkg.xml(sheet.part(), XlsxPackage.SHEET_PART);
    }

    /** The sheet's name. */
    public String sheetName() {
        return sheet;
    }

    /**
     * The next {@code <row>} of the sheet (possibly without values), or null after the last, when
     * the rest of the part has been read and its checksum verified.
     *
     * @throws SheetnetException naming the cell at fault
     */
    public SheetRow next() {
        if (done) {
            return null;
        }
        if (!inSheetData && !enterSheetData()) {
            return end();
        }
        // Only the rows of <sheetData> are cells; anything else inside it is skipped whole.
        for (int e = part.next(); !part.isEnd(e, "sheetData"); e = part.next()) {
            if (e == XMLStreamConstants.START_ELEMENT) {
                if ("row".equals(part.name())) {
                    return row();
                }
                part.skip();
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw damaged("it ends inside its sheetData");
            }
        }
        return end();
    }

    private boolean enterSheetData() {
        while (part.nextStart()) {
            if ("sheetData".equals(part.name())) {
                inSheetData = true;
                return true;
            }
        }
        return false;
    }

    // The rest of the part is read (not kept) so that its checksum is verified.
    private SheetRow end() {
        done = true;
        part.finish();
        return null;
    }

    private SheetRow row() {
        String r = part.attribute("r");
        int index = r == null ? lastRow + 1 : rowNumber(r);
        if (index > MAX_ROW) {
            throw damaged("it has rows beyond row " + (MAX_ROW + 1));
        }
        if (index <= lastRow) {
            throw damaged("row " + (index + 1) + " appears twice or out of order");
        }
        lastRow = index;
        SheetRow row = new SheetRow(index, lastSize);
        int lastCol = -1;
        while (true) {
            int shortcut = shortcuts ? part.cell(ref, type, v) : 0;
            if (shortcut != 0) {
                shortcutCells++;
                CellRef at = cellRef(index, lastCol, (shortcut & CommonCell.REF) != 0);
                lastCol = at.col();
                if ((shortcut & CommonCell.TYPE) == 0) {
                    type.append("n");
                }
                add(row, at, value(at, (shortcut & CommonCell.VALUE) != 0, null));
                continue;
            }
            int e = part.next();
            if (part.isEnd(e, "row")) {
                break;
            }
            if (e == XMLStreamConstants.START_ELEMENT && "c".equals(part.name())) {
                CellRef at = cellRef(index, lastCol, part.attribute("r", ref));
                lastCol = at.col();
                add(row, at, cell(at));
            } else if (e == XMLStreamConstants.START_ELEMENT) {
                // Not a cell (an extension): skipped whole, so that nothing inside it ends the row early.
                part.skip();
            } else if (e == XMLStreamConstants.END_DOCUMENT) {
                throw damaged("it ends inside row " + (index + 1));
            }
        }
        lastSize = row.size();
        return row;
    }

    private int rowNumber(String r) {
        try {
            int n = Integer.parseInt(r.trim());
            if (n >= 1 && n <= MAX_ROW + 1) {
                return n - 1;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw damaged("a row numbered \"" + WorkbookRels.shorten(r) + "\"");
    }

    private void add(SheetRow row, CellRef at, Object value) {
        if (value == NUMBER) {
            row.addNumber(at.col(), number);
        } else if (value != null) {
            row.add(at.col(), value);
        }
    }

    // The cell's position: from its r attribute (in ref when hasRef), or the column after the previous cell.
    private CellRef cellRef(int row, int lastCol, boolean hasRef) {
        if (!hasRef) {
            if (lastCol >= MAX_COL) {
                throw damaged("row " + (row + 1) + " has cells beyond column XFD");
            }
            return new CellRef(row, lastCol + 1);
        }
        CellRef at = CellText.ref(ref.chars(), ref.length());
        if (at == null) {
            throw damaged("a cell at \"" + WorkbookRels.shorten(ref.toString()) + "\"");
        }
        if (at.row() > MAX_ROW || at.col() > MAX_COL) {
            throw damaged("a cell at " + at + ", outside the sheet");
        }
        if (at.row() != row) {
            throw damaged("cell " + at + " stands in row " + (row + 1));
        }
        if (at.col() <= lastCol) {
            throw damaged("cell " + at + " appears twice in row " + (row + 1) + " or out of order");
        }
        return at;
    }

    // Reads a <c> element to its end tag: its value, NUMBER for a number (left in the field number), or null.
    private Object cell(CellRef at) {
        if (!part.attribute("t", type)) {
            type.append("n");
        }
        String formula = null;
        boolean hasValue = false;
        String inline = null;
        for (int e = part.next(); !part.isEnd(e, "c"); e = part.next()) {
            if (e != XMLStreamConstants.START_ELEMENT) {
                if (e == XMLStreamConstants.END_DOCUMENT) {
                    throw damaged("it ends inside cell " + at);
                }
                continue;
            }
            switch (part.name()) {
                case "f" -> formula = part.text(MAX_VALUE_CHARS, () -> "the formula of " + at);
                case "v" -> {
                    part.text(MAX_VALUE_CHARS, () -> "the value of " + at, v);
                    hasValue = true;
                }
                case "is" -> inline = RichText.read(part);
                default -> part.skip();
            }
        }
        if (formula != null && !hasValue && !type.is("inlineStr")) {
            throw uncalculated(at, formula);
        }
        if (!hasValue) {
            v.clear();
        }
        return value(at, hasValue, inline);
    }

    private Object value(CellRef at, boolean hasValue, String inline) {
        if (type.is("n")) {
            return number(at);
        }
        if (type.is("inlineStr")) {
            return text(inline);
        }
        if (type.is("s")) {
            return v.isBlank() ? null : text(shared(at, v.toString()));
        }
        if (type.is("str") || type.is("d")) {
            return hasValue ? text(RichText.decode(v.toString())) : null;
        }
        if (type.is("b")) {
            String b = v.toString().trim();
            return b.isEmpty() ? null : "1".equals(b) || "true".equalsIgnoreCase(b);
        }
        if (type.is("e")) {
            String err = v.toString().trim();
            return err.isEmpty() ? null : new CellValues.ErrorValue(err);
        }
        throw damaged("cell " + at + " has the unknown type t=\"" + WorkbookRels.shorten(type.toString()) + "\"");
    }

    // The same grammar and bits as every other number sheetnet reads (DecimalScanner, plain style).
    private Object number(CellRef at) {
        if (v.isBlank()) {
            return null;
        }
        double d = decimals.read(v.chars(), 0, v.length());
        if (!Double.isFinite(d)) {
            throw new SheetnetException(kind, pkg.fileName() + ": " + SheetName.cell(sheet, at) + " holds \""
                    + WorkbookRels.shorten(v.toString().trim()) + "\", which is not a finite number; a workbook cannot hold it");
        }
        number = d;
        return NUMBER;
    }

    private String shared(CellRef at, String v) {
        int index;
        try {
            index = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            index = -1;
        }
        String s = pkg.sharedStrings().get(index);
        if (s == null) {
            throw damaged("cell " + at + " refers to shared string \"" + WorkbookRels.shorten(v.trim())
                    + "\", but the workbook has " + pkg.sharedStrings().size());
        }
        return s;
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private SheetnetException uncalculated(CellRef at, String formula) {
        String f = formula.isBlank() ? "(a shared or array formula)" : "=" + WorkbookRels.shorten(formula.trim());
        return new SheetnetException(kind, pkg.fileName() + ": " + SheetName.cell(sheet, at) + " holds the formula "
                + f + " but no calculated value (scripts such as openpyxl write none); open the workbook in Excel"
                + " or LibreOffice and save it, so that its formulas are calculated");
    }

    /** Number of cells read in one step by the shortcut so far (for tests). */
    long cellsReadInOneStep() {
        return shortcutCells;
    }

    private SheetnetException damaged(String what) {
        return XlsxErrors.damaged(pkg.fileName(), part.part() + " (sheet " + SheetName.quote(sheet) + ")", what);
    }

    @Override
    public void close() {
        part.close();
    }
}
