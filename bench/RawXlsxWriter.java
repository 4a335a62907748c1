import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * A minimal plain .xlsx writer, for the format's practical speed limit: SpreadsheetML written
 * with a Writer straight into raw deflate (level 1, as sheetnet's writer) on a temporary file per
 * sheet, sheets written by THREADS threads, then stored into the zip without recompression
 * (Commons Compress, from the jar's classpath). No styles, no shared strings: header cells are
 * inline strings, numbers Double.toString, every row and cell with its r attribute.
 *
 * <pre>
 * java -cp target/sheetnet.jar bench/RawXlsxWriter.java ROWS UNITS THREADS OUT.xlsx
 * </pre>
 *
 * Writes the cell grid of case 4's sheetnet run: Inputs (x1), L1_pre, L1_act and Predictions
 * (UNITS columns each), every sheet with a header row; x uniform in [0, 10) with 4 decimals,
 * the rest x·w_j + b_j with random w, b (full double precision, like sheetnet's values).
 * Prints one JSON line: cells, seconds (from the first cell to the closed file), cells/s.
 */
public final class RawXlsxWriter {

    public static void main(String[] args) throws Exception {
        int rows = Integer.parseInt(args[0]);
        int units = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        Random random = new Random(7);
        double[] x = new double[rows];
        for (int r = 0; r < rows; r++) {
            x[r] = Math.round(random.nextDouble() * 1e5) / 1e4;
        }
        double[] w = random.doubles(units, -1, 1).toArray();
        double[] b = random.doubles(units, -0.1, 0.1).toArray();
        String[] sheets = {"Inputs", "L1_pre", "L1_act", "Predictions"};
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory(out.toAbsolutePath().getParent(), ".raw-");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Part>> parts = new ArrayList<>();
        for (int s = 0; s < sheets.length; s++) {
            int sheet = s;
            parts.add(pool.submit(() -> writeSheet(dir.resolve("sheet" + (sheet + 1)), sheet == 0 ? 1 : units,
                    sheet == 0 ? "x" : (sheet == 1 ? "a" : "z"), rows, (r, j) -> sheet == 0 ? x[r] : x[r] * w[j] + b[j])));
        }
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(
                new BufferedOutputStream(Files.newOutputStream(out), 1 << 16))) {
            zip.setUseZip64(Zip64Mode.AsNeeded);
            put(zip, "[Content_Types].xml", contentTypes(sheets.length));
            put(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    + "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            put(zip, "xl/workbook.xml", workbook(sheets));
            put(zip, "xl/_rels/workbook.xml.rels", workbookRels(sheets.length));
            for (int s = 0; s < sheets.length; s++) {
                Part part = parts.get(s).get();
                ZipArchiveEntry entry = new ZipArchiveEntry("xl/worksheets/sheet" + (s + 1) + ".xml");
                entry.setMethod(ZipEntry.DEFLATED);
                entry.setCrc(part.crc);
                entry.setSize(part.size);
                entry.setCompressedSize(Files.size(part.file));
                try (var in = Files.newInputStream(part.file)) {
                    zip.addRawArchiveEntry(entry, in);
                }
                Files.delete(part.file);
            }
        }
        pool.shutdown();
        Files.delete(dir);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long cells = (long) (rows + 1) * (1 + 3L * units);
        System.out.printf(java.util.Locale.ROOT,
                "{\"writer\": \"raw zip+XML (Java, %d threads)\", \"cells\": %d, \"seconds\": %.4f, \"cells_per_s\": %.0f}%n",
                threads, cells, seconds, cells / seconds);
    }

    interface Cell {
        double value(int row, int col);
    }

    record Part(Path file, long crc, long size) {
    }

    private static Part writeSheet(Path file, int cols, String prefix, int rows, Cell cell) throws IOException {
        CRC32 crc = new CRC32();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        long[] size = {0};
        OutputStream raw = new DeflaterOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16),
                deflater, 1 << 16);
        OutputStream counted = new OutputStream() {
            @Override
            public void write(int c) throws IOException {
                raw.write(c);
                size[0]++;
            }

            @Override
            public void write(byte[] bytes, int off, int len) throws IOException {
                raw.write(bytes, off, len);
                size[0] += len;
            }

            @Override
            public void close() throws IOException {
                raw.close();
            }
        };
        String[] letters = new String[cols];
        for (int j = 0; j < cols; j++) {
            letters[j] = column(j);
        }
        try (Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(
                new CheckedOutputStream(counted, crc), StandardCharsets.US_ASCII), 1 << 16)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
            out.write("<row r=\"1\">");
            for (int j = 0; j < cols; j++) {
                out.write("<c r=\"" + letters[j] + "1\" t=\"inlineStr\"><is><t>" + prefix + (j + 1) + "</t></is></c>");
            }
            out.write("</row>");
            for (int r = 0; r < rows; r++) {
                String n = Integer.toString(r + 2);
                out.write("<row r=\"");
                out.write(n);
                out.write("\">");
                for (int j = 0; j < cols; j++) {
                    out.write("<c r=\"");
                    out.write(letters[j]);
                    out.write(n);
                    out.write("\"><v>");
                    out.write(Double.toString(cell.value(r, j)));
                    out.write("</v></c>");
                }
                out.write("</row>");
            }
            out.write("</sheetData></worksheet>");
        }
        deflater.end();
        return new Part(file, crc.getValue(), size[0]);
    }

    private static String column(int j) {
        StringBuilder s = new StringBuilder();
        for (int n = j + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }

    private static void put(ZipArchiveOutputStream zip, String name, String text) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeArchiveEntry();
    }

    private static String contentTypes(int sheets) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
                + "spreadsheetml.sheet.main+xml\"/>");
        for (int i = 1; i <= sheets; i++) {
            s.append("<Override PartName=\"/xl/worksheets/sheet").append(i).append(".xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
        }
        return s.append("</Types>").toString();
    }

    private static String workbook(String[] names) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
                + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
        for (int i = 0; i < names.length; i++) {
            s.append("<sheet name=\"").append(names[i]).append("\" sheetId=\"").append(i + 1)
                    .append("\" r:id=\"rId").append(i + 1).append("\"/>");
        }
        return s.append("</sheets></workbook>").toString();
    }

    private static String workbookRels(int sheets) {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (int i = 1; i <= sheets; i++) {
            s.append("<Relationship Id=\"rId").append(i).append("\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(i)
                    .append(".xml\"/>");
        }
        return s.append("</Relationships>").toString();
    }
}
