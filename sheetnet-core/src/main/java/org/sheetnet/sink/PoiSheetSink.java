package org.sheetnet.sink;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * Writes rows into a POI sheet held in memory: for the formula check and for small sheets. A small
 * sheet a person reads (Audit, Evaluation) has its numbers formatted ({@link NumberFormats}) and its
 * columns fitted to their text ({@link #fitColumns}).
 */
public final class PoiSheetSink implements SheetSink {

    private final Sheet sheet;
    private final CellStyle headerStyle;
    private final NumberFormats formats;
    private final ColumnFit fit = new ColumnFit();
    private Row current;
    private int next;

    /** A sink whose numbers keep Excel's General format. */
    public PoiSheetSink(Sheet sheet, CellStyle headerStyle) {
        this(sheet, headerStyle, null);
    }

    /**
     * @param sheet       the sheet, empty
     * @param headerStyle the bold style of headers
     * @param formats     the number formats of the sheet's workbook, or null for General
     */
    public PoiSheetSink(Sheet sheet, CellStyle headerStyle, NumberFormats formats) {
        this.sheet = sheet;
        this.headerStyle = headerStyle;
        this.formats = formats;
    }

    /** Widens the columns whose text (or formatted numbers) the default width would cut. */
    public void fitColumns() {
        fit.applyTo(sheet);
    }

    @Override
    public void startRow() {
        current = sheet.createRow(next++);
    }

    @Override
    public int row() {
        return next - 1;
    }

    @Override
    public void number(int col, double value) {
        Cell cell = current.createCell(col);
        cell.setCellValue(value);
        if (formats != null) {
            cell.setCellStyle(formats.styleFor(value));
            fit.see(col, NumberFormats.shownLength(value));
        }
    }

    // POI writes text as given, save that XMLBeans turns what XML cannot hold into '?' and a reader
    // decodes a literal _xHHHH_: OoxmlText's escapes keep the text exact.
    @Override
    public void text(int col, String value) {
        current.createCell(col).setCellValue(OoxmlText.encode(value));
        fit.see(col, value.length());
    }

    @Override
    public void error(int col, String code) {
        current.createCell(col).setCellErrorValue(FormulaError.forString(code).getCode());
        fit.see(col, code.length());
    }

    @Override
    public void header(int col, String value) {
        Cell cell = current.createCell(col);
        cell.setCellValue(OoxmlText.encode(value));
        cell.setCellStyle(headerStyle);
        fit.see(col, value.length());
    }

    @Override
    public void bool(int col, boolean value) {
        current.createCell(col).setCellValue(value);
    }

    @Override
    public void formula(int col, String formula, double cached) {
        Cell cell = current.createCell(col);
        cell.setCellFormula(formula);
        cell.setCellValue(cached);
    }

    @Override
    public void formulaText(int col, String formula, String cached) {
        Cell cell = current.createCell(col);
        cell.setCellFormula(formula);
        cell.setCellValue(cached);
    }

    @Override
    public void endRow() {
        current = null;
    }
}
