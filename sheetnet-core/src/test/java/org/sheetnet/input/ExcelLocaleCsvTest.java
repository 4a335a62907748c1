package org.sheetnet.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;

/**
 * CSV files as German, French and English Excel save them, written byte for byte here: each reads as
 * the same numbers as the plain English file, and a file that could be read two ways is refused.
 */
class ExcelLocaleCsvTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private Path write(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static List<InputRow> rows(Path file, CsvSettings settings) {
        List<InputRow> rows = new ArrayList<>();
        try (CsvRowSource source = new CsvRowSource(file, settings)) {
            for (InputRow r = source.next(); r != null; r = source.next()) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static String reading(Path file, CsvSettings settings) {
        try (CsvRowSource source = new CsvRowSource(file, settings)) {
            while (source.next() != null) {
                // The Audit line is written after the last row.
            }
            return source.reading().orElseThrow();
        }
    }

    @Test
    void aGermanExcelCsvReadsAsTheEnglishOne() throws IOException {
        // Excel (de-DE) "CSV (Trennzeichen-getrennt)": Windows-1252, ';' between fields, ',' as the decimal mark,
        // '.' between thousands where the cell's format shows them; CRLF.
        Path german = write("de.csv", "Größe;Gewicht;Preis\r\n5,84;-0,5;1.200,50\r\n1,5E-03;12;1.234.567\r\n"
                .getBytes(WINDOWS_1252));
        Path english = write("en.csv", "Größe,Gewicht,Preis\r\n5.84,-0.5,1200.50\r\n1.5E-03,12,1234567\r\n"
                .getBytes(StandardCharsets.UTF_8));
        List<InputRow> de = rows(german, CsvSettings.DETECT);
        List<InputRow> en = rows(english, CsvSettings.DETECT);
        assertEquals(2, de.size(), "rows");
        for (int r = 0; r < 2; r++) {
            assertArrayEquals(en.get(r).toArray(), de.get(r).toArray(), "row " + (r + 2));
        }
        assertEquals(1200.5, de.get(0).value(2), "C2 1.200,50");
        assertEquals(1234567.0, de.get(1).value(2), "C3 1.234.567");
        try (CsvRowSource source = new CsvRowSource(german)) {
            assertEquals(List.of("Größe", "Gewicht", "Preis"), source.header(), "a Windows-1252 header");
        }
        assertEquals("Windows-1252 (the first 64 KB are not UTF-8); separator ';' (detected); decimal mark ','"
                + " (detected from de.csv:2 column A (Größe) \"5,84\"); thousands separators: '.' or a space (in 2 fields)",
                reading(german, CsvSettings.DETECT), "the Audit's reading line");
    }

    @Test
    void aFrenchExcelCsvWithSpacesBetweenThousandsReadsAsTheEnglishOne() throws IOException {
        // Excel (fr-FR): ';' and ',' as German, a no-break space (0xA0 in Windows-1252) between thousands.
        byte[] nbsp = {(byte) 0xA0};
        Path french = write("fr.csv", "prix;quantité\r\n1".getBytes(WINDOWS_1252), nbsp,
                "234,5;3\r\n0,25;1".getBytes(WINDOWS_1252), nbsp, "000\r\n".getBytes(WINDOWS_1252));
        List<InputRow> rows = rows(french, CsvSettings.DETECT);
        assertArrayEquals(new Object[] {1234.5, 3.0}, rows.get(0).toArray(), "row 2");
        assertArrayEquals(new Object[] {0.25, 1000.0}, rows.get(1).toArray(), "row 3");
    }

    @Test
    void utf8AndUtf16WithAByteOrderMarkAndTabsRead() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Path utf8 = write("bom.csv", bom, "x;y\r\n5,84;2\r\n".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals(new Object[] {5.84, 2.0}, rows(utf8, CsvSettings.DETECT).get(0).toArray(), "UTF-8 with BOM");
        // Excel's "Unicode Text": UTF-16 little-endian with a byte-order mark, tab-separated.
        byte[] utf16bom = {(byte) 0xFF, (byte) 0xFE};
        Path unicode = write("unicode.txt", utf16bom, "x\ty\r\n5,84\t1.200\r\n".getBytes(StandardCharsets.UTF_16LE));
        assertArrayEquals(new Object[] {5.84, 1200.0}, rows(unicode, CsvSettings.DETECT).get(0).toArray(), "UTF-16 tabs");
        assertTrue(reading(unicode, CsvSettings.DETECT).startsWith("UTF-16 little-endian (byte-order mark); separator tab"),
                "the encoding and separator are said");
    }

    @Test
    void anEnglishExcelCsvWithQuotedThousandsReads() throws IOException {
        Path english = write("en.csv", "id,amount\r\nA,\"1,200.50\"\r\nB,3.25\r\n".getBytes(StandardCharsets.UTF_8));
        List<InputRow> rows = rows(english, CsvSettings.DETECT);
        assertEquals(1200.5, rows.get(0).value(1), "B2 \"1,200.50\"");
        assertEquals("A", rows.get(0).value(0), "A2 stays text");
    }

    @Test
    void aNumberReadTwoWaysIsRefusedUnlessAnOptionSaysWhich() throws IOException {
        Path file = write("rows.csv", "a;b\r\n1,200;3\r\n4;5\r\n".getBytes(StandardCharsets.UTF_8));
        SheetnetException e = assertThrows(SheetnetException.class, () -> rows(file, CsvSettings.DETECT));
        assertEquals("rows.csv:2 column A (a): \"1,200\" reads as 1.2 with a decimal comma and as 1200.0 with a decimal"
                + " dot and a thousands separator, and no number in the first rows shows which; give --decimal-mark ,"
                + " or --decimal-mark .", e.getMessage(), "the message names the first ambiguous field");
        assertEquals(SheetnetException.Problem.INPUT, e.problem(), "an input problem");
        assertEquals(1.2, rows(file, mark(',')).get(0).value(0), "--decimal-mark ,");
        assertEquals(1200.0, rows(file, mark('.')).get(0).value(0), "--decimal-mark . (thousands as Excel writes them)");
        CsvSettings noThousands = new CsvSettings(Optional.empty(), Optional.of('.'), Optional.of(""));
        assertEquals("1,200", rows(file, noThousands).get(0).value(0), "--decimal-mark . --thousands-separator none: text");
        CsvSettings dotThousands = new CsvSettings(Optional.empty(), Optional.empty(), Optional.of("."));
        assertEquals(1.2, rows(file, dotThousands).get(0).value(0), "--thousands-separator . implies a decimal comma");
        assertTrue(reading(file, mark(',')).contains("decimal mark ',' (--decimal-mark)"), "the option is named");
    }

    @Test
    void anAmbiguousFieldIsReadWhenALaterRowOfTheFirstOnesDecides() throws IOException {
        Path comma = write("c.csv", "a;b\r\n1,200;3\r\n5,5;1\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1.2, rows(comma, CsvSettings.DETECT).get(0).value(0), "1,200 with 5,5 below");
        Path dot = write("d.csv", "a;b\r\n1,200;3\r\n5.5;1\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1200.0, rows(dot, CsvSettings.DETECT).get(0).value(0), "1,200 with 5.5 below");
    }

    @Test
    void anAmbiguousFieldAfterTheFirstRowsIsRefusedWithItsLine() throws IOException {
        StringBuilder text = new StringBuilder("a;b\r\n");
        for (int r = 0; r < CsvRowSource.LOOK_AHEAD_RECORDS + 5; r++) {
            text.append(r).append(";1\r\n");
        }
        text.append("2.500;1\r\n");
        Path file = write("late.csv", text.toString().getBytes(StandardCharsets.UTF_8));
        SheetnetException e = assertThrows(SheetnetException.class, () -> rows(file, CsvSettings.DETECT));
        assertTrue(e.getMessage().startsWith("late.csv:1007 column A (a): \"2.500\" reads as 2500.0 with a decimal comma"
                + " and as 2.5 with a decimal dot"), e.getMessage());
        Path integers = write("integers.csv", "a;b\r\n1;2\r\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(reading(integers, CsvSettings.DETECT).endsWith("no number has a decimal mark or thousands separator:"
                + " every reading gives the same numbers"), "a file of integers says so");
    }

    @Test
    void aFieldContradictingTheDetectedMarkIsRefusedNamingBoth() throws IOException {
        Path file = write("mixed.csv", "a;b\r\n5,84;1\r\n5.84;2\r\n".getBytes(StandardCharsets.UTF_8));
        SheetnetException e = assertThrows(SheetnetException.class, () -> rows(file, CsvSettings.DETECT));
        assertEquals("mixed.csv:3 column A (a): \"5.84\" is a number only with a decimal dot, but the decimal mark was"
                + " detected from mixed.csv:2 column A (a) \"5,84\" (a decimal comma); correct the field, or give"
                + " --decimal-mark", e.getMessage(), "both fields are named");
        assertEquals("5.84", rows(file, mark(',')).get(1).value(0), "with --decimal-mark , it is text");
    }

    @Test
    void aSeparatorThatCannotBeToldIsRefusedUnlessGiven() throws IOException {
        Path file = write("two.csv", "a,b;c\r\n1,2;3\r\n".getBytes(StandardCharsets.UTF_8));
        SheetnetException e = assertThrows(SheetnetException.class, () -> rows(file, CsvSettings.DETECT));
        assertEquals("two.csv: line 1: fields could be separated by ';' or by ','; give --csv-separator to say which",
                e.getMessage(), "message");
        CsvSettings semicolon = new CsvSettings(Optional.of(';'), Optional.of('.'), Optional.empty());
        assertEquals("1,2", rows(file, semicolon).get(0).value(0), "--csv-separator ; --decimal-mark .");
    }

    @Test
    void bytesThatAreNotUtf8AfterAUtf8StartAreRefusedWithTheirLine() throws IOException {
        StringBuilder ascii = new StringBuilder("name,x\r\n");
        while (ascii.length() < CsvEncoding.PEEK + 100) {
            ascii.append("abc,1\r\n");
        }
        long lines = ascii.chars().filter(c -> c == '\n').count();
        Path file = write("late.csv", ascii.toString().getBytes(StandardCharsets.US_ASCII),
                "caf".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xE9}, ",2\r\n".getBytes(StandardCharsets.US_ASCII));
        SheetnetException e = assertThrows(SheetnetException.class, () -> rows(file, CsvSettings.DETECT));
        assertTrue(e.getMessage().startsWith("late.csv: line " + (lines + 1) + ": bytes that are not text in the file's"
                + " encoding"), e.getMessage());
        assertEquals(SheetnetException.Problem.FILE, e.problem(), "a file problem");
    }

    /** Random numbers written as English and as German Excel write them read back to the same bits. */
    @Test
    void randomNumbersInGermanNotationReadBitForBitAsInEnglish() throws IOException {
        SplittableRandom random = new SplittableRandom(12);
        StringBuilder en = new StringBuilder("x,y\r\n");
        StringBuilder de = new StringBuilder("x;y\r\n");
        List<Double> expected = new ArrayList<>();
        for (int r = 0; r < 5000; r++) {
            double v = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(-5, 9));
            String plain = random.nextBoolean() ? Double.toString(v) : String.format(Locale.ROOT, "%.4f", v);
            String grouped = random.nextBoolean() && !plain.contains("E") ? group(plain) : plain;
            en.append(plain).append(",1\r\n");
            de.append(grouped.replace('.', '#').replace(',', '.').replace('#', ',')).append(";1\r\n");
            expected.add(Double.parseDouble(plain));
        }
        List<InputRow> english = rows(write("en.csv", en.toString().getBytes(StandardCharsets.UTF_8)), CsvSettings.DETECT);
        List<InputRow> german = rows(write("de.csv", de.toString().getBytes(WINDOWS_1252)), CsvSettings.DETECT);
        for (int r = 0; r < expected.size(); r++) {
            long bits = Double.doubleToRawLongBits(expected.get(r));
            assertEquals(bits, Double.doubleToRawLongBits((Double) english.get(r).value(0)), "English row " + (r + 2));
            assertEquals(bits, Double.doubleToRawLongBits((Double) german.get(r).value(0)), "German row " + (r + 2));
        }
    }

    @Test
    void blankFieldsAndQuotedFieldsAreReadAsBefore() throws IOException {
        Path file = write("q.csv", "id;x;note\r\n\"a;b\"; 5,5 ;\"say \"\"hi\"\"\r\nagain\"\r\n;;\r\nz;;\r\n"
                .getBytes(StandardCharsets.UTF_8));
        List<InputRow> rows = rows(file, CsvSettings.DETECT);
        assertEquals(2, rows.size(), "the blank row is skipped");
        assertArrayEquals(new Object[] {"a;b", 5.5, "say \"hi\"\r\nagain"}, rows.get(0).toArray(), "row 2");
        assertEquals(2, rows.get(0).line(), "row 2's line");
        assertArrayEquals(new Object[] {"z", null, null}, rows.get(1).toArray(), "row 5");
        assertEquals(5, rows.get(1).line(), "row 5's line, after a quoted line break and a blank line");
    }

    private static CsvSettings mark(char mark) {
        return new CsvSettings(Optional.empty(), Optional.of(mark), Optional.empty());
    }

    // 1234567.5 → 1,234,567.5: English grouping of the integer part.
    private static String group(String plain) {
        boolean negative = plain.startsWith("-");
        String body = negative ? plain.substring(1) : plain;
        int dot = body.indexOf('.') < 0 ? body.length() : body.indexOf('.');
        String integer = body.substring(0, dot);
        if (integer.startsWith("0")) {
            return plain;
        }
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                g.append(',');
            }
            g.append(integer.charAt(i));
        }
        return (negative ? "-" : "") + g + body.substring(dot);
    }

    @Test
    void aBlankHeaderCellIsNamedAfterItsColumn() throws IOException {
        Path file = write("h.csv", "x;;z\r\n1;2;3\r\n".getBytes(StandardCharsets.UTF_8));
        try (CsvRowSource source = new CsvRowSource(file)) {
            assertEquals(List.of("x", "B", "z"), source.header(), "header");
            assertNull(null, "no row read");
        }
    }
}
