package org.sheetnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.examples.SheetWriter;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.Sheets;

/**
 * Outputs that read well when opened: numbers a person reads carry a number format (the cell keeps
 * its double), ids, headers and Audit values fit their columns, styles.xml names the Normal style
 * (openpyxl warns without it), exactly one sheet is selected and it is the active tab, and a relu of a
 * negative number is written 0, not -0.
 */
class ReadableOutputTest {

    @TempDir
    Path dir;

    private Path score(String... args) {
        Path out = dir.resolve("out-" + args[0].replaceAll(".*/", "") + "-" + args.length + ".xlsx");
        List<String> all = new ArrayList<>(List.of("score"));
        all.addAll(Arrays.asList(args));
        all.addAll(List.of("--out", out.toString(), "-q"));
        Cli.Run run = Cli.run(all.toArray(String[]::new));
        assertEquals(0, run.exit(), "sheetnet " + all + ": " + run.stderr());
        return out;
    }

    @Test
    void metricsAndAuditNumbersHaveAReadableFormat() throws IOException {
        Path out = score("workbooks/sine-1-20-1.xlsx", "--target", "sin(x)");
        try (XSSFWorkbook wb = Sheets.open(out)) {
            XSSFSheet evaluation = wb.getSheet("Evaluation");
            assertEquals("#,##0", format(evaluation, "count"), "Evaluation: count (50) as a whole number");
            assertEquals("0.000E+00", format(evaluation, "MAE"), "Evaluation: MAE (5.5e-08) in scientific notation");
            assertEquals("0.0000", format(evaluation, "R²"), "Evaluation: R² (0.99999…) to four decimals");
            assertEquals(1.0, valueOf(evaluation, "R²"), 1e-12, "Evaluation: R² keeps its double");
            assertTrue(valueOf(evaluation, "R²") != 1.0, "Evaluation: R² is not rounded in the cell");
            XSSFSheet audit = wb.getSheet("Audit");
            assertEquals("#,##0", format(audit, "rows scored"), "Audit: rows scored");
        }
    }

    @Test
    void auditValuesAndIdsFitTheirColumns() throws IOException {
        Path csv = Files.writeString(dir.resolve("labels.csv"),
                "case,x1,x2,label\ncustomer-0000012345,1,0.5,y2\norigin,0,0,y1\n");
        Path out = score("workbooks/seed-2-3-2-2-softmax.xlsx", "--input", csv.toString(), "--target", "label");
        try (XSSFWorkbook wb = Sheets.open(out)) {
            XSSFSheet predictions = wb.getSheet("Predictions");
            assertTrue(chars(predictions, 0) >= "customer-0000012345".length(),
                    "Predictions!A fits the id customer-0000012345: " + chars(predictions, 0) + " characters");
            assertTrue(chars(predictions, 3) >= "predicted_class".length(),
                    "Predictions!D fits its header predicted_class: " + chars(predictions, 3));
            XSSFSheet audit = wb.getSheet("Audit");
            for (Row row : audit) {
                Cell b = row.getCell(1);
                if (b != null && b.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                        && row.getCell(2) != null) {
                    int length = Math.min(b.getStringCellValue().length(), 64);
                    assertTrue(chars(audit, 1) >= length, "Audit!B" + (row.getRowNum() + 1) + " (" + length
                            + " characters, with a value beside it) fits: " + chars(audit, 1));
                }
            }
            assertTrue(chars(audit, 6) >= 64, "Audit: a SHA-256 of 64 digits fits column G: " + chars(audit, 6));
        }
    }

    @Test
    void stylesNameTheNormalStyle() throws IOException {
        Path out = score("workbooks/seed-2-3-2-2.xlsx");
        String styles = part(out, "xl/styles.xml");
        assertTrue(styles.contains("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"
                + "</cellStyles>"), "styles.xml names the Normal style: " + styles);
        assertTrue(styles.indexOf("</cellXfs>") < styles.indexOf("<cellStyles"), "cellStyles after cellXfs, as the schema orders");
    }

    @Test
    void theActiveTabIsTheOnlySelectedSheet() throws IOException {
        Path scored = score("workbooks/seed-2-3-2-2.xlsx");
        assertEquals(List.of("Predictions"), selected(scored), "score: selected sheets");
        Path trained = dir.resolve("trained.xlsx");
        assertEquals(0, Cli.run("train", "workbooks/iris.csv", "--epochs", "2", "--seed", "1", "-o", trained.toString(),
                "-q").exit(), "train");
        assertEquals(List.of("Training history"), selected(trained), "train: selected sheets");
    }

    @Test
    void reluOfANegativeNumberIsWrittenAsZeroNotMinusZero() throws IOException {
        Path model = dir.resolve("relu.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(List.of("layer", "weights", "bias", "activation"),
                    List.of("out", "W1", "b1", "relu")));
            w.sheet("W1", false, List.of(Arrays.asList(null, "y"), List.of("x1", 1), List.of("x2", 1)));
            w.sheet("b1", false, List.of(List.of(0)));
            w.sheet("Inputs", true, List.of(List.of("id", "x1", "x2"), List.of("neg", -1, -2), List.of("pos", 2, 3)));
            w.save(model);
        }
        Path values = score(model.toString());
        Path formulas = score(model.toString(), "--formulas");
        for (Path out : List.of(values, formulas)) {
            // By hand: a = -1 + -2 = -3, relu(-3) = 0; a = 5, relu(5) = 5.
            List<String> cells = cachedValues(part(out, sheetPart(out, "Predictions")));
            assertEquals(List.of("0.0", "5.0"), cells, out.getFileName() + ": Predictions!B2:B3 as written");
            assertEquals(List.of("-3.0", "5.0"), cachedValues(part(out, sheetPart(out, "L1_pre"))),
                    out.getFileName() + ": L1_pre keeps its sign");
        }
        Path csv = dir.resolve("relu.csv");
        assertEquals(0, Cli.run("score", model.toString(), "--out", csv.toString(), "-q").exit(), "score to CSV");
        assertEquals(List.of("id,y", "neg,0.0", "pos,5.0"), Files.readAllLines(csv), "Predictions as CSV");
    }

    private static String format(XSSFSheet sheet, String label) {
        return row(sheet, label).getCell(1).getCellStyle().getDataFormatString();
    }

    private static double valueOf(XSSFSheet sheet, String label) {
        return row(sheet, label).getCell(1).getNumericCellValue();
    }

    private static Row row(XSSFSheet sheet, String label) {
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            if (a != null && label.equals(a.toString())) {
                return row;
            }
        }
        throw new AssertionError(sheet.getSheetName() + " has no row " + label);
    }

    // A column's width in characters, as Excel counts them (1/256 of a character).
    private static double chars(XSSFSheet sheet, int col) {
        return sheet.getColumnWidth(col) / 256.0;
    }

    private static List<String> selected(Path xlsx) throws IOException {
        try (XSSFWorkbook wb = Sheets.open(xlsx)) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> {
                if (((XSSFSheet) s).isSelected()) {
                    names.add(s.getSheetName());
                }
            });
            assertEquals(names.isEmpty() ? "" : names.get(0), wb.getSheetName(wb.getActiveSheetIndex()),
                    xlsx.getFileName() + ": the active tab");
            return names;
        }
    }

    private static String sheetPart(Path xlsx, String sheet) throws IOException {
        try (XSSFWorkbook wb = Sheets.open(xlsx)) {
            return wb.getSheet(sheet).getPackagePart().getPartName().getName().substring(1);
        }
    }

    // The <v> of column B's cells below the header, as the XML holds them.
    private static List<String> cachedValues(String sheetXml) {
        List<String> values = new ArrayList<>();
        Matcher m = Pattern.compile("<c r=\"B[2-9]\"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>").matcher(sheetXml);
        while (m.find()) {
            values.add(m.group(1));
        }
        return values;
    }

    private static String part(Path xlsx, String name) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
