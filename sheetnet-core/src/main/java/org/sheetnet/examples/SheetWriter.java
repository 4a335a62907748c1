package org.sheetnet.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sheetnet.sink.DefaultCellStyle;

/** Writes small workbooks cell by cell: the examples, the templates, and test fixtures. */
public final class SheetWriter implements AutoCloseable {

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle bold;

    /** A new, empty workbook. */
    public SheetWriter() {
        DefaultCellStyle.addTo(workbook);
        bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
    }

    /** Adds a sheet whose rows are the given values (String, Number or null), the first row in bold if {@code header}. */
    public SheetWriter sheet(String name, boolean header, List<List<Object>> rows) {
        return sheetAt(name, 0, 0, header, rows);
    }

    /** Adds or extends a sheet, writing the rows with their top-left corner at (row0, col0). */
    public SheetWriter sheetAt(String name, int row0, int col0, boolean header, List<List<Object>> rows) {
        Sheet sheet = workbook.getSheet(name) != null ? workbook.getSheet(name) : workbook.createSheet(name);
        for (int i = 0; i < rows.size(); i++) {
            Row row = sheet.getRow(row0 + i) != null ? sheet.getRow(row0 + i) : sheet.createRow(row0 + i);
            List<Object> values = rows.get(i);
            for (int j = 0; j < values.size(); j++) {
                Object v = values.get(j);
                if (v == null) {
                    continue;
                }
                Cell cell = row.createCell(col0 + j);
                if (v instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    cell.setCellValue(v.toString());
                }
                if (header && i == 0) {
                    cell.setCellStyle(bold);
                }
            }
        }
        return this;
    }

    /** Attaches a note (an Excel comment) to a cell, creating the cell if needed. */
    public SheetWriter note(String sheetName, int row, int col, String text) {
        Sheet sheet = workbook.getSheet(sheetName);
        Row r = sheet.getRow(row) != null ? sheet.getRow(row) : sheet.createRow(row);
        Cell cell = r.getCell(col) != null ? r.getCell(col) : r.createCell(col);
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
        anchor.setCol1(col + 1);
        anchor.setCol2(col + 6);
        anchor.setRow1(row);
        anchor.setRow2(row + 8);
        Comment comment = drawing.createCellComment(anchor);
        comment.setString(workbook.getCreationHelper().createRichTextString(text));
        comment.setAuthor("sheetnet");
        cell.setCellComment(comment);
        return this;
    }

    /** Widens the first columns of every sheet so that names are readable. */
    private void autosize() {
        for (Sheet sheet : workbook) {
            for (int c = 0; c < 12; c++) {
                sheet.setColumnWidth(c, 14 * 256);
            }
        }
    }

    /** Writes the workbook to a file, replacing it, with a fixed creation date so that rebuilds differ only when content does. */
    public void save(Path file) throws IOException {
        autosize();
        Calendar fixed = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
        fixed.clear();
        fixed.set(2026, Calendar.JANUARY, 1);
        workbook.getProperties().getCoreProperties().setCreated(Optional.of(new Date(fixed.getTimeInMillis())));
        workbook.getProperties().getCoreProperties().setCreator("sheetnet");
        Files.createDirectories(file.toAbsolutePath().getParent());
        // Never through a symbolic link put in the file's place (examples write to temporaries in a shared folder).
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, LinkOption.NOFOLLOW_LINKS)) {
            workbook.write(out);
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
