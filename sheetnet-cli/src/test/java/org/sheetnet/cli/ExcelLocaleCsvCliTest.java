package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.format.csv.CsvModelReader;
import org.sheetnet.input.CsvSettings;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Model;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.Sheets;
import org.sheetnet.testing.TinyModel;

/**
 * score, train and import-csv on CSV files as a German Excel saves them (semicolons, decimal commas,
 * dots between thousands, Windows-1252): the same results as from the English files, the options,
 * the refusals, and the Audit line that says how the numbers were read.
 */
class ExcelLocaleCsvCliTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private Path linear() throws IOException {
        return TinyModel.writeLinear(dir.resolve("linear.xlsx"), w -> { });
    }

    private Path file(String name, String text, Charset charset) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(charset));
    }

    /** y = 2·a + 3·b − 1: (1.5, 2) → 8; (−0.25, 1000) → 2998.5; by hand. */
    @Test
    void aGermanCsvScoresAsTheEnglishOne() throws IOException {
        Path model = linear();
        Path german = file("de.csv", "Kennung;a;b\r\nZeile 1;1,5;2\r\nZeile 2;-0,25;1.000\r\n", WINDOWS_1252);
        Path english = file("en.csv", "Kennung,a,b\r\nZeile 1,1.5,2\r\nZeile 2,-0.25,1000\r\n", StandardCharsets.UTF_8);
        Cli.Run de = Cli.run("score", model.toString(), "--input", german.toString(), "--out", dir.resolve("de-p.csv").toString(), "-q");
        Cli.Run en = Cli.run("score", model.toString(), "--input", english.toString(), "--out", dir.resolve("en-p.csv").toString(), "-q");
        assertEquals(0, de.exit(), de.stderr());
        assertEquals(0, en.exit(), en.stderr());
        List<String> predictions = Files.readAllLines(dir.resolve("de-p.csv"));
        assertEquals(Files.readAllLines(dir.resolve("en-p.csv")), predictions, "the same predictions, byte for byte");
        assertTrue(predictions.get(1).contains("8.0") && predictions.get(2).contains("2998.5"), predictions.toString());
    }

    @Test
    void theAuditSaysHowTheNumbersWereRead() throws IOException {
        Path model = linear();
        Path german = file("de.csv", "a;b\r\n1,5;2\r\n", WINDOWS_1252);
        Path out = dir.resolve("out.xlsx");
        Cli.Run run = Cli.run("score", model.toString(), "--input", german.toString(), "--out", out.toString(), "-q");
        assertEquals(0, run.exit(), run.stderr());
        List<List<Object>> audit = Sheets.rows(out, "Audit");
        String line = audit.stream().filter(r -> !r.isEmpty() && "inputs read as".equals(r.get(0)))
                .map(r -> (String) r.get(1)).findFirst().orElseThrow();
        assertEquals("UTF-8; separator ';' (detected); decimal mark ',' (detected from de.csv:2 column A (a) \"1,5\");"
                + " thousands separators: '.' or a space (in 0 fields)", line, "Audit: inputs read as");
        Cli.Run given = Cli.run("score", model.toString(), "--input", german.toString(), "--out", out.toString(), "-q",
                "--force", "--csv-separator", ";", "--decimal-comma");
        assertEquals(0, given.exit(), given.stderr());
        String byOption = Sheets.rows(out, "Audit").stream().filter(r -> !r.isEmpty() && "inputs read as".equals(r.get(0)))
                .map(r -> (String) r.get(1)).findFirst().orElseThrow();
        assertTrue(byOption.contains("separator ';' (--csv-separator); decimal mark ',' (--decimal-mark)"), byOption);
    }

    @Test
    void anAmbiguousFileIsRefusedInOneLineAndAnOptionResolvesIt() throws IOException {
        Path model = linear();
        Path file = file("rows.csv", "a;b\r\n1,200;2\r\n", StandardCharsets.UTF_8);
        Path out = dir.resolve("p.csv");
        Cli.Run refused = Cli.run("score", model.toString(), "--input", file.toString(), "--out", out.toString());
        assertEquals(ExitCodes.INPUT, refused.exit(), refused.stderr());
        Cli.assertContains(refused.oneLine(), "rows.csv:2 column A (a): \"1,200\" reads as 1.2 with a decimal comma",
                "give --decimal-mark , or --decimal-mark .");
        assertTrue(Files.notExists(out), "no output");
        Cli.Run comma = Cli.run("score", model.toString(), "--input", file.toString(), "--out", out.toString(), "-q",
                "--decimal-mark", ",");
        assertEquals(0, comma.exit(), comma.stderr());
        assertEquals("7.4", Files.readAllLines(out).get(1).split(",")[0], "2·1.2 + 3·2 − 1 = 7.4 with a decimal comma");
    }

    @Test
    void badOptionValuesAreUsageErrors() throws IOException {
        Path model = linear();
        Path file = file("rows.csv", "a,b\r\n1,2\r\n", StandardCharsets.UTF_8);
        for (String[] option : List.of(new String[] {"--decimal-mark", ";"}, new String[] {"--csv-separator", "ab"},
                new String[] {"--thousands-separator", "7"}, new String[] {"--decimal-mark", ".", "--thousands-separator", "."})) {
            List<String> args = new ArrayList<>(List.of("score", model.toString(), "--input", file.toString(), "--out",
                    dir.resolve("p.csv").toString()));
            args.addAll(List.of(option));
            Cli.Run run = Cli.run(args.toArray(String[]::new));
            assertEquals(ExitCodes.USAGE, run.exit(), String.join(" ", option) + ": " + run.stderr());
        }
    }

    /** A folder written by export-csv, then opened and saved by a German Excel, imports to the same numbers. */
    @Test
    void aCsvModelFolderSavedByAGermanExcelImportsBitForBit() throws IOException {
        Path model = Path.of("workbooks", "regression-4-20-10-1.xlsx").toAbsolutePath().normalize();
        Path english = dir.resolve("en");
        assertEquals(0, Cli.run("export-csv", model.toString(), english.toString()).exit(), "export-csv");
        Path german = Files.createDirectories(dir.resolve("de"));
        try (Stream<Path> files = Files.list(english)) {
            for (Path f : files.toList()) {
                Files.write(german.resolve(f.getFileName().toString()), germanExcel(Files.readAllLines(f)).getBytes(WINDOWS_1252));
            }
        }
        Model en = CsvModelReader.read(english);
        String[] howRead = {""};
        Model de = CsvModelReader.read(german, CsvSettings.DETECT, text -> howRead[0] = text);
        for (int k = 0; k < en.network().depth(); k++) {
            DenseLayer a = en.network().layers().get(k);
            DenseLayer b = de.network().layers().get(k);
            for (int i = 0; i < a.inputWidth(); i++) {
                for (int j = 0; j < a.units(); j++) {
                    assertEquals(Double.doubleToRawLongBits(a.weights().get(i, j)), Double.doubleToRawLongBits(b.weights().get(i, j)),
                            "W" + (k + 1) + "[" + i + "][" + j + "]");
                }
            }
            assertArrayEquals(a.bias(), b.bias(), "b" + (k + 1));
        }
        assertTrue(howRead[0].contains("separator ';' (detected); decimal mark ','"), howRead[0]);
        Cli.Run imported = Cli.run("import-csv", german.toString(), "--out", dir.resolve("de.xlsx").toString());
        assertEquals(0, imported.exit(), imported.stderr());
        assertTrue(imported.stdout().contains("decimal mark ','"), imported.stdout());
    }

    /** train reads a German data file as the English one: the same trained weights, bit for bit. */
    @Test
    void trainingOnAGermanCsvGivesTheSameModel() throws IOException {
        List<String> iris = Files.readAllLines(Path.of("workbooks", "iris.csv"));
        Path en = Files.write(dir.resolve("iris-en.csv"), iris);
        Path de = Files.write(dir.resolve("iris-de.csv"), germanExcel(iris).getBytes(WINDOWS_1252));
        for (Path data : List.of(en, de)) {
            Cli.Run run = Cli.run("train", data.toString(), "--targets", "species", "--layers", "4,5,3", "--epochs", "3",
                    "--out", dir.resolve(data.getFileName() + ".xlsx").toString(), "-q");
            assertEquals(0, run.exit(), run.stderr());
        }
        assertEquals(Sheets.rows(dir.resolve("iris-en.csv.xlsx"), "W1"), Sheets.rows(dir.resolve("iris-de.csv.xlsx"), "W1"),
                "W1 trained on either file");
    }

    // As Excel (de-DE) saves CSV: ';' between fields, ',' for the decimal point; fields are simple here (no quotes).
    private static String germanExcel(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            String[] fields = line.split(",", -1);
            for (int c = 0; c < fields.length; c++) {
                String f = fields[c];
                boolean number = f.matches("[+-]?[0-9.]+([eE][+-]?[0-9]+)?");
                out.append(c > 0 ? ";" : "").append(number ? f.replace('.', ',') : f);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
