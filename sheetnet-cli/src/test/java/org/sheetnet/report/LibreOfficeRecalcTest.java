package org.sheetnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sheetnet.testing.LibreOffice;
import org.sheetnet.testing.Sheets;

/**
 * Recalculates {@code score --formulas} outputs with LibreOffice Calc in headless mode, a spreadsheet
 * engine independent of both sheetnet and POI, and compares every recalculated cell with the value
 * sheetnet wrote. LibreOffice does not recalculate an xlsx on load by default (it shows the cached
 * values); a fresh user profile sets "recalculation on load: always", and a planted wrong cached value
 * proves that it did recalculate. All workbooks go through one LibreOffice run, which takes seconds.
 *
 * <p>When {@code soffice} is missing the tests are skipped, unless the environment variable
 * {@code SHEETNET_REQUIRE_LIBREOFFICE=1} is set (as {@code .ci/run} does): then they fail.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LibreOfficeRecalcTest {

    private static final double RELATIVE = 1e-12;

    /**
     * Absolute floor. LibreOffice's EXP, SQRT, TANH and NORMDIST differ from Java's by an ulp now and
     * then, and LibreOffice recomputes the whole chain from the inputs; where a layer-2 sum of terms of
     * order 1 cancels (to 2.5e-4 in the mish workbook's "ones" row, to 0 for a zero row), that ulp of
     * 1.1e-16 can exceed 1e-12 of the result although every formula is right. A few ulps of terms of
     * order 1 stay below 1e-15; the floor leaves a factor 10. It also covers results below 2.2e-308,
     * which a spreadsheet holds as 0.
     */
    private static final double ABSOLUTE = 1e-14;


    /** The wrong cached value planted in a copy, which a recalculation must replace. */
    private static final double PLANTED = 12345;
    private static final String PLANTED_SHEET = "L1_act";
    private static final int PLANTED_ROW = 2;
    private static final int PLANTED_COL = 2;

    private Path dir;
    /** Name → (model, sheetnet's output); the recalculated file has the output's name in {@code recalculated}. */
    private final Map<String, Path[]> workbooks = new LinkedHashMap<>();
    private Path recalculated;
    /** Largest relative deviation per sheet over all workbooks, for the summary. */
    private final Map<String, Double> worst = new TreeMap<>();

    @BeforeAll
    void recalculateWithLibreOffice() throws IOException, InterruptedException {
        Path soffice = LibreOffice.require();
        dir = Files.createTempDirectory("sheetnet-libreoffice");
        Path scored = Files.createDirectories(dir.resolve("scored"));
        for (FormulaWorkbooks.Case c : FormulaWorkbooks.cases()) {
            if (FormulaWorkbooks.hasFormula(c.resolve())) {
                add(c.toString(), FormulaWorkbooks.activationModel(dir, c), scored);
            }
        }
        add("seed-2-3-2-2-softmax", Path.of("workbooks/seed-2-3-2-2-softmax.xlsx"), scored);
        add("regression-4-20-10-1", Path.of("workbooks/regression-4-20-10-1.xlsx"), scored);
        add("quoted sheet names", FormulaWorkbooks.quotedNetwork(dir), scored);
        List<Path> inputs = new ArrayList<>();
        workbooks.values().forEach(w -> inputs.add(w[1]));
        inputs.add(plant(workbooks.get("sigmoid")[1], scored.resolve("planted.xlsx")));
        recalculated = Files.createDirectories(dir.resolve("recalculated"));
        convert(soffice, inputs, recalculated);
    }

    @AfterAll
    void printDeviations() throws IOException {
        if (!worst.isEmpty()) {
            System.out.println("LibreOffice vs sheetnet, largest relative deviation per sheet: " + worst);
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    Stream<String> workbookNames() {
        return workbooks.keySet().stream();
    }

    @Test
    void recalculationReallyHappens() throws IOException {
        try (XSSFWorkbook planted = Sheets.open(dir.resolve("scored/planted.xlsx"));
                XSSFWorkbook original = Sheets.open(workbooks.get("sigmoid")[1]);
                XSSFWorkbook after = Sheets.open(recalculated.resolve("planted.xlsx"))) {
            Cell wrong = cell(planted, PLANTED_SHEET);
            Cell right = cell(original, PLANTED_SHEET);
            Cell fixed = cell(after, PLANTED_SHEET);
            String where = FormulaWorkbooks.where(wrong);
            assertEquals(CellType.FORMULA, wrong.getCellType(), where + " in the planted copy is a formula");
            assertEquals(PLANTED, wrong.getNumericCellValue(), 0.0, where + ": planted cached value");
            assertEquals(CellType.FORMULA, fixed.getCellType(), where + " after LibreOffice is a formula");
            assertTrue(FormulaWorkbooks.close(right.getNumericCellValue(), fixed.getNumericCellValue(), RELATIVE, ABSOLUTE),
                    where + " = " + fixed.getCellFormula() + ": LibreOffice gives " + fixed.getNumericCellValue()
                            + " (planted " + PLANTED + "), sheetnet " + right.getNumericCellValue());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workbookNames")
    void everyRecalculatedCellMatchesSheetnet(String name) throws IOException {
        Path model = workbooks.get(name)[0];
        Path out = workbooks.get(name)[1];
        try (XSSFWorkbook sheetnet = Sheets.open(out);
                XSSFWorkbook libre = Sheets.open(recalculated.resolve(out.getFileName()))) {
            int ids = FormulaWorkbooks.idColumns(model, sheetnet);
            int compared = 0;
            for (Sheet sheet : FormulaWorkbooks.computedSheets(sheetnet)) {
                Sheet other = libre.getSheet(sheet.getSheetName());
                assertTrue(other != null, name + ": LibreOffice kept sheet " + sheet.getSheetName());
                for (Cell expected : FormulaWorkbooks.computedCells(sheet, ids)) {
                    Cell actual = other.getRow(expected.getRowIndex()).getCell(expected.getColumnIndex());
                    assertMatches(name, expected, actual);
                    compared++;
                }
            }
            assertTrue(compared > 0, name + ": cells compared");
        }
    }

    private void assertMatches(String name, Cell expected, Cell actual) {
        String where = name + ": " + FormulaWorkbooks.where(expected) + " = " + expected.getCellFormula();
        assertEquals(CellType.FORMULA, expected.getCellType(), where + " is a formula in sheetnet's output");
        assertEquals(CellType.FORMULA, actual == null ? CellType.BLANK : actual.getCellType(),
                where + " is a formula after LibreOffice");
        if (expected.getCachedFormulaResultType() == CellType.STRING) {
            assertEquals(CellType.STRING, actual.getCachedFormulaResultType(), where + ": LibreOffice's result type");
            assertEquals(expected.getStringCellValue(), actual.getStringCellValue(), where);
            return;
        }
        assertEquals(CellType.NUMERIC, actual.getCachedFormulaResultType(), where + ": LibreOffice gives "
                + (actual.getCachedFormulaResultType() == CellType.ERROR ? org.apache.poi.ss.usermodel.FormulaError.forInt(actual.getErrorCellValue()).getString() : "no number"));
        double e = expected.getNumericCellValue();
        double a = actual.getNumericCellValue();
        worst.merge(expected.getSheet().getSheetName(), FormulaWorkbooks.relativeDeviation(e, a), Math::max);
        assertTrue(FormulaWorkbooks.close(e, a, RELATIVE, ABSOLUTE), where + ": LibreOffice " + a + ", sheetnet " + e
                + ", relative deviation " + FormulaWorkbooks.relativeDeviation(e, a));
    }

    private void add(String name, Path model, Path scored) {
        String file = name.replaceAll("[^A-Za-z0-9_.-]", "-") + ".xlsx";
        workbooks.put(name, new Path[] {model, FormulaWorkbooks.score(model, scored.resolve(file))});
    }

    private static Cell cell(XSSFWorkbook wb, String sheet) {
        return wb.getSheet(sheet).getRow(PLANTED_ROW).getCell(PLANTED_COL);
    }

    /** A copy of a scored workbook in which one formula's cached value is wrong. */
    private static Path plant(Path scored, Path copy) throws IOException {
        try (InputStream in = Files.newInputStream(scored); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Cell cell = cell(wb, PLANTED_SHEET);
            assertEquals(CellType.FORMULA, cell.getCellType(), FormulaWorkbooks.where(cell) + " is a formula");
            cell.setCellValue(PLANTED); // a formula cell keeps its formula; only the cached result changes
            try (OutputStream out = Files.newOutputStream(copy)) {
                wb.write(out);
            }
        }
        return copy;
    }

    /**
     * Converts xlsx to xlsx with LibreOffice in one run, recalculating every formula on load: a fresh
     * user profile whose registrymodifications.xcu sets Calc's OOXMLRecalcMode to 0 ("always"; the
     * default 1 is "never", which would keep the cached values). Killed after {@link LibreOffice#TIMEOUT_SECONDS} seconds.
     */
    private static void convert(Path soffice, List<Path> files, Path outDir) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(outDir.getParent().resolve("profile/user"));
        Files.writeString(profile.resolve("registrymodifications.xcu"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
                <prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
                </oor:items>
                """);
        Path log = outDir.getParent().resolve("soffice.log");
        LibreOffice.convert(soffice, profile.getParent(), "xlsx", files, outDir, log);
        for (Path f : files) {
            assertTrue(Files.exists(outDir.resolve(f.getFileName())), "LibreOffice wrote " + f.getFileName()
                    + "; output: " + Files.readString(log));
        }
    }
}
