package org.sheetnet.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.sheetnet.sheet.CellRef;

/**
 * Writes one worksheet's XML (SpreadsheetML) straight into a deflated temporary file, ready to be
 * placed in the .xlsx zip as it is: no cell objects, no second pass. This is where a large run
 * spends its time, so it works on bytes: numbers are written with {@link NumberText} (which
 * reads back as the same double), text as inline strings.
 *
 * <p>The sheet's head (its view, column widths) is written with the first bytes that leave the buffer:
 * by then the header and the first rows are known, so the widths fit the headers and the ids of those
 * rows ({@link ColumnFit}). What the buffer holds is fixed by the content, so the widths are too.
 */
final class XmlSheetSink implements SheetSink {

    private static final String START = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";
    // The header row stays in view while scrolling through many rows.
    private static final String FROZEN_PANE = "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\""
            + " state=\"frozen\"/>";
    private static final byte[] TAIL = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
    // Bytes leave the buffer when the next piece would take it past CAPACITY.
    private static final int CAPACITY = 1 << 16;

    private final Path file;
    private final int headerStyle;
    private final boolean frozenHeader;
    private final boolean selected;
    private final ColumnFit fit = new ColumnFit();
    private boolean headWritten;
    private final CRC32 crc = new CRC32();
    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
    private final OutputStream out;
    // The spare bytes after CAPACITY let a number be written in place before its length is known.
    private final byte[] buffer = new byte[CAPACITY + NumberText.MAX_LENGTH];
    // Column letters by index, made once each: a 784-input row would otherwise spell them per cell.
    private String[] columns = new String[512];
    private int length;
    private long size;
    private int next;
    private String rowNumber;

    /**
     * @param file        the temporary file to write; created
     * @param headerStyle the index of the bold cell style in the workbook's styles
     * @param frozenHeader whether the first row stays in view when scrolling
     * @param selected     whether the sheet is the one shown when the file is opened
     */
    XmlSheetSink(Path file, int headerStyle, boolean frozenHeader, boolean selected) {
        this.file = file;
        this.headerStyle = headerStyle;
        this.frozenHeader = frozenHeader;
        this.selected = selected;
        try {
            this.out = new DeflaterOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                    deflater, 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The worksheet's start, up to <sheetData>, in the schema's order: sheetViews, sheetFormatPr, cols.
    private byte[] head() {
        StringBuilder sb = new StringBuilder(START);
        if (frozenHeader || selected) {
            sb.append("<sheetViews><sheetView").append(selected ? " tabSelected=\"1\"" : "").append(" workbookViewId=\"0\"");
            sb.append(frozenHeader ? ">" + FROZEN_PANE + "</sheetView>" : "/>").append("</sheetViews>");
        }
        sb.append("<sheetFormatPr defaultRowHeight=\"15\"/>").append(fit.colsElement()).append("<sheetData>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void startRow() {
        rowNumber = Integer.toString(++next);
        ascii("<row r=\"").ascii(rowNumber).ascii("\">");
    }

    @Override
    public int row() {
        return next - 1;
    }

    private XmlSheetSink cellStart(int col, String type) {
        ascii("<c r=\"").ascii(column(col)).ascii(rowNumber);
        if (type != null) {
            ascii("\" t=\"").ascii(type);
        }
        return ascii("\">");
    }

    @Override
    public void number(int col, double value) {
        cellStart(col, null).ascii("<v>").numberText(value).ascii("</v></c>");
    }

    @Override
    public void text(int col, String value) {
        measure(col, value);
        cellStart(col, "inlineStr").ascii("<is><t xml:space=\"preserve\">").escaped(value).ascii("</t></is></c>");
    }

    @Override
    public void header(int col, String value) {
        measure(col, value);
        ascii("<c r=\"").ascii(column(col)).ascii(rowNumber).ascii("\" s=\"").ascii(Integer.toString(headerStyle))
                .ascii("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">").escaped(value).ascii("</t></is></c>");
    }

    @Override
    public void error(int col, String code) {
        measure(col, code);
        cellStart(col, "e").ascii("<v>").escaped(code).ascii("</v></c>");
    }

    @Override
    public void bool(int col, boolean value) {
        cellStart(col, "b").ascii(value ? "<v>1</v></c>" : "<v>0</v></c>");
    }

    @Override
    public void formula(int col, String formula, double cached) {
        cellStart(col, null).ascii("<f>").escaped(formula).ascii("</f><v>").numberText(cached).ascii("</v></c>");
    }

    @Override
    public void formulaText(int col, String formula, String cached) {
        measure(col, cached);
        cellStart(col, "str").ascii("<f>").escaped(formula).ascii("</f><v>").escaped(cached).ascii("</v></c>");
    }

    @Override
    public void endRow() {
        ascii("</row>");
    }

    /**
     * Ends the sheet and closes its file.
     *
     * @return the entry's CRC-32 and sizes, for the zip directory
     */
    DeflatedPart finish() {
        bytes(TAIL);
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeflatedPart part = new DeflatedPart(file, crc.getValue(), size, deflater.getBytesWritten());
        deflater.end();
        return part;
    }

    /** Closes the file without finishing it, after a failure. */
    void abandon() {
        try {
            out.close();
        } catch (IOException e) {
            // Being abandoned; the temporary file is deleted by the owner.
        }
        deflater.end();
    }

    /**
     * A finished, deflated worksheet.
     *
     * @param file            the raw deflate data
     * @param crc             CRC-32 of the uncompressed XML
     * @param size            size of the uncompressed XML
     * @param compressedSize  size of the deflate data
     */
    record DeflatedPart(Path file, long crc, long size, long compressedSize) {
    }

    private String column(int col) {
        if (col >= columns.length) {
            columns = java.util.Arrays.copyOf(columns, Math.max(col + 1, 2 * columns.length));
        }
        String name = columns[col];
        if (name == null) {
            name = CellRef.columnName(col);
            columns[col] = name;
        }
        return name;
    }

    // String.getBytes(int, int, byte[], int) copies ASCII without allocating, which matters per cell.
    @SuppressWarnings("deprecation")
    private XmlSheetSink ascii(String s) {
        int n = s.length();
        if (length + n > CAPACITY) {
            flush();
        }
        if (n > CAPACITY) {
            bytes(s.getBytes(StandardCharsets.UTF_8));
            return this;
        }
        s.getBytes(0, n, buffer, length);
        length += n;
        return this;
    }

    // Straight into the buffer: the one call per cell that a large output makes millions of times.
    // The bytes leave the buffer at the same points as if the text were a string given to ascii(),
    // so the head (written with the first bytes out) and the file do not depend on this shortcut.
    private XmlSheetSink numberText(double value) {
        int start = length;
        int end = NumberText.write(value, buffer, start);
        if (end <= CAPACITY) {
            length = end;
            return this;
        }
        int n = end - start;
        write(buffer, start);
        System.arraycopy(buffer, start, buffer, 0, n);
        length = n;
        return this;
    }

    // XML text: the markup characters escaped, after OoxmlText's escapes for what XML cannot hold.
    private XmlSheetSink escaped(String text) {
        String s = OoxmlText.encode(text);
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            String replacement = switch (ch) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (replacement != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (replacement != null) {
                    sb.append(replacement);
                } else {
                    sb.append(ch);
                }
            }
        }
        bytes((sb == null ? s : sb.toString()).getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private void bytes(byte[] b) {
        if (length + b.length > CAPACITY) {
            flush();
        }
        if (b.length > CAPACITY) {
            write(b, b.length);
            return;
        }
        System.arraycopy(b, 0, buffer, length, b.length);
        length += b.length;
    }

    private void flush() {
        write(buffer, length);
        length = 0;
    }

    // Only while the head is unwritten: the widths are decided by then.
    private void measure(int col, String text) {
        if (!headWritten) {
            fit.see(col, text.length());
        }
    }

    private void write(byte[] b, int n) {
        if (!headWritten) {
            headWritten = true;
            byte[] head = head();
            writeRaw(head, head.length);
        }
        writeRaw(b, n);
    }

    private void writeRaw(byte[] b, int n) {
        crc.update(b, 0, n);
        size += n;
        try {
            out.write(b, 0, n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
