package org.sheetnet.sink;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/** Writes rows into a POI sheet held in memory: for the formula check and for small sheets. */
public final class PoiSheetSink implements SheetSink {

    private final Sheet sheet;
    private final CellStyle headerStyle;
    private Row current;
    private int next;

    public PoiSheetSink(Sheet sheet, CellStyle headerStyle) {
        this.sheet = sheet;
        this.headerStyle = headerStyle;
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
        current.createCell(col).setCellValue(value);
    }

    // POI writes text as given, save that XMLBeans turns what XML cannot hold into '?' and a reader
    // decodes a literal _xHHHH_: OoxmlText's escapes keep the text exact.
    @Override
    public void text(int col, String value) {
        current.createCell(col).setCellValue(OoxmlText.encode(value));
    }

    @Override
    public void header(int col, String value) {
        Cell cell = current.createCell(col);
        cell.setCellValue(OoxmlText.encode(value));
        cell.setCellStyle(headerStyle);
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
