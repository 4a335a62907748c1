package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sheetnet.testing.Cli.assertContains;
import static org.sheetnet.testing.TinyModel.row;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.examples.SheetWriter;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.FolderSnapshot;
import org.sheetnet.testing.TinyModel;

/**
 * Every bad input of the product contract, through the command line: each must end with its own
 * exit code and one message naming the file (and sheet and cell where one cell is at fault), leave
 * no output behind (not even a hidden .part file), and leave every input file byte-for-byte as it was.
 */
class BadInputTest {

    private static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";
    private static final String DDE = "+cmd|' /C calc'!A0";

    @TempDir
    Path dir;

    private Path in;
    private Path outDir;
    private Path out;
    /** The last run of {@link #sheetnet}. */
    private Cli.Run last;

    @BeforeEach
    void folders() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        outDir = Files.createDirectories(dir.resolve("out"));
        out = outDir.resolve("scored.xlsx");
    }

    // ---------------------------------------------------------------- fixtures

    /** Inputs matched by name: id | x1 | x2, data from sheet row 2. */
    private static List<List<Object>> inputs() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("id", "x1", "x2"));
        for (int r = 1; r <= 8; r++) {
            rows.add(row("case" + r, (double) r, r / 2.0));
        }
        return rows;
    }

    /**
     * A valid 2→2→1 model: W1 names its inputs x1, x2 (matched by name) unless {@code named} is false;
     * the Inputs sheet is {@code inputRows} (none if null); {@code tweak} then breaks it.
     */
    private Path model(String file, boolean named, List<List<Object>> inputRows, Consumer<SheetWriter> tweak)
            throws IOException {
        return TinyModel.write(in.resolve(file), named, inputRows, tweak);
    }

    private Path model(Consumer<SheetWriter> tweak) throws IOException {
        return model("model.xlsx", true, inputs(), tweak);
    }

    private Path validModel() throws IOException {
        return model(w -> { });
    }

    /** Writes one cell (row and column from 0) over whatever the fixture put there. */
    private static Consumer<SheetWriter> cell(String sheet, int row, int col, Object value) {
        return w -> w.sheetAt(sheet, row, col, false, List.of(row(value)));
    }

    // ---------------------------------------------------------------- running

    /** Runs sheetnet in this JVM; the run is also kept in {@link #last}. */
    private Cli.Run sheetnet(String... args) {
        last = Cli.run(args);
        return last;
    }

    private String[] scoreArgs(Path model, String... extra) {
        List<String> args = new ArrayList<>(List.of("score", model.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /**
     * Runs a command that must fail: checks the exit code, that stderr holds exactly one message
     * line, that no file under the test folder appeared, vanished or changed, and that the
     * output folder holds nothing (no output, no hidden .part file) unless it held it before.
     *
     * @return the message, without its "sheetnet: " prefix
     */
    private String fails(int code, String... args) throws IOException {
        Map<String, String> before = FolderSnapshot.of(dir);
        int exit = sheetnet(args).exit();
        String message = last.stderr().strip();
        assertEquals(code, exit, () -> "exit code of " + String.join(" ", args) + "; stderr: " + message);
        assertTrue(message.startsWith("sheetnet: "), () -> "message: " + message);
        assertFalse(message.contains("\n"), () -> "one message line expected, got:\n" + message);
        assertFalse(message.contains("internal error"), message);
        assertEquals(before, FolderSnapshot.of(dir), "files under the test folder after a failed run (" + message + ")");
        return message.substring("sheetnet: ".length());
    }

    /** Runs {@code score MODEL --out OUT ...}, which must fail with {@code code}. */
    private String scoreFails(int code, Path model, String... extra) throws IOException {
        String message = fails(code, scoreArgs(model, extra));
        try (Stream<Path> files = Files.list(outDir)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).toList(), "output folder");
        }
        return message;
    }

    /** Runs {@code check MODEL}, which must fail with the same code and message as {@code score}. */
    private void checkFailsAlike(int code, Path model, String scoreMessage) throws IOException {
        assertEquals(scoreMessage, fails(code, "check", model.toString()), "check and score report alike");
        assertEquals("", last.stdout(), "check prints no summary for a bad model");
    }

    // ---------------------------------------------------------------- inputs

    /** Inputs with target columns t1 and t2 after the features; {@code bad} replaces row 3's t1. */
    private static List<List<Object>> inputsWithTargets(Object bad) {
        List<List<Object>> rows = inputs();
        rows.set(0, row("id", "x1", "x2", "t1", "t2"));
        for (int r = 1; r < rows.size(); r++) {
            rows.set(r, row(rows.get(r).get(0), rows.get(r).get(1), rows.get(r).get(2), r == 3 ? bad : 1.0 * r, 0.0));
        }
        return rows;
    }

    @Test
    void missingTargetColumn() throws IOException {
        String message = scoreFails(ExitCodes.INPUT, validModel(), "--target", "answer");
        assertEquals("model.xlsx!Inputs: no target column \"answer\"; the columns are \"id\", \"x1\", \"x2\"", message);
    }

    @Test
    void targetThatIsAFeature() throws IOException {
        String message = scoreFails(ExitCodes.INPUT, validModel(), "--target", "X1");
        assertEquals("model.xlsx!Inputs: column \"x1\" is an input of the model (feature \"x1\"), so it cannot be a"
                + " target", message);
    }

    @Test
    void moreTargetsThanOutputs() throws IOException {
        Path model = model("model.xlsx", true, inputsWithTargets(3.0), w -> { });
        String message = scoreFails(ExitCodes.INPUT, model, "--target", "t1,t2");
        assertEquals("model.xlsx!Inputs: --target names 2 columns, but the model has 1 output (y); give one target"
                + " column per output, in the outputs' order", message);
    }

    @Test
    void textInATargetCell() throws IOException {
        Path model = model("model.xlsx", true, inputsWithTargets("n/a"), w -> { });
        String message = scoreFails(ExitCodes.INPUT, model, "--target", "t1");
        assertTrue(message.endsWith("D4: target: expected a number, found text \"n/a\""), message);
    }

    @Test
    void textWhereAFeatureIsNeeded() throws IOException {
        Path model = model(cell("Inputs", 6, 2, "n/a"));
        String message = scoreFails(ExitCodes.INPUT, model);
        assertContains(message, "model.xlsx", "Inputs!C7", "expected a number, found text \"n/a\"");
    }

    @Test
    void textWhereAFeatureIsNeededByPosition() throws IOException {
        List<List<Object>> rows = inputs();
        rows.set(3, row("case3", "n/a", 1.5));
        Path model = model("model.xlsx", false, rows, w -> { });
        String message = scoreFails(ExitCodes.INPUT, model);
        assertContains(message, "model.xlsx", "Inputs!B4", "expected a number, found text \"n/a\"");
    }

    @Test
    void emptyFeatureCell() throws IOException {
        List<List<Object>> rows = inputs();
        rows.set(3, row("case3", 3.0, null));
        Path model = model("model.xlsx", true, rows, w -> { });
        String message = scoreFails(ExitCodes.INPUT, model);
        assertContains(message, "model.xlsx", "Inputs!C4", "expected a number, found an empty cell");
    }

    @Test
    void textInASeparateInputWorkbook() throws IOException {
        Path model = validModel();
        Path data = in.resolve("data.xlsx");
        List<List<Object>> rows = inputs();
        rows.set(2, row("case2", 2.0, "#N/A?"));
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Other", true, List.of(row("ignored")));
            w.sheet("March", true, rows);
            w.save(data);
        }
        String message = scoreFails(ExitCodes.INPUT, model, "--input", data.toString(), "--input-sheet", "March");
        assertContains(message, "data.xlsx", "March!C3", "expected a number, found text \"#N/A?\"");
    }

    @Test
    void textInACsvInput() throws IOException {
        Path model = validModel();
        Path csv = in.resolve("rows.csv");
        Files.writeString(csv, "id,x1,x2\na,1,2\nb,3,n/a\n", StandardCharsets.UTF_8);
        String message = scoreFails(ExitCodes.INPUT, model, "--input", csv.toString());
        assertContains(message, "rows.csv:3", "column C (x2)", "expected a number, found text \"n/a\"");
    }

    @Test
    void nonFiniteNumberInACsvInput() throws IOException {
        Path model = validModel();
        Path csv = in.resolve("rows.csv");
        Files.writeString(csv, "id,x1,x2\na,1,2\nb,1e999,2\n", StandardCharsets.UTF_8);
        String message = scoreFails(ExitCodes.INPUT, model, "--input", csv.toString());
        assertContains(message, "rows.csv:3", "column B (x1)", "not finite");
    }

    @Test
    void missingFeatureWhenMatchedByName() throws IOException {
        List<List<Object>> rows = inputs();
        rows.set(0, row("id", "x1", "x3"));
        Path model = model("model.xlsx", true, rows, w -> { });
        String message = scoreFails(ExitCodes.INPUT, model);
        assertContains(message, "model.xlsx", "Inputs", "no column for feature \"x2\"", "\"x3\"");
    }

    @Test
    void inputCountMismatchByPosition() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("id", "a", "b", "c"));
        rows.add(row("r1", 1.0, 2.0, 3.0));
        rows.add(row("r2", 4.0, 5.0, 6.0));
        Path model = model("model.xlsx", false, rows, w -> { });
        String message = scoreFails(ExitCodes.INPUT, model);
        assertContains(message, "model.xlsx", "Inputs", "3 numeric columns", "B a, C b, D c", "takes 2 inputs");
    }

    @Test
    void nonFiniteResultNamesTheLayerAndTheRow() throws IOException {
        Path path = in.resolve("model.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(row("layer", "weights", "bias", "activation"),
                    row("blowup", "W1", "b1", "exponential")));
            w.sheet("W1", true, List.of(row("input", "y"), row("x", 1000.0)));
            w.sheet("b1", true, List.of(row("y"), row(0.0)));
            w.sheet("Inputs", true, List.of(row("id", "x"), row("small", 0.1), row("large", 1000.0)));
            w.save(path);
        }
        String message = scoreFails(ExitCodes.INPUT, path);
        assertContains(message, "model.xlsx", "Inputs row 3", "layer 1 (blowup, exponential)", "non-finite",
                "unit y");
    }

    // ---------------------------------------------------------------- the model

    @Test
    void textInsideAWeightsBlock() throws IOException {
        Path model = model(cell("W1", 2, 1, "oops"));
        String message = scoreFails(ExitCodes.MODEL, model);
        // Sheet names that look like cells are quoted, as Excel writes them: 'W1'!B3.
        assertContains(message, "model.xlsx", "'W1'!B3", "expected a number, found text \"oops\"");
        checkFailsAlike(ExitCodes.MODEL, model, message);
    }

    @Test
    void textInsideARangeOnASheetWithASpace() throws IOException {
        Path model = model(w -> {
            w.sheet("My params", false, List.of(row(null, "h1", "h2"), row("x1", 0.1, 0.2), row("x2", "0.3x", 0.4)));
            w.sheetAt("Model", 1, 1, false, List.of(row("'My params'!A1:C3")));
        });
        String message = scoreFails(ExitCodes.MODEL, model);
        assertContains(message, "model.xlsx", "'My params'!B3", "expected a number, found text \"0.3x\"");
        checkFailsAlike(ExitCodes.MODEL, model, message);
    }

    @Test
    void weightsThatDoNotChain() throws IOException {
        Path model = model(cell("W2", 3, 0, 0.7));
        String message = scoreFails(ExitCodes.MODEL, model);
        assertContains(message, "model.xlsx", "Model!A3", "'W2'!A2:A4 has 3 rows, but layer 1 (hidden) has 2 outputs");
        checkFailsAlike(ExitCodes.MODEL, model, message);
    }

    @Test
    void biasOfTheWrongLength() throws IOException {
        Path model = model(w -> w.sheetAt("b1", 0, 2, false, List.of(row("h3"), row(0.3))));
        String message = scoreFails(ExitCodes.MODEL, model);
        assertContains(message, "model.xlsx", "Model!A2", "bias 'b1'!A2:C2 has 3 values", "weights 'W1'!B2:C3 have 2 columns");
        checkFailsAlike(ExitCodes.MODEL, model, message);
    }

    @Test
    void unknownActivation() throws IOException {
        Path model = model(cell("Model", 1, 3, "sigmoidd"));
        String message = scoreFails(ExitCodes.MODEL, model);
        assertContains(message, "model.xlsx", "Model!D2", "unknown activation \"sigmoidd\"", "sigmoid", "relu",
                "softmax");
        checkFailsAlike(ExitCodes.MODEL, model, message);
    }

    @Test
    void modelRowNamingAMissingSheet() throws IOException {
        Path model = model(cell("Model", 2, 1, "W9"));
        String message = scoreFails(ExitCodes.MODEL, model);
        assertContains(message, "model.xlsx", "Model!B3", "no sheet named \"W9\"", "W1", "W2");
        checkFailsAlike(ExitCodes.MODEL, model, message);
    }

    @Test
    void malformedRange() throws IOException {
        Path model = model(w -> {
            w.sheet("Params", false, List.of(row(0.1, 0.2), row(0.3, 0.4)));
            w.sheetAt("Model", 1, 1, false, List.of(row("Params!B2:")));
        });
        String message = scoreFails(ExitCodes.MODEL, model);
        assertContains(message, "model.xlsx", "Model!B2", "\"Params!B2:\"", "is not a sheet name or a range");
        checkFailsAlike(ExitCodes.MODEL, model, message);
    }

    // ---------------------------------------------------------------- files

    @Test
    void textFileNamedXlsx() throws IOException {
        Path model = in.resolve("model.xlsx");
        Files.writeString(model, "layer,weights,bias\nhidden,W1,b1\n", StandardCharsets.UTF_8);
        String message = scoreFails(ExitCodes.FILE, model);
        assertContains(message, "model.xlsx", "not an .xlsx workbook");
        checkFailsAlike(ExitCodes.FILE, model, message);
    }

    @Test
    void truncatedXlsx() throws IOException {
        byte[] whole = Files.readAllBytes(validModel());
        Path model = in.resolve("truncated.xlsx");
        Files.write(model, Arrays.copyOf(whole, whole.length / 2));
        String message = scoreFails(ExitCodes.FILE, model);
        assertContains(message, "truncated.xlsx", "cannot be read as an .xlsx workbook; is it truncated or corrupt?");
        checkFailsAlike(ExitCodes.FILE, model, message);
    }

    @Test
    void truncatedInputWorkbook() throws IOException {
        Path model = validModel();
        Path whole = in.resolve("whole-inputs.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Inputs", true, inputs());
            w.save(whole);
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = in.resolve("cut-inputs.xlsx");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        String message = scoreFails(ExitCodes.FILE, model, "--input", cut.toString());
        assertContains(message, "cut-inputs.xlsx", "truncated or corrupt");
    }

    @Test
    void zipArchiveNamedXlsx() throws IOException {
        Path model = in.resolve("archive.xlsx");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(model))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("notes.txt"));
            zip.write("not a workbook".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        String message = scoreFails(ExitCodes.FILE, model);
        assertContains(message, "archive.xlsx", "cannot be read as an .xlsx workbook");
        checkFailsAlike(ExitCodes.FILE, model, message);
    }

    @Test
    void emptyFile() throws IOException {
        Path model = Files.createFile(in.resolve("empty.xlsx"));
        String message = scoreFails(ExitCodes.FILE, model);
        assertContains(message, "empty.xlsx", "the file is empty");
        checkFailsAlike(ExitCodes.FILE, model, message);
    }

    @Test
    void missingFile() throws IOException {
        Path model = in.resolve("nowhere.xlsx");
        String message = scoreFails(ExitCodes.FILE, model);
        assertContains(message, "nowhere.xlsx", "no such file");
        checkFailsAlike(ExitCodes.FILE, model, message);
    }

    @Test
    void passwordProtectedWorkbook() throws Exception {
        Path model = encrypt(validModel(), in.resolve("locked.xlsx"));
        String message = scoreFails(ExitCodes.FILE, model);
        assertContains(message, "locked.xlsx", "password-protected");
        checkFailsAlike(ExitCodes.FILE, model, message);
    }

    @Test
    void passwordProtectedInputWorkbook() throws Exception {
        Path model = validModel();
        Path plain = in.resolve("plain-inputs.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Inputs", true, inputs());
            w.save(plain);
        }
        Path locked = encrypt(plain, in.resolve("locked-inputs.xlsx"));
        String message = scoreFails(ExitCodes.FILE, model, "--input", locked.toString());
        assertContains(message, "locked-inputs.xlsx", "password-protected");
    }

    @Test
    void oldXlsWorkbook() throws IOException {
        Path model = in.resolve("old.xlsx");
        try (HSSFWorkbook xls = new HSSFWorkbook(); OutputStream os = Files.newOutputStream(model)) {
            xls.createSheet("Model").createRow(0).createCell(0).setCellValue("layer");
            xls.write(os);
        }
        String message = scoreFails(ExitCodes.FILE, model);
        assertContains(message, "old.xlsx", ".xls");
        checkFailsAlike(ExitCodes.FILE, model, message);
    }

    /** Encrypts an .xlsx with a password (agile mode, as Excel does), into an OLE2 container. */
    private static Path encrypt(Path plain, Path target) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                Files.copy(plain, os);
            }
            try (OutputStream os = Files.newOutputStream(target)) {
                fs.writeFilesystem(os);
            }
        }
        return target;
    }

    // ---------------------------------------------------------------- the output

    @Test
    void existingOutputWithoutForce() throws IOException {
        Path model = validModel();
        byte[] old = "an earlier result\n".getBytes(StandardCharsets.UTF_8);
        Files.write(out, old);
        String message = fails(ExitCodes.OUTPUT, scoreArgs(model));
        assertContains(message, "scored.xlsx", "already exists", "--force");
        assertArrayEquals(old, Files.readAllBytes(out), "the existing output is untouched");
        try (Stream<Path> files = Files.list(outDir)) {
            assertEquals(List.of("scored.xlsx"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void existingOutputWithForceIsReplaced() throws IOException {
        Path model = validModel();
        Files.write(out, "an earlier result\n".getBytes(StandardCharsets.UTF_8));
        String modelDigest = FolderSnapshot.sha256(Files.readAllBytes(model));
        assertEquals(ExitCodes.OK, sheetnet(scoreArgs(model, "--force")).exit(), () -> last.stderr());
        assertEquals(modelDigest, FolderSnapshot.sha256(Files.readAllBytes(model)), "the model is untouched");
        try (XSSFWorkbook result = new XSSFWorkbook(Files.newInputStream(out))) {
            assertNotNull(result.getSheet("Predictions"));
            assertEquals(8, result.getSheet("Predictions").getLastRowNum());
        }
        try (Stream<Path> files = Files.list(outDir)) {
            assertEquals(List.of("scored.xlsx"), files.map(p -> p.getFileName().toString()).toList(),
                    "no .part file is left beside the output");
        }
    }

    @Test
    void failedRunWithForceKeepsTheExistingOutput() throws IOException {
        Path model = model(cell("Inputs", 6, 2, "n/a"));
        byte[] old = "an earlier result\n".getBytes(StandardCharsets.UTF_8);
        Files.write(out, old);
        String message = fails(ExitCodes.INPUT, scoreArgs(model, "--force"));
        assertContains(message, "Inputs!C7");
        assertArrayEquals(old, Files.readAllBytes(out));
        try (Stream<Path> files = Files.list(outDir)) {
            assertEquals(List.of("scored.xlsx"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void failureInALaterBatchLeavesNoOutput() throws IOException {
        List<List<Object>> rows = inputs();
        rows.set(7, row("case7", "n/a", 3.5));
        Path model = model("model.xlsx", true, rows, w -> { });
        String message = scoreFails(ExitCodes.INPUT, model, "--batch-size", "2");
        assertContains(message, "Inputs!B8", "expected a number, found text \"n/a\"");
    }

    // ---------------------------------------------------------------- formula injection

    @Test
    void formulaLikeTextStaysText() throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("=1+1", "x1", "x2"));
        rows.add(row(HYPERLINK, 1.0, 2.0));
        rows.add(row(DDE, 3.0, 4.0));
        Path model = model("model.xlsx", true, rows, w -> { });
        Map<String, String> before = FolderSnapshot.of(dir);
        assertEquals(ExitCodes.OK, sheetnet(scoreArgs(model)).exit(), () -> last.stderr());
        Map<String, String> after = FolderSnapshot.of(dir);
        after.remove("out/scored.xlsx");
        assertEquals(before, after, "only the output was added");
        assertTextOnly(out, "Inputs", "Predictions", "L1_pre", "L1_act", "L2_pre", "L2_act");
    }

    @Test
    void formulaLikeTextFromCsvStaysText() throws IOException {
        Path model = validModel();
        Path csv = in.resolve("rows.csv");
        Files.writeString(csv, "=1+1,x1,x2\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1,2\n+cmd|' /C calc'!A0,3,4\n",
                StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OK, sheetnet(scoreArgs(model, "--input", csv.toString())).exit(),
                () -> last.stderr());
        assertTextOnly(out, "Inputs", "Predictions", "L1_pre", "L2_act");
    }

    /** The id column of each sheet holds the texts as STRING cells, and no cell anywhere is a formula. */
    private static void assertTextOnly(Path file, String... sheets) throws IOException {
        try (XSSFWorkbook result = new XSSFWorkbook(Files.newInputStream(file))) {
            for (String name : sheets) {
                Sheet sheet = result.getSheet(name);
                assertNotNull(sheet, name);
                assertString(sheet, 0, "=1+1");
                assertString(sheet, 1, HYPERLINK);
                assertString(sheet, 2, DDE);
            }
            for (Sheet sheet : result) {
                for (Row r : sheet) {
                    for (Cell c : r) {
                        assertNotEquals(CellType.FORMULA, c.getCellType(), sheet.getSheetName() + "!" + c.getAddress());
                    }
                }
            }
        }
    }

    private static void assertString(Sheet sheet, int row, String text) {
        Cell cell = sheet.getRow(row).getCell(0);
        String at = sheet.getSheetName() + "!A" + (row + 1);
        assertEquals(CellType.STRING, cell.getCellType(), at);
        assertEquals(text, cell.getStringCellValue(), at);
    }
}
