package org.sheetnet.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads written workbooks back with POI's user model, for assertions cell by cell. */
public final class Sheets {

    private Sheets() {
    }

    /** Opens a workbook read-only. */
    public static XSSFWorkbook open(Path file) throws IOException {
        try {
            return new XSSFWorkbook(OPCPackage.open(file.toFile(), PackageAccess.READ));
        } catch (InvalidFormatException e) {
            throw new IOException(e);
        }
    }

    /** The names of a workbook's sheets, in order. */
    public static List<String> names(Path file) throws IOException {
        try (XSSFWorkbook wb = open(file)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            return names;
        }
    }

    /** A sheet's cells as rows of Double, String or null, up to each row's last cell. */
    public static List<List<Object>> rows(Path file, String sheetName) throws IOException {
        try (XSSFWorkbook wb = open(file)) {
            Sheet sheet = wb.getSheet(sheetName);
            if (sheet == null) {
                throw new AssertionError(file.getFileName() + " has no sheet " + sheetName);
            }
            List<List<Object>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<Object> values = new ArrayList<>();
                for (int c = 0; row != null && c < row.getLastCellNum(); c++) {
                    values.add(value(row.getCell(c)));
                }
                rows.add(values);
            }
            return rows;
        }
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        // A formula cell reads as its cached result.
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            return cell.getNumericCellValue();
        }
        if (type == CellType.STRING) {
            return cell.getStringCellValue();
        }
        if (type == CellType.BLANK) {
            return null;
        }
        throw new AssertionError("unexpected cell type " + cell.getCellType() + " at " + cell.getAddress());
    }

    /** The value in column {@code header} of data row {@code row} (from 1, below the header). */
    public static Object at(List<List<Object>> rows, int row, String header) {
        int col = rows.get(0).indexOf(header);
        if (col < 0) {
            throw new AssertionError("no column " + header + " in " + rows.get(0));
        }
        List<Object> r = rows.get(row);
        return col < r.size() ? r.get(col) : null;
    }

    /** Like {@link #at} for a number. */
    public static double number(List<List<Object>> rows, int row, String header) {
        Object v = at(rows, row, header);
        if (!(v instanceof Double d)) {
            throw new AssertionError("expected a number in column " + header + " row " + row + ", found " + v);
        }
        return d;
    }
}
