package org.sheetnet.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;
import org.sheetnet.testing.HandXlsx;

/**
 * Holds the cell shortcut ({@link XmlScanner#cell}) to the event-by-event reading it stands in for:
 * every generated sheet, well-formed or mutated, must give the same rows, values and bits, or the
 * same refusal, with the shortcut and without. The sheets mix the shape the shortcut takes with the
 * near misses it must leave alone (other attributes, white space, references, CDATA, comments,
 * formulas, prefixes, non-ASCII, control characters, duplicates), and some are long enough that cells
 * straddle the scanner's buffer.
 */
class SheetStreamShortcutTest {

    private static final long SEED = 20261206L;
    private static final int DOCUMENTS = 1500;
    private static final String SHARED_STRINGS = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"2\" uniqueCount=\"2\">"
            + "<si><t>alpha</t></si><si><t> 2.5 </t></si></sst>";
    /** What a mutation inserts: the characters and pieces that decide whether a cell is of the common shape. */
    private static final String[] PIECES = {" ", "\n", "\r\n", "\t", "<", ">", "&", "&amp;", "&#49;", "]]>", "]", "\"",
        "'", "/", "=", "é", "\u0001", "<!-- c -->", "<![CDATA[1]]>", "x:", " r=\"A1\"", " s=\"1\"", " t=\"s\"",
        " cm=\"1\"", "<v>", "</v>", "<c>", "</c>", "<f>1+1</f>", "</row>", "<row>", "1", "e", "-", "."};

    @TempDir
    Path dir;

    @Test
    void generatedSheetsReadAlikeWithAndWithoutTheShortcut() throws IOException {
        Random random = new Random(SEED);
        long shortcutCells = 0;
        int refused = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            String xml = sheet(random);
            if (i % 3 != 0) {
                xml = mutate(xml, random, 1 + random.nextInt(3));
            }
            Path file = new HandXlsx().sheetXml("S", xml).part("xl/sharedStrings.xml", SHARED_STRINGS)
                    .write(dir.resolve("s" + i + ".xlsx"));
            Reading plain = read(file, false);
            Reading shortcut = read(file, true);
            shortcutCells += shortcut.shortcutCells();
            refused += plain.outcome().startsWith("refused") ? 1 : 0;
            if (!plain.outcome().equals(shortcut.outcome()) && disagreements.size() < 3) {
                disagreements.add("document " + i + ": " + xml + "\n  event by event: " + plain.outcome()
                        + "\n  with the shortcut: " + shortcut.outcome());
            }
        }
        System.out.println("shortcut: " + DOCUMENTS + " sheets, " + refused + " refused by both readings, "
                + shortcutCells + " cells read in one step");
        assertEquals(List.of(), disagreements);
        assertTrue(shortcutCells > 50_000, "the shortcut took only " + shortcutCells + " cells");
        assertTrue(refused > DOCUMENTS / 10 && refused < DOCUMENTS * 9 / 10, "refused: " + refused);
    }

    @Test
    void theCommonShapeIsTakenAndItsNearMissesAreNot() throws IOException {
        assertEquals(3, read(file("<c r=\"A1\"><v>1</v></c><c r=\"B1\" s=\"2\" t=\"n\"><v>2</v></c><c r=\"C1\" s=\"1\"/>"),
                true).shortcutCells(), "numbers and a styled blank");
        assertEquals(1, read(file("<c r=\"A1\" t=\"s\"><v>0</v></c>"), true).shortcutCells(), "a shared string");
        for (String missed : new String[] {"<c r=\"A1\" ><v>1</v></c>", "<c r='A1'><v>1</v></c>",
            "<c r=\"A1\" cm=\"1\"><v>1</v></c>", "<c r=\"A1\"><v>&#49;</v></c>", "<c r=\"A1\"><f>1</f><v>1</v></c>",
            "<c r=\"A1\">\n<v>1</v></c>", "<c r=\"A1\"><v>1\t</v></c>", "<c r=\"A1\" r=\"A1\"><v>1</v></c>",
            "<c r=\"A1\"><v>1</v ></c>", "<c r=\"A1\"><v>é</v></c>"}) {
            assertEquals(0, read(file(missed), true).shortcutCells(), missed);
        }
    }

    private Path file(String cells) throws IOException {
        return new HandXlsx().sheetXml("S", HandXlsx.HEAD + "<sheetData><row r=\"1\">" + cells + "</row></sheetData></worksheet>")
                .part("xl/sharedStrings.xml", SHARED_STRINGS).write(dir.resolve("one.xlsx"));
    }

    private record Reading(String outcome, long shortcutCells) {
    }

    // Every row as its index and cells (column, type, value; a number by its bits), or the refusal's message.
    private static Reading read(Path file, boolean shortcut) {
        StringBuilder out = new StringBuilder();
        SheetStream stream = null;
        try (XlsxPackage pkg = XlsxPackage.open(file)) {
            stream = new SheetStream(pkg, pkg.sheets().get(0), SheetnetException.Problem.INPUT, shortcut);
            for (SheetRow row = stream.next(); row != null; row = stream.next()) {
                out.append(row.index()).append(':');
                for (int k = 0; k < row.size(); k++) {
                    out.append(' ').append(row.col(k)).append('=');
                    if (row.isNumber(k)) {
                        out.append(Long.toHexString(Double.doubleToRawLongBits(row.number(k))));
                    } else {
                        Object v = row.value(k);
                        out.append(v.getClass().getSimpleName()).append('[').append(v).append(']');
                    }
                }
                out.append('\n');
            }
            stream.close();
            return new Reading(out.toString(), stream.cellsReadInOneStep());
        } catch (SheetnetException e) {
            return new Reading("refused: " + e.getMessage(), stream == null ? 0 : stream.cellsReadInOneStep());
        }
    }

    private static String sheet(Random random) {
        StringBuilder xml = new StringBuilder(HandXlsx.HEAD).append("<sheetData>");
        boolean long_ = random.nextInt(5) == 0;
        int rows = long_ ? 200 + random.nextInt(200) : 1 + random.nextInt(6);
        int row = 0;
        for (int r = 0; r < rows; r++) {
            int gap = random.nextInt(8) == 0 ? random.nextInt(3) : 0;
            row += 1 + gap;
            // A row without r follows the previous one: only where no row is left out.
            xml.append(gap == 0 && random.nextInt(10) == 0 ? "<row>" : "<row r=\"" + row + "\">");
            int cols = 1 + random.nextInt(long_ ? 20 : 6);
            int col = 0;
            for (int c = 0; c < cols; c++) {
                col += 1 + (random.nextInt(6) == 0 ? 1 : 0);
                xml.append(cell(random, org.sheetnet.sheet.CellRef.columnName(col - 1) + row, !long_));
                if (random.nextInt(12) == 0) {
                    xml.append(random.nextBoolean() ? "\n  " : " ");
                }
            }
            xml.append("</row>");
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    private static String cell(Random random, String ref, boolean refusable) {
        String r = random.nextInt(15) == 0 ? "" : " r=\"" + ref + "\"";
        String s = random.nextInt(3) == 0 ? " s=\"" + random.nextInt(4) + "\"" : "";
        // Cells a reader refuses are rare, and only in short sheets, so that most are read to their end.
        if (refusable && random.nextInt(30) == 0) {
            return random.nextBoolean() ? "<c" + r + " t=\"" + pick(random, "d", "zz", "") + "\"><v>1</v></c>"
                    : "<c" + r + (random.nextBoolean() ? " t=\"s\"" : "") + "><v>" + pick(random, "abc", "1e400", "1,5",
                            "0x10", "NaN", "2") + "</v></c>";
        }
        return switch (random.nextInt(16)) {
            case 0 -> "<c" + r + s + " t=\"s\"><v>" + random.nextInt(2) + "</v></c>";
            case 1 -> "<c" + r + " t=\"str\"><v>" + pick(random, "text", " padded ", "1.5", "") + "</v></c>";
            case 2 -> "<c" + r + " t=\"b\"><v>" + pick(random, "1", "0", "true", "") + "</v></c>";
            case 3 -> "<c" + r + " t=\"e\"><v>" + pick(random, "#N/A", "#DIV/0!", "") + "</v></c>";
            case 4 -> "<c" + r + " t=\"inlineStr\"><is><t>in</t></is></c>";
            case 5 -> "<c" + r + s + "/>";
            case 6 -> "<c" + s + r + "><v>" + number(random) + "</v></c>";
            case 7 -> "<c" + r + s + " t=\"n\"><v>" + number(random) + "</v></c>";
            case 8 -> "<c" + r + "><f>1+1</f><v>2</v></c>";
            case 9 -> "<c" + r + "><v>" + pick(random, "", " 7 ", "1.") + "</v></c>";
            default -> "<c" + r + s + "><v>" + number(random) + "</v></c>";
        };
    }

    private static String number(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Double.toString(random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20));
            case 1 -> Integer.toString(random.nextInt(2000) - 1000);
            case 2 -> String.format(java.util.Locale.ROOT, "%.3f", random.nextDouble());
            default -> "-0";
        };
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    // Inserts, deletes or replaces around a few random places, mostly inside the cells.
    private static String mutate(String xml, Random random, int times) {
        StringBuilder s = new StringBuilder(xml);
        int from = xml.indexOf("<sheetData>");
        for (int t = 0; t < times; t++) {
            int at = from + random.nextInt(s.length() - from);
            switch (random.nextInt(3)) {
                case 0 -> s.insert(at, PIECES[random.nextInt(PIECES.length)]);
                case 1 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(4)));
                default -> s.replace(at, at + 1, PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return s.toString();
    }
}
