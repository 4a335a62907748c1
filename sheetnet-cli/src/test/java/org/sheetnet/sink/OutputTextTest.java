package org.sheetnet.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.Sheets;
import org.sheetnet.testing.TinyModel;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Text XML 1.0 cannot hold (U+FFFE, U+FFFF, control characters, lone surrogates), a carriage
 * return, and literal {@code _xHHHH_} sequences are written with the OOXML escapes, by the streamed
 * writer and through POI alike: every worksheet stays well-formed and reads back as the exact text.
 * CSV outputs keep the text as it is.
 */
class OutputTextTest {

    /** Ids an input file can hold (no lone surrogate: UTF-8 cannot carry one). */
    private static final List<String> IDS = List.of("a\uFFFEb", "c\uFFFFd", "e\u0001f\u001Fg", "h\ri\r\nj",
            "_x0041_", "k_x005F_l", "_x00", "tab\tand\nline", "emoji \uD83D\uDE00", "x<&>\"y");

    /** Texts only Java can make: lone surrogates, a NUL. */
    private static final List<String> JAVA_ONLY = List.of("m\uD800n", "\uDC00o", "p\u0000q", "\uD83D");

    @TempDir
    Path dir;

    private static String quoted(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    /** Scores one row per id of {@link #IDS} into {@code outName}, which must succeed; returns the output. */
    private Path scoreEveryId(String outName) throws IOException {
        StringBuilder csv = new StringBuilder("id,x1,x2\n");
        for (String id : IDS) {
            csv.append(quoted(id)).append(",1,2\n");
        }
        Path rows = Files.writeString(dir.resolve("rows.csv"), csv, StandardCharsets.UTF_8);
        Path model = TinyModel.write(dir.resolve("model.xlsx"), true, null);
        Path out = dir.resolve(outName);
        Cli.Run run = Cli.run("score", model.toString(), "--input", rows.toString(), "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        return out;
    }

    @Test
    void theStreamedWriterKeepsEveryIdExact() throws Exception {
        Path out = scoreEveryId("scored.xlsx");
        assertWellFormed(out);
        List<List<Object>> predictions = Sheets.rows(out, "Predictions");
        for (int r = 0; r < IDS.size(); r++) {
            assertEquals(IDS.get(r), predictions.get(r + 1).get(0), "Predictions!A" + (r + 2));
        }
    }

    @Test
    void csvOutputsWriteTheTextAsItIs() throws Exception {
        Path out = scoreEveryId("predictions.csv");
        String written = Files.readString(out, StandardCharsets.UTF_8);
        for (String id : IDS) {
            assertEquals(true, written.contains(quoted(id)) || written.contains(id), "predictions.csv holds " + id);
        }
    }

    @Test
    void anIdLongerThanAnExcelCellIsRefusedForAWorkbookAndKeptInCsv() throws Exception {
        String id = "z".repeat(40_000);
        Path rows = Files.writeString(dir.resolve("rows.csv"), "id,x1,x2\nshort,1,2\n" + id + ",3,4\n",
                StandardCharsets.UTF_8);
        Path model = TinyModel.write(dir.resolve("model.xlsx"), true, null);
        for (String flag : List.of("", "--formulas")) {
            Path out = dir.resolve("scored.xlsx");
            List<String> args = new ArrayList<>(List.of("score", model.toString(), "--input", rows.toString(), "--out",
                    out.toString()));
            if (!flag.isEmpty()) {
                args.add(flag);
            }
            Cli.Run run = Cli.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.INPUT, run.exit(), run.stderr());
            assertEquals(List.of("sheetnet: rows.csv:3 column A (id): a text of 40,000 characters; an Excel cell holds at"
                    + " most 32,767, so scored.xlsx cannot hold it; write CSV outputs instead (--out NAME.csv, or a"
                    + " folder)"), run.stderrLines(), "stderr " + flag);
            assertEquals(false, Files.exists(out), "no scored.xlsx " + flag);
        }
        Path csv = dir.resolve("predictions.csv");
        Cli.Run run = Cli.run("score", model.toString(), "--input", rows.toString(), "--out",
                csv.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(true, Files.readString(csv, StandardCharsets.UTF_8).contains(id), "predictions.csv holds the id whole");
    }

    @Test
    void thePoiWriterKeepsEveryTextExact() throws Exception {
        List<String> texts = new ArrayList<>(IDS);
        texts.addAll(JAVA_ONLY);
        Path file = dir.resolve("poi.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            PoiSheetSink sink = new PoiSheetSink(workbook.createSheet("T"), workbook.createCellStyle());
            for (String text : texts) {
                sink.startRow();
                sink.text(0, text);
                sink.header(1, text);
                sink.endRow();
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        assertWellFormed(file);
        try (XSSFWorkbook workbook = new XSSFWorkbook(file.toFile())) {
            Sheet sheet = workbook.getSheet("T");
            for (int r = 0; r < texts.size(); r++) {
                assertEquals(texts.get(r), sheet.getRow(r).getCell(0).getStringCellValue(), "T!A" + (r + 1));
                assertEquals(texts.get(r), sheet.getRow(r).getCell(1).getStringCellValue(), "T!B" + (r + 1));
            }
        }
    }

    @Test
    void theEscapesAreThoseOfTheStandard() {
        assertEquals("plain", OoxmlText.encode("plain"), "nothing to escape");
        assertEquals("a_xFFFE_b_xFFFF_c_x0001_d_x000D_", OoxmlText.encode("a\uFFFEb\uFFFFc\u0001d\r"), "forbidden");
        assertEquals("_x005F_x0041_ _x00 _xZZZZ_", OoxmlText.encode("_x0041_ _x00 _xZZZZ_"), "literal escapes");
        assertEquals("m_xD800_n \uD83D\uDE00", OoxmlText.encode("m\uD800n \uD83D\uDE00"), "surrogates");
        assertEquals("tab\tline\n", OoxmlText.encode("tab\tline\n"), "tab and line feed stay");
    }

    // Every XML part of the file parses, with DOCTYPEs refused as everywhere else.
    private static void assertWellFormed(Path xlsx) throws Exception {
        SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().endsWith(".xml")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        factory.newSAXParser().parse(in, new DefaultHandler());
                    } catch (org.xml.sax.SAXParseException ex) {
                        throw new AssertionError(xlsx.getFileName() + "!" + e.getName() + " is not well-formed: "
                                + ex.getMessage(), ex);
                    }
                }
            }
        }
    }
}
