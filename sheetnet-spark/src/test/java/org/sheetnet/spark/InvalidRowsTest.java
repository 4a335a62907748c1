package org.sheetnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;
import org.sheetnet.testing.TinyModel;

/**
 * A model with a Features sheet, and rows with nulls and text in numeric columns, under each
 * {@code handleInvalid}. The model is y = 2·a' + 3·b' − 1 on prepared inputs a' = (a − 10) / 2 (default
 * a = 12) and b' = b / 0.5 (no default), so every expected value below is worked by hand, exactly:
 * k1 (14, 1) → 2·2 + 3·2 − 1 = 9; k2 (blank, 0.5) → 2·1 + 3·1 − 1 = 4; k5 ("12", "-0.25") → 2·1 − 1.5 − 1 = −0.5;
 * k3 (10, "n/a") and k4 (11, blank) cannot be scored.
 */
class InvalidRowsTest {

    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static Path model;
    private static Dataset<Row> rows;

    @BeforeAll
    static void start() throws IOException {
        spark = SparkTestSession.start();
        model = TinyModel.writeLinear(dir.resolve("features.xlsx"), w -> w.sheet("Features", true, List.of(
                List.of("feature", "offset", "scale", "default"),
                List.of("a", 10, 2, 12),
                Arrays.asList("b", 0, 0.5, null))));
        Path csv = dir.resolve("rows.csv");
        Files.writeString(csv, "id,a,b\nk1,14,1\nk2,,0.5\nk3,10,n/a\nk4,11,\nk5, 12 ,-0.25\n");
        rows = spark.read().option("header", "true").csv(csv.toString()).repartition(2);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void errorFailsTheJobNamingTheRowsIdAndTheColumn() {
        Dataset<Row> scored = SheetnetTransformer.load(model).setInputDescription("rows.csv").transform(rows);
        Exception e = assertThrows(Exception.class, scored::collectAsList);
        SheetnetException found = ScoringFailure.find(e).orElseThrow(() -> new AssertionError("not a sheetnet failure", e));
        boolean text = found.getMessage().equals("rows.csv: row (id=\"k3\"), column \"b\": expected a number, found text \"n/a\"");
        boolean blank = found.getMessage().equals("rows.csv: row (id=\"k4\"), column \"b\": expected a number, found an empty cell");
        assertTrue(text || blank, "the message names the row by its id and the column: " + found.getMessage());
        assertEquals(SheetnetException.Problem.INPUT, found.problem(), "an input problem (exit 4)");
    }

    @Test
    void skipLeavesOutTheRowsThatCannotBeScored() {
        Map<String, Row> byId = byId(SheetnetTransformer.load(model).setHandleInvalid("skip").transform(rows));
        assertEquals(List.of("k1", "k2", "k5"), List.copyOf(byId.keySet()), "rows kept");
        assertEquals(9.0, byId.get("k1").getAs("y"), "k1: 2·(14−10)/2 + 3·1/0.5 − 1");
        assertEquals(4.0, byId.get("k2").getAs("y"), "k2: the default a = 12 used for the blank");
        assertEquals(-0.5, byId.get("k5").getAs("y"), "k5: text numbers read as score reads them, trimmed");
    }

    @Test
    void keepGivesNullOutputsAndTheReason() {
        Dataset<Row> scored = SheetnetTransformer.load(model).setHandleInvalid("keep").setInputDescription("rows.csv")
                .transform(rows);
        assertEquals(List.of("id", "a", "b", "y", "invalid_reason"), List.of(scored.schema().fieldNames()), "columns");
        Map<String, Row> byId = byId(scored);
        assertEquals(5, byId.size(), "every row kept");
        assertEquals(9.0, byId.get("k1").getAs("y"), "k1: scored");
        assertNull(byId.get("k1").getAs("invalid_reason"), "k1: no reason");
        assertNull(byId.get("k3").getAs("y"), "k3: no output");
        assertEquals("rows.csv: row (id=\"k3\"), column \"b\": expected a number, found text \"n/a\"",
                byId.get("k3").getAs("invalid_reason"), "k3: the reason");
        assertEquals("rows.csv: row (id=\"k4\"), column \"b\": expected a number, found an empty cell",
                byId.get("k4").getAs("invalid_reason"), "k4: the reason");
    }

    @Test
    void aMissingFeatureColumnIsRefusedBeforeAnyDataIsRead() {
        // Reading this DataFrame's rows would fail with "data was read": the refusal must come from its schema alone.
        Dataset<Row> misspelt = spark.range(3).selectExpr("cast(id as string) as id", "1.0 as a",
                "cast(raise_error('data was read') as double) as bb");
        SheetnetException e = assertThrows(SheetnetException.class,
                () -> SheetnetTransformer.load(model).setInputDescription("rows.parquet").transform(misspelt));
        assertTrue(e.getMessage().startsWith("rows.parquet: no column for feature \"b\""), e.getMessage());
        assertThrows(SheetnetException.class, () -> SheetnetTransformer.load(model).transformSchema(misspelt.schema()),
                "transformSchema refuses it too");
    }

    @Test
    void featureNamesMatchIgnoringCaseAsScoreDoes() {
        Dataset<Row> upper = spark.range(1).selectExpr("'u1' as ID", "14.0 as A", "1.0 as B");
        Row row = SheetnetTransformer.load(model).transform(upper).collectAsList().get(0);
        assertEquals(9.0, row.getAs("y"), "A and B feed a and b");
    }

    @Test
    void aModelBuiltInMemoryScoresAsItsFileDoes() {
        SheetnetTransformer fromModel = SheetnetTransformer.of(org.sheetnet.api.Sheetnet.load(model));
        Map<String, Row> byId = byId(fromModel.setHandleInvalid("skip").transform(rows));
        assertEquals(9.0, byId.get("k1").getAs("y"), "k1, through the model shipped as a written workbook");
        assertEquals(4.0, byId.get("k2").getAs("y"), "k2: its Features default travelled too");
    }

    @Test
    void aModelWithoutInputNamesTakesTheNumericColumnsInOrder() throws IOException {
        // W1 = [[0.1, 0.2], [0.3, 0.4]], b1 = [0.1, 0.2], sigmoid; y = 0.5·σ(h1) + 0.6·σ(h2) + 0.1; x = (1, 2).
        Path unnamed = TinyModel.write(dir.resolve("unnamed.xlsx"), false, null);
        Dataset<Row> text = spark.range(1).selectExpr("'u1' as id", "'1' as first", "'2' as second");
        Row row = SheetnetTransformer.load(unnamed).transform(text).collectAsList().get(0);
        double y = 0.5 / (1 + Math.exp(-0.8)) + 0.6 / (1 + Math.exp(-1.2)) + 0.1;
        assertEquals(y, (double) row.getAs("y"), 1e-15, "first and second feed the two inputs, by position");
    }

    private static Map<String, Row> byId(Dataset<Row> scored) {
        Map<String, Row> byId = new TreeMap<>();
        scored.collectAsList().forEach(r -> byId.put(r.getAs("id"), r));
        return byId;
    }
}
