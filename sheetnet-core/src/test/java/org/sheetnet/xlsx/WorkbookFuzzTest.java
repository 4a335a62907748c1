package org.sheetnet.xlsx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.input.RowSource;
import org.sheetnet.input.XlsxStreamRowSource;
import org.sheetnet.testing.HandXlsx;

/**
 * Mutates the example workbooks (their XML, their entries, their zip bytes) with a fixed seed and
 * reads each mutant as a model and as input sheets, for a bounded time: every outcome must be a
 * model or a {@link SheetnetException}; any other throwable (an internal error, OutOfMemoryError)
 * fails the test, naming the iteration that produced it.
 */
class WorkbookFuzzTest {

    private static final long SEED = 20261205L;
    private static final int MAX_CASES = 600;
    private static final long BUDGET_NANOS = 40_000_000_000L;

    /** Fragments that break the rules the readers enforce. */
    private static final String[] SNIPPETS = {
        "<row r=\"0\">", "<row r=\"1\">", "<c r=\"A1\">", "<c r=\"XFD1048576\"><v>1</v></c>", "<c r=\"ZZZZ1\"/>", "&",
        "&amp;", "<!--", "-->", "]]>", "<![CDATA[", "<f>1+1</f>", " t=\"s\"", " t=\"e\"", " t=\"b\"", " t=\"q\"",
        "<v>1e999</v>", "<v>NaN</v>", "<v>99999999999</v>", "_x00", "_xD800_", "<is><t>a</t></is>", "<si><t>b</t></si>",
        "</row>", "</c>", "<v>", "\u0000", "\uFFFE", "<?pi x?>", "<!DOCTYPE x>", "r:id=\"rId99\"", "Target=\"../../x\"",
    };

    @TempDir
    Path dir;

    @Test
    void mutatedWorkbooksEndInAModelOrOneSheetnetError() throws IOException {
        List<Map<String, byte[]>> seeds = seeds();
        Random random = new Random(SEED);
        long start = System.nanoTime();
        int cases = 0;
        for (; cases < MAX_CASES && System.nanoTime() - start < BUDGET_NANOS; cases++) {
            Map<String, byte[]> entries = new LinkedHashMap<>(seeds.get(random.nextInt(seeds.size())));
            String mutation = mutate(entries, random);
            Path file = dir.resolve("case" + cases + ".xlsx");
            write(entries, file);
            if (random.nextInt(8) == 0) {
                mutation += "; " + flipBytes(file, random);
            }
            read(file, "case " + cases + " (" + mutation + ")");
            Files.delete(file);
        }
        assertTrue(cases >= 50, "too few cases ran in the time budget: " + cases);
    }

    private static void read(Path file, String what) {
        try {
            try (ModelWorkbook model = ModelReader.read(file)) {
                for (String sheet : model.pkg().sheetNames()) {
                    drain(XlsxStreamRowSource.of(model.pkg(), sheet));
                }
            }
        } catch (SheetnetException expected) {
            assertTrue(!expected.getMessage().isBlank() && !expected.getMessage().contains("\n"),
                    () -> what + ": a message of one line expected, got: " + expected.getMessage());
        } catch (Throwable t) {
            throw new AssertionError(what + " ended in " + t, t);
        }
    }

    private static void drain(RowSource rows) {
        try (rows) {
            while (rows.next() != null) {
                // Every row is read, so every cell passes the reader's rules.
            }
        } catch (SheetnetException expected) {
            // The next sheet is tried all the same.
        }
    }

    private static String mutate(Map<String, byte[]> entries, Random random) {
        List<String> names = new ArrayList<>(entries.keySet());
        // Mostly the parts the readers parse: sheets, the workbook, relationships, shared strings.
        List<String> read = names.stream().filter(n -> n.startsWith("xl/worksheets/") || n.endsWith(".rels")
                || n.equals("xl/workbook.xml") || n.equals("xl/sharedStrings.xml")).toList();
        List<String> pool = random.nextInt(4) > 0 && !read.isEmpty() ? read : names;
        String name = pool.get(random.nextInt(pool.size()));
        String xml = new String(entries.get(name), StandardCharsets.UTF_8);
        int at = xml.isEmpty() ? 0 : random.nextInt(xml.length());
        switch (random.nextInt(5)) {
            case 0:
                entries.remove(name);
                return "removed " + name;
            case 1:
                entries.put(name, xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                return "cut " + name + " at " + at;
            case 2:
                int end = Math.min(xml.length(), at + random.nextInt(200));
                entries.put(name, (xml.substring(0, end) + xml.substring(at)).getBytes(StandardCharsets.UTF_8));
                return "repeated " + name + " [" + at + ", " + end + ")";
            default:
                String snippet = SNIPPETS[random.nextInt(SNIPPETS.length)];
                entries.put(name, (xml.substring(0, at) + snippet + xml.substring(at)).getBytes(StandardCharsets.UTF_8));
                return "inserted " + snippet.strip() + " into " + name + " at " + at;
        }
    }

    private static String flipBytes(Path file, Random random) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = random.nextInt(bytes.length);
        bytes[at] ^= (byte) (1 + random.nextInt(255));
        Files.write(file, bytes);
        return "flipped byte " + at;
    }

    private List<Map<String, byte[]>> seeds() throws IOException {
        List<Map<String, byte[]>> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("workbooks"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".xlsx")).sorted().toList()) {
                seeds.add(entries(p));
            }
        }
        seeds.add(entries(HandXlsx.smallModel(Map.of()).write(dir.resolve("small.xlsx"))));
        return seeds;
    }

    private static Map<String, byte[]> entries(Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static void write(Map<String, byte[]> entries, Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
    }
}
