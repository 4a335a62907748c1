package org.sheetnet.io;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.sheetnet.SheetnetException;

/** Input rows from a sheet of an open workbook: the first row is the header. */
public final class SheetRowSource implements RowSource {

    private final Sheet sheet;
    private final String file;
    private final List<String> header;
    private final int lastRow;
    private int nextRow;
    private int skipped;

    /**
     * @param sheet the sheet holding the inputs
     * @param file  the file's name, for messages
     * @throws SheetnetException (INPUT) if the sheet has no header row
     */
    public SheetRowSource(Sheet sheet, String file) {
        this.sheet = sheet;
        this.file = file;
        int first = sheet.getFirstRowNum();
        Row headerRow = first < 0 ? null : sheet.getRow(first);
        if (headerRow == null || headerRow.getLastCellNum() <= 0) {
            throw SheetnetException.input(file + ": sheet " + SheetName.quote(sheet.getSheetName())
                    + " is empty; it needs a header row, then one row per case");
        }
        this.header = readHeader(headerRow);
        this.lastRow = sheet.getLastRowNum();
        this.nextRow = headerRow.getRowNum() + 1;
    }

    private static List<String> readHeader(Row row) {
        Object[] cells = new Object[row.getLastCellNum()];
        for (int c = 0; c < cells.length; c++) {
            cells[c] = CellValues.of(row.getCell(c));
        }
        return InputHeader.names(cells);
    }

    @Override
    public String describe() {
        return file + "!" + SheetName.quote(sheet.getSheetName());
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public InputRow next() {
        while (nextRow <= lastRow) {
            Row row = sheet.getRow(nextRow++);
            Object[] values = new Object[header.size()];
            boolean blank = true;
            if (row != null) {
                for (int c = 0; c < values.length; c++) {
                    Cell cell = row.getCell(c);
                    values[c] = CellValues.of(cell);
                    blank &= values[c] == null;
                }
            }
            if (!blank) {
                return new InputRow(nextRow, values);
            }
            skipped++;
        }
        return null;
    }

    @Override
    public String locate(int line, int col) {
        return file + ": " + SheetName.cell(sheet.getSheetName(), new CellRef(line - 1, col));
    }

    @Override
    public String locateRow(int line) {
        return file + ": " + SheetName.quote(sheet.getSheetName()) + " row " + line;
    }

    @Override
    public double fractionRead() {
        return lastRow <= 0 ? 1 : Math.min(1, (double) nextRow / (lastRow + 1));
    }

    @Override
    public int skippedBlankRows() {
        return skipped;
    }

    @Override
    public void close() {
        // The workbook belongs to whoever opened it.
    }
}
