package org.sheetnet.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.sheetnet.testing.Cli.assertContains;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;
import org.sheetnet.testing.HandXlsx;

/** The package reader and the sheet stream, on packages each test writes by hand. */
class XlsxPackageTest {

    @TempDir
    Path dir;

    private Path write(HandXlsx x) throws IOException {
        return x.write(dir.resolve("book.xlsx"));
    }

    private static HandXlsx oneSheet(String xml) {
        return new HandXlsx().sheetXml("S", xml);
    }

    private static String rowsXml(String rows) {
        return HandXlsx.HEAD + "<sheetData>" + rows + "</sheetData></worksheet>";
    }

    /** Every row of the first sheet, each as its dense values. */
    private static List<List<Object>> rows(Path file) {
        try (XlsxPackage pkg = XlsxPackage.open(file);
                SheetStream s = new SheetStream(pkg, pkg.sheets().get(0), SheetnetException.Problem.INPUT)) {
            List<List<Object>> rows = new ArrayList<>();
            for (SheetRow r = s.next(); r != null; r = s.next()) {
                rows.add(Arrays.asList(r.dense(r.lastCol() + 1)));
            }
            return rows;
        }
    }

    @Test
    void numbersComeUnboxedBitForBitAndOtherCellsAsValues() throws IOException {
        Path file = write(oneSheet(rowsXml("<row r=\"1\"><c r=\"A1\"><v>-0</v></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>x</t></is></c><c r=\"C1\"><v>4.9E-324</v></c>"
                + "<c r=\"D1\" t=\"b\"><v>1</v></c><c r=\"E1\"><v>1E308</v></c></row>")));
        try (XlsxPackage pkg = XlsxPackage.open(file);
                SheetStream s = new SheetStream(pkg, pkg.sheets().get(0), SheetnetException.Problem.INPUT)) {
            SheetRow r = s.next();
            String[] numbers = {"-0", null, "4.9E-324", null, "1E308"};
            for (int k = 0; k < numbers.length; k++) {
                assertEquals(numbers[k] != null, r.isNumber(k), "cell " + k + " is a number");
                if (numbers[k] != null) {
                    // Java's own parser as the reference for the bits.
                    assertEquals(Double.doubleToRawLongBits(Double.parseDouble(numbers[k])),
                            Double.doubleToRawLongBits(r.number(k)), "cell " + k + " bits");
                    assertEquals(Double.valueOf(numbers[k]), r.value(k), "cell " + k + " boxed on demand");
                }
            }
            assertEquals("x", r.value(1), "B1");
            assertEquals(Boolean.TRUE, r.value(3), "D1");
            assertThrows(IllegalStateException.class, () -> r.number(1), "number() of a text cell");
        }
    }

    private SheetnetException refused(HandXlsx x) throws IOException {
        Path file = write(x);
        return assertThrows(SheetnetException.class, () -> rows(file));
    }

    @Test
    void listsSheetsByNameFromRelativeAndAbsoluteTargets() throws IOException {
        Path file = write(new HandXlsx().sheet("A", new Object[][] {{1.0}}).sheet("B b", new Object[][] {{2.0}})
                .part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
                        + "2006/relationships\"><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                        + "<Relationship Id=\"rId2\" Type=\"x/worksheet\" Target=\"/xl/worksheets/./sheet2.xml\"/>"
                        + "</Relationships>"));
        try (XlsxPackage pkg = XlsxPackage.open(file)) {
            assertEquals(List.of(new XlsxPackage.Sheet("A", "xl/worksheets/sheet1.xml"),
                    new XlsxPackage.Sheet("B b", "xl/worksheets/sheet2.xml")), pkg.sheets(), "sheets");
            assertEquals("B b", pkg.findSheet("b B").orElseThrow().name(), "lookup ignoring case");
        }
    }

    @Test
    void aTargetClimbingOutOfThePackageIsRefused() throws IOException {
        Path file = write(oneSheet(rowsXml("")).part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://"
                + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"x/worksheet\""
                + " Target=\"../../../etc/passwd\"/></Relationships>"));
        SheetnetException e = assertThrows(SheetnetException.class, () -> XlsxPackage.open(file).close());
        assertEquals("book.xlsx: xl/_rels/workbook.xml.rels is damaged: the target \"../../../etc/passwd\" points outside"
                + " the package", e.getMessage(), "message");
    }

    @Test
    void anExternalSheetTargetIsRefused() throws IOException {
        Path file = write(oneSheet(rowsXml("")).part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://"
                + "schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"x/worksheet\""
                + " Target=\"http://example.com/s.xml\" TargetMode=\"External\"/></Relationships>"));
        SheetnetException e = assertThrows(SheetnetException.class, () -> XlsxPackage.open(file).close());
        assertContains(e.getMessage(), "book.xlsx: xl/workbook.xml is damaged: the sheet \"S\" points outside the package");
    }

    @Test
    void aListedSheetMissingFromTheZipIsReportedAsTruncated() throws IOException {
        Path file = dir.resolve("cut.xlsx");
        new HandXlsx().sheet("S", new Object[][] {{1.0}}).write(file);
        Path cut = dir.resolve("cut2.xlsx");
        copyWithout(file, cut, HandXlsx.sheetPart(1));
        SheetnetException e = assertThrows(SheetnetException.class, () -> rows(cut));
        assertContains(e.getMessage(), "cut2.xlsx: cannot be read as an .xlsx workbook; is it truncated or corrupt?",
                "it has no part xl/worksheets/sheet1.xml");
    }

    @Test
    void aStoredEntryEditedByHandIsRefusedByItsChecksum() throws IOException {
        Path file = write(oneSheet(HandXlsx.sheetXml(new Object[][] {{"x"}, {0.25}})).stored());
        HandXlsx.editInPlace(file, "<v>0.25</v>", "<v>0.75</v>");
        SheetnetException e = assertThrows(SheetnetException.class, () -> rows(file));
        assertEquals("book.xlsx: xl/worksheets/sheet1.xml is damaged (checksum mismatch)", e.getMessage(), "message");
    }

    @Test
    void aZipListingTooManyEntriesIsRefusedBeforeItsDirectoryIsLoaded() throws IOException {
        Path file = dir.resolve("many.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(0);
            for (int i = 0; i < 70_000; i++) {
                zip.putNextEntry(new ZipEntry("e" + i));
                zip.closeEntry();
            }
        }
        SheetnetException e = assertThrows(SheetnetException.class, () -> XlsxPackage.open(file).close());
        assertContains(e.getMessage(), "many.xlsx: the zip lists 70000 entries", "at most 65535 entries");
    }

    @Test
    void aSheetInUtf16ReadsLikeUtf8() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int r = 1; r <= 300; r++) {
            rows.append("<row r=\"").append(r).append("\" spans=\"1:1\"/>");
        }
        rows.append("<row r=\"301\"><c r=\"A301\" t=\"inlineStr\"><is><t>été <!-- > --></t></is></c></row>");
        String xml = rowsXml(rows.toString()).replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
        Path file = write(new HandXlsx().sheet("S", o -> {
            o.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
            o.write(xml.getBytes(StandardCharsets.UTF_16LE));
        }));
        List<List<Object>> read = rows(file);
        assertEquals(301, read.size(), "rows");
        assertEquals(List.of("été"), read.get(300), "A301");
    }

    @Test
    void twoEntriesOfOneNameAreRefused() throws IOException {
        Path file = write(new HandXlsx().sheet("S", new Object[][] {{1.0}}).part("xl/worksheets/sheet9.xml", "<x/>"));
        HandXlsx.editAllInPlace(file, "sheet9.xml", "sheet1.xml");
        SheetnetException e = assertThrows(SheetnetException.class, () -> XlsxPackage.open(file).close());
        assertEquals("book.xlsx: the zip holds two entries named xl/worksheets/sheet1.xml; sheetnet refuses such a package",
                e.getMessage(), "message");
    }

    @Test
    void phoneticRunsAreSkippedAndEscapesDecoded() throws IOException {
        Path file = write(oneSheet(rowsXml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                + "<c r=\"C1\" t=\"inlineStr\"><is><r><t>in</t></r><rPh sb=\"0\" eb=\"1\"><t>PH</t></rPh><r><t>line</t></r>"
                + "</is></c></row>")).part("xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/"
                + "spreadsheetml/2006/main\"><si><r><rPr><b/></rPr><t>r</t></r><r><t>1</t></r><rPh sb=\"0\" eb=\"2\">"
                + "<t>PHONETIC</t></rPh><phoneticPr fontId=\"1\"/></si><si><t>a_x0009_b _x005F_x0041_</t></si></sst>"));
        assertEquals(List.of(List.of("r1", "a\tb _x0041_", "inline")), rows(file), "values of A1, B1, C1");
    }

    @Test
    void aRowRepeatingACellReferenceIsRefusedAsDamaged() throws IOException {
        SheetnetException e = refused(oneSheet(rowsXml("<row r=\"2\"><c r=\"A2\"><v>1</v></c><c r=\"B2\"><v>2</v></c>"
                + "<c r=\"B2\"><v>3</v></c><c r=\"C2\"><v>4</v></c></row>")));
        assertEquals("book.xlsx: xl/worksheets/sheet1.xml (sheet S) is damaged: cell B2 appears twice in row 2 or out"
                + " of order", e.getMessage(), "message");
    }

    @Test
    void rowsOutOfOrderAndCellsInTheWrongRowAreRefused() throws IOException {
        SheetnetException back = refused(oneSheet(rowsXml("<row r=\"3\"><c r=\"A3\"><v>1</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\"><v>1</v></c></row>")));
        assertContains(back.getMessage(), "book.xlsx: xl/worksheets/sheet1.xml (sheet S) is damaged: row 2 appears"
                + " twice or out of order");
        SheetnetException wrongRow = refused(oneSheet(rowsXml("<row r=\"2\"><c r=\"A3\"><v>1</v></c></row>")));
        assertContains(wrongRow.getMessage(), "is damaged: cell A3 stands in row 2");
    }

    @Test
    void rowsAndCellsBeyondTheSheetsLimitsAreRefused() throws IOException {
        SheetnetException rows = refused(oneSheet(rowsXml("<row r=\"1048576\"/><row/>")));
        assertContains(rows.getMessage(), "is damaged: it has rows beyond row 1048576");
        SheetnetException cells = refused(oneSheet(rowsXml("<row r=\"1\"><c r=\"XFD1\"/><c/></row>")));
        assertContains(cells.getMessage(), "is damaged: row 1 has cells beyond column XFD");
        SheetnetException ref = refused(oneSheet(rowsXml("<row r=\"1\"><c r=\"XFE1\"/></row>")));
        assertContains(ref.getMessage(), "is damaged: a cell at XFE1, outside the sheet");
    }

    @Test
    void onlyCellsOfSheetDataRowsAreRead() throws IOException {
        // A row outside <sheetData>, and markup inside a row that holds a nested </row>: Excel shows
        // neither as cells, so neither may add, drop or end a row.
        Path file = write(oneSheet(HandXlsx.HEAD + "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>"
                + "<x><row/></x><c r=\"B1\"><v>2</v></c></row></sheetData>"
                + "<extLst><row r=\"5\"><c r=\"A5\"><v>9</v></c></row></extLst></worksheet>"));
        assertEquals(List.of(List.of(1.0, 2.0)), rows(file), "rows read");
    }

    @Test
    void stringsAndSheetsInsideExtensionsAreNotCounted() throws IOException {
        Path file = write(new HandXlsx().sheetXml("S", rowsXml("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>"))
                .part("xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                        + "<si><t>zero</t></si><si><t>o</t><x><t>HIDDEN</t></x><r><t>n</t></r>"
                        + "<r><x><t>HIDDEN</t></x><t>e</t></r></si>"
                        + "<extLst><ext><si><t>hidden</t></si></ext></extLst><si><t>two</t></si></sst>")
                .part("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                        + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><extLst><sheet"
                        + " name=\"Ghost\" sheetId=\"9\" r:id=\"rId1\"/></extLst><sheets><sheet name=\"S\" sheetId=\"1\""
                        + " r:id=\"rId1\"/></sheets></workbook>"));
        assertEquals(List.of(List.of("one")), rows(file), "A1 is string 1, without text outside <t> and runs");
        try (XlsxPackage pkg = XlsxPackage.open(file)) {
            assertEquals(List.of("S"), pkg.sheetNames(), "sheets listed in <sheets> only");
        }
    }

    @Test
    void aFormulaWithoutACachedValueIsRefusedNamingTheCellAndFormula() throws IOException {
        SheetnetException e = refused(oneSheet(rowsXml("<row r=\"2\"><c r=\"B2\"><f>0.01*2</f></c></row>")));
        assertEquals(SheetnetException.Problem.INPUT, e.problem(), "problem kind");
        assertContains(e.getMessage(), "book.xlsx: S!B2 holds the formula =0.01*2 but no calculated value",
                "open the workbook in Excel or LibreOffice and save it");
    }

    @Test
    void aFormulaWithItsCachedValueReadsAsThatValue() throws IOException {
        Path file = write(oneSheet(rowsXml("<row r=\"1\"><c r=\"A1\"><f>0.01*2</f><v>0.02</v></c>"
                + "<c r=\"B1\" t=\"str\"><f>\"a\"&amp;\"b\"</f><v>ab</v></c></row>")));
        assertEquals(List.of(List.of(0.02, "ab")), rows(file), "values of A1 and B1");
    }

    @Test
    void aNumberCellHoldingNanOrInfinityIsRefusedNamingTheCell() throws IOException {
        for (String bad : List.of("NaN", "Infinity", "1d", "0x1p3")) {
            SheetnetException e = refused(oneSheet(rowsXml("<row r=\"1\"><c r=\"C1\"><v>" + bad + "</v></c></row>")));
            assertEquals("book.xlsx: S!C1 holds \"" + bad + "\", which is not a finite number; a workbook cannot hold it",
                    e.getMessage(), "message for " + bad);
        }
    }

    @Test
    void theHandWrittenReferenceParserAgreesWithCellRef() {
        for (String r : List.of("A1", "Z9", "AA10", "XFD1048576", "ZZZ9999999", "A0", "AAAA1", "A12345678", "1A", "A",
                "", "A1B", "A-1")) {
            assertEquals(org.sheetnet.sheet.CellRef.parse(r).orElse(null), CellText.ref(r), "\"" + r + "\"");
        }
    }

    @Test
    void aLongCommentHoldingMarkupIsFineButOneOverAMebibyteIsRefused() throws IOException {
        String shortComment = "<!-- a < b > c - d <x> " + "x".repeat(1000) + " -->";
        Path ok = write(oneSheet(rowsXml(shortComment + "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")));
        assertEquals(List.of(List.of(1.0)), rows(ok), "values after a comment holding < and >");
        SheetnetException e = refused(oneSheet(rowsXml("<!--" + "<x>".repeat(400_000) + "-->")));
        assertEquals("book.xlsx: xl/worksheets/sheet1.xml holds a text, tag or comment longer than 1 MiB; a cell holds"
                + " at most 32,767 characters, so sheetnet refuses it", e.getMessage(), "message");
    }

    @Test
    void longTextAttributesAndDeepNestingAreRefused() throws IOException {
        String longText = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "y".repeat(1_100_000) + "</t></is></c></row>";
        assertContains(refused(oneSheet(rowsXml(longText))).getMessage(), "longer than 1 MiB");
        String longAttribute = "<row r=\"1\" spans=\"" + "1".repeat(1_100_000) + "\"></row>";
        assertContains(refused(oneSheet(rowsXml(longAttribute))).getMessage(), "longer than 1 MiB");
        String deep = "<extLst>".repeat(300) + "</extLst>".repeat(300);
        assertContains(refused(oneSheet(rowsXml(deep))).getMessage(), "nests elements more than 256 deep");
    }

    @Test
    void textSplitByCommentsIsStillBoundedPerCell() throws IOException {
        String split = ("z".repeat(60_000) + "<!---->").repeat(2);
        SheetnetException e = refused(oneSheet(rowsXml("<row r=\"1\"><c r=\"A1\"><v>" + split + "</v></c></row>")));
        assertContains(e.getMessage(), "book.xlsx: xl/worksheets/sheet1.xml: the value of A1 holds more than 65536"
                + " characters");
    }

    @Test
    void anEntryUnpackingPastItsLimitIsRefusedWhileInflating() throws IOException {
        byte[] huge = ("<sst xmlns=\"x\">" + "<si><t>a</t></si>".repeat(1 << 20)).getBytes(StandardCharsets.UTF_8);
        Path file = write(new HandXlsx().sheet("S", new Object[][] {{1.0}})
                .part("xl/workbook.xml", new String(huge, StandardCharsets.UTF_8)));
        SheetnetException e = assertThrows(SheetnetException.class, () -> XlsxPackage.open(file).close());
        assertEquals("book.xlsx: xl/workbook.xml unpacks to more than 16 MB; sheetnet refuses it (the most it reads from"
                + " this part)", e.getMessage(), "message");
    }

    private static void copyWithout(Path from, Path to, String entry) throws IOException {
        try (var zin = new java.util.zip.ZipInputStream(Files.newInputStream(from));
                ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
                if (!e.getName().equals(entry)) {
                    zout.putNextEntry(new ZipEntry(e.getName()));
                    zin.transferTo(zout);
                    zout.closeEntry();
                }
            }
        }
    }

    @Test
    void workbookPartsAreOnlyReadWhenAsked() throws IOException {
        // A sheet of malformed XML is harmless until a reader asks for it.
        Path file = write(new HandXlsx().sheet("Good", new Object[][] {{1.0}}).sheetXml("Bad", "<worksheet><oops"));
        try (XlsxPackage pkg = XlsxPackage.open(file)) {
            assertEquals(List.of("Good", "Bad"), pkg.sheetNames(), "sheet names");
        }
    }
}
