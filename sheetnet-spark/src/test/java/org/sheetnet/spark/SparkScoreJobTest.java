package org.sheetnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;
import org.sheetnet.testing.TinyModel;

/**
 * The {@code spark-score} job end to end in local[2]: predictions bit-identical to {@code score} and in input
 * order over several partitions, from CSV and from Parquet; the Audit's counts and model hash; the Sample's
 * layer values against a hand calculation; the Evaluation against the MAE worked from the predictions; and
 * the result folder's safety.
 */
class SparkScoreJobTest {

    private static final int ROWS = 400;

    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path model;
    private static Path csv;

    @BeforeAll
    static void start() throws IOException {
        spark = SparkTestSession.start();
        // Small splits, so that even this small input is read in several partitions.
        spark.conf().set("spark.sql.files.maxPartitionBytes", "2048");
        spark.conf().set("spark.sql.files.openCostInBytes", "0");
        model = TinyModel.write(dir.resolve("tiny.xlsx"), true, null);
        csv = dir.resolve("rows.csv");
        Random random = new Random(5);
        StringBuilder text = new StringBuilder("id,x1,x2,t\nfirst,1,2,0.5\n");
        for (int r = 1; r < ROWS; r++) {
            text.append(String.format(Locale.ROOT, "k%03d,%s,%s,%s%n", r, random.nextGaussian(), random.nextGaussian() * 10,
                    random.nextDouble()));
        }
        Files.writeString(csv, text);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static SparkScoreOptions options(Path input, String inputFormat, Path out, String format,
            List<String> targets, HandleInvalid mode, boolean force) {
        return new SparkScoreOptions(model, List.of(input.toString()), inputFormat, out.toString(), format, "local[2]",
                targets, 3, false, mode, force, "test");
    }

    @Test
    void csvPredictionsAreScoresBitsInInputOrder() throws IOException {
        Path out = dir.resolve("csv-out");
        SparkScoreJob.Result result = SparkScoreJob.run(options(csv, "csv", out, "csv", List.of("t"), HandleInvalid.ERROR,
                false), spark);
        assertTrue(result.partitions() > 1, "several partitions: " + result.partitions());
        List<List<String>> got = readPredictions(out.resolve("predictions"));
        List<List<String>> want = ScoreReference.score(model, csv, dir, "t");
        assertEquals(List.of("id", "y", "t"), got.get(0), "predictions' header: ids, outputs, targets");
        assertEquals(want.size(), got.size(), "rows");
        for (int r = 1; r < want.size(); r++) {
            assertEquals(want.get(r).get(0), got.get(r).get(0), "row " + r + ": id, in input order");
            assertEquals(Double.doubleToLongBits(Double.parseDouble(want.get(r).get(1))),
                    Double.doubleToLongBits(Double.parseDouble(got.get(r).get(1))), "row " + r + ": y, bit for bit");
        }
        try (XSSFWorkbook audit = new XSSFWorkbook(Files.newInputStream(out.resolve("audit.xlsx")))) {
            assertEquals(String.valueOf(ROWS), value(audit.getSheet("Audit"), "rows scored"), "Audit: rows scored");
            assertEquals(sha256(model), value(audit.getSheet("Audit"), "SHA-256"), "Audit: the model file's SHA-256");
            assertEquals("4.1.0", value(audit.getSheet("Audit"), "version"), "Audit: Spark's version");
            assertSampleByHand(audit.getSheet("Sample"));
            assertEquals(mae(got), Double.parseDouble(value(audit.getSheet("Evaluation"), "MAE")), 1e-12,
                    "Evaluation: MAE = Σ|y − t| / n over the predictions");
        }
    }

    @Test
    void parquetInParquetOutGivesTheSameBits() throws IOException {
        Path parquet = dir.resolve("rows.parquet");
        spark.read().option("header", "true").csv(csv.toString()).select(functions.col("id"),
                functions.col("x1").cast("double"), functions.col("x2").cast("double")).coalesce(1).write()
                .parquet(parquet.toString());
        Path out = dir.resolve("parquet-out");
        SparkScoreJob.run(options(parquet, "parquet", out, "parquet", List.of(), HandleInvalid.ERROR, false), spark);
        List<org.apache.spark.sql.Row> got = spark.read().parquet(out.resolve("predictions").toString()).collectAsList();
        List<List<String>> want = ScoreReference.score(model, csv, dir);
        int y = want.get(0).indexOf("y");
        assertEquals(List.of("id", "y"), List.of(spark.read().parquet(out.resolve("predictions").toString()).schema()
                .fieldNames()), "predictions' columns");
        assertEquals(ROWS, got.size(), "rows");
        for (int r = 0; r < ROWS; r++) {
            assertEquals(want.get(r + 1).get(0), got.get(r).getString(0), "row " + r + ": id, in input order");
            assertEquals(Double.doubleToLongBits(Double.parseDouble(want.get(r + 1).get(y))),
                    Double.doubleToLongBits(got.get(r).getDouble(1)), "row " + r + ": y, bit for bit");
        }
    }

    @Test
    void anExistingFolderIsRefusedWithoutForceAndOnlyOurFilesAreReplacedWithIt() throws IOException {
        Path out = Files.createDirectories(dir.resolve("existing"));
        Path theirs = Files.writeString(out.resolve("notes.txt"), "keep me");
        SheetnetException e = assertThrows(SheetnetException.class, () -> SparkScoreJob.run(options(csv, "csv", out,
                "csv", List.of(), HandleInvalid.ERROR, false), spark));
        assertEquals(SheetnetException.Problem.OUTPUT, e.problem(), e.getMessage());
        assertEquals(List.of(theirs), list(out), "nothing written without --force");
        SparkScoreJob.run(options(csv, "csv", out, "csv", List.of(), HandleInvalid.ERROR, true), spark);
        SparkScoreJob.run(options(csv, "csv", out, "csv", List.of(), HandleInvalid.ERROR, true), spark);
        assertEquals("keep me", Files.readString(theirs), "a file of the user's is untouched");
        assertEquals(List.of(out.resolve("audit.xlsx"), theirs, out.resolve("predictions")), list(out),
                "the folder holds the user's file, predictions/ and audit.xlsx, no temporaries");
    }

    @Test
    void aRowThatCannotBeScoredLeavesNoOutput() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "id,x1,x2\na,1,2\nb,1,n/a\n");
        Path out = dir.resolve("bad-out");
        SheetnetException e = assertThrows(SheetnetException.class, () -> SparkScoreJob.run(options(bad, "csv", out,
                "csv", List.of(), HandleInvalid.ERROR, false), spark));
        assertEquals("bad.csv: row (id=\"b\"), column \"x2\": expected a number, found text \"n/a\"", e.getMessage(),
                "one line naming the row and the column");
        assertFalse(Files.exists(out), "no result folder left");
    }

    // Sample row 1 is x = (1, 2): a1 = x·W1 + b1 = (0.1 + 0.6 + 0.1, 0.2 + 0.8 + 0.2), y = 0.5·σ(0.8) + 0.6·σ(1.2) + 0.1.
    private static void assertSampleByHand(Sheet sample) {
        List<String> header = new ArrayList<>();
        sample.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
        Row first = sample.getRow(1);
        assertEquals("first", first.getCell(header.indexOf("id")).getStringCellValue(), "Sample B2: the first row");
        assertEquals(0.8, first.getCell(header.indexOf("L1_pre_h1")).getNumericCellValue(), 1e-15, "Sample: L1_pre_h1");
        assertEquals(1.2, first.getCell(header.indexOf("L1_pre_h2")).getNumericCellValue(), 1e-15, "Sample: L1_pre_h2");
        double y = 0.5 / (1 + Math.exp(-0.8)) + 0.6 / (1 + Math.exp(-1.2)) + 0.1;
        assertEquals(y, first.getCell(header.indexOf("L2_act_y")).getNumericCellValue(), 1e-15, "Sample: L2_act_y");
        assertEquals(4, sample.getLastRowNum() + 1, "Sample: a header and --sample 3 rows");
    }

    private static double mae(List<List<String>> predictions) {
        double sum = 0;
        for (List<String> row : predictions.subList(1, predictions.size())) {
            sum += Math.abs(Double.parseDouble(row.get(1)) - Double.parseDouble(row.get(2)));
        }
        return sum / (predictions.size() - 1);
    }

    // The value beside the first cell that says label, as text.
    private static String value(Sheet sheet, String label) {
        DataFormatter text = new DataFormatter(Locale.ROOT);
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (c != null && text.formatCellValue(c).equals(label)) {
                Cell v = row.getCell(1);
                return v.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? trimmed(v.getNumericCellValue()) : v.getStringCellValue();
            }
        }
        throw new AssertionError(sheet.getSheetName() + ": no line " + label);
    }

    private static String trimmed(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static List<List<String>> readPredictions(Path folder) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (Path part : list(folder)) {
            if (part.getFileName().toString().endsWith(".csv")) {
                List<List<String>> some = ScoreReference.read(part);
                rows.addAll(rows.isEmpty() ? some : some.subList(1, some.size()));
            }
        }
        return rows;
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
