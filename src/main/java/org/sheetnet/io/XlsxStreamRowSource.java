package org.sheetnet.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.sheetnet.SheetnetException;
import org.xml.sax.SAXException;

/**
 * Input rows from a sheet of an .xlsx file, read as a stream of XML (StAX) without building the
 * sheet in memory: memory stays flat however many rows the sheet has. The first row is the header.
 * Formula cells give their cached result, as in {@link CellValues}.
 */
public final class XlsxStreamRowSource implements RowSource {

    private final String file;
    private final String sheetName;
    private final OPCPackage pkg;
    private final InputStream stream;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable strings;
    private final List<String> header;
    private int skipped;

    /**
     * Opens a sheet for streaming.
     *
     * @param path  the .xlsx file; opened read-only
     * @param sheet the sheet's name (any case), or null for the first sheet
     * @throws SheetnetException (FILE) if the file is not a readable workbook, (INPUT) if the sheet is missing or empty
     */
    public XlsxStreamRowSource(Path path, String sheet) {
        WorkbookFiles.requireReadable(path);
        WorkbookFiles.checkMagic(path);
        this.file = path.getFileName().toString();
        OPCPackage opened = null;
        try {
            opened = OPCPackage.open(path.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(opened);
            this.strings = new ReadOnlySharedStringsTable(opened, false);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            InputStream found = null;
            String foundName = null;
            List<String> names = new ArrayList<>();
            while (sheets.hasNext()) {
                InputStream s = sheets.next();
                names.add(sheets.getSheetName());
                if (found == null && (sheet == null || sheets.getSheetName().equalsIgnoreCase(sheet))) {
                    found = s;
                    foundName = sheets.getSheetName();
                } else {
                    s.close();
                }
            }
            if (found == null) {
                throw SheetnetException.input(file + ": no sheet named \"" + sheet + "\"; its sheets are "
                        + String.join(", ", names));
            }
            this.pkg = opened;
            this.sheetName = foundName;
            this.stream = found;
            this.xml = XMLInputFactory.newFactory().createXMLStreamReader(found);
            InputRow first = readRow();
            if (first == null) {
                throw SheetnetException.input(file + ": sheet " + SheetName.quote(foundName)
                        + " is empty; it needs a header row, then one row per case");
            }
            this.header = InputHeader.names(first.values());
        } catch (IOException | OpenXML4JException | SAXException | XMLStreamException | RuntimeException e) {
            if (opened != null) {
                opened.revert();
            }
            if (e instanceof SheetnetException s) {
                throw s;
            }
            throw SheetnetException.file(path + ": cannot be read as an .xlsx workbook; is it truncated or corrupt? ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    @Override
    public String describe() {
        return file + "!" + SheetName.quote(sheetName);
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public InputRow next() {
        try {
            for (InputRow row = readRow(); row != null; row = readRow()) {
                Object[] values = new Object[header.size()];
                boolean blank = true;
                for (int c = 0; c < row.values().length; c++) {
                    Object v = row.values()[c];
                    if (c < values.length) {
                        values[c] = v;
                    }
                    blank &= v == null;
                }
                if (!blank) {
                    return new InputRow(row.line(), values);
                }
                skipped++;
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            if (e instanceof SheetnetException s) {
                throw s;
            }
            throw SheetnetException.file(file + ": the sheet " + SheetName.quote(sheetName) + " cannot be read; is the file"
                    + " truncated or corrupt? (" + e.getMessage() + ")", e);
        }
    }

    // Reads the next <row> element: its number and its cells' values, up to its last cell.
    private InputRow readRow() throws XMLStreamException {
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                String r = xml.getAttributeValue(null, "r");
                int line = r == null ? -1 : Integer.parseInt(r);
                return new InputRow(line, cells());
            }
        }
        return null;
    }

    private Object[] cells() throws XMLStreamException {
        List<Object> values = new ArrayList<>();
        int next = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String ref = xml.getAttributeValue(null, "r");
                int col = ref == null ? next : CellRef.parse(ref).map(CellRef::col).orElse(next);
                String type = xml.getAttributeValue(null, "t");
                Object value = cellValue(type);
                while (values.size() < col) {
                    values.add(null);
                }
                values.add(value);
                next = col + 1;
            }
        }
        return values.toArray();
    }

    // The value of the current <c> element, read up to its end tag.
    private Object cellValue(String type) throws XMLStreamException {
        StringBuilder v = null;
        StringBuilder inline = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("v".equals(name)) {
                    v = new StringBuilder(xml.getElementText());
                } else if ("t".equals(name)) {
                    inline = (inline == null ? new StringBuilder() : inline).append(xml.getElementText());
                } else if ("f".equals(name)) {
                    xml.getElementText();
                }
            }
        }
        String t = type == null ? "n" : type;
        switch (t) {
            case "inlineStr":
                return text(inline == null ? null : inline.toString());
            case "s":
                return v == null ? null : text(strings.getItemAt(Integer.parseInt(v.toString().trim())).getString());
            case "str":
                return v == null ? null : text(v.toString());
            case "b":
                return v == null ? null : "1".equals(v.toString().trim());
            case "e":
                return v == null ? null : new CellValues.ErrorValue(v.toString());
            default:
                return v == null || v.toString().isBlank() ? null : Double.parseDouble(v.toString().trim());
        }
    }

    private static String text(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String locate(int line, int col) {
        return file + ": " + SheetName.cell(sheetName, new CellRef(line - 1, col));
    }

    @Override
    public String locateRow(int line) {
        return file + ": " + SheetName.quote(sheetName) + " row " + line;
    }

    @Override
    public int skippedBlankRows() {
        return skipped;
    }

    @Override
    public void close() {
        try {
            xml.close();
            stream.close();
        } catch (XMLStreamException | IOException e) {
            // Only reading; nothing is lost.
        }
        pkg.revert();
    }
}
