package org.sheetnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sheetnet.cli.Main;
import org.sheetnet.testing.LibreOffice;
import org.sheetnet.testing.Sheets;

/**
 * Hands the Evaluation sheets to LibreOffice Calc headless: converts a regression and a classifier
 * output to PDF (for a person to look at: set {@code SHEETNET_PDF_DIR} to keep them; {@code
 * docs/render-evaluation.sh} renders the README's picture the same way), and saves the regression output
 * again as .xlsx with LibreOffice, whose re-opened chart must still plot the same Predictions ranges:
 * LibreOffice read the chart as a chart over cells, not as a picture.
 *
 * <p>Skipped when {@code soffice} is missing, unless {@code SHEETNET_REQUIRE_LIBREOFFICE=1}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvaluationRenderTest {


    private Path dir;
    private Path soffice;
    private final List<Path> scored = new ArrayList<>();

    @BeforeAll
    void scoreAndConvert() throws IOException, InterruptedException {
        soffice = LibreOffice.require();
        dir = Files.createTempDirectory("sheetnet-render");
        Path regression = dir.resolve("regression-evaluated.xlsx");
        assertEquals(0, Main.run("score", "workbooks/regression-4-20-10-1.xlsx", "--target", "target", "--out",
                regression.toString(), "-q"));
        Path csv = dir.resolve("classes.csv");
        Files.writeString(csv, "case,x1,x2,label\narticle,1,0.5,y2\norigin,0,0,y1\nnegative,-1,-2,y2\n");
        Path classes = dir.resolve("classes-evaluated.xlsx");
        assertEquals(0, Main.run("score", "workbooks/seed-2-3-2-2-softmax.xlsx", "--input", csv.toString(),
                "--target", "label", "--out", classes.toString(), "-q"));
        scored.addAll(List.of(regression, classes));
        convert("pdf", scored, Files.createDirectories(dir.resolve("pdf")));
        convert("xlsx", List.of(regression), Files.createDirectories(dir.resolve("libreoffice")));
    }

    @AfterAll
    void keepOrDelete() throws IOException {
        if (dir == null) {
            return;
        }
        String keep = System.getenv("SHEETNET_PDF_DIR");
        if (keep != null) {
            Path target = Files.createDirectories(Path.of(keep));
            try (Stream<Path> pdfs = Files.list(dir.resolve("pdf"))) {
                for (Path pdf : (Iterable<Path>) pdfs::iterator) {
                    Files.copy(pdf, target.resolve(pdf.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void libreOfficeWritesAPdfOfEachOutput() throws IOException {
        for (Path xlsx : scored) {
            Path pdf = dir.resolve("pdf").resolve(xlsx.getFileName().toString().replace(".xlsx", ".pdf"));
            assertTrue(Files.exists(pdf), "LibreOffice wrote " + pdf.getFileName());
            byte[] bytes = Files.readAllBytes(pdf);
            assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII), pdf + " header");
            assertTrue(bytes.length > 10_000, pdf + " holds pages: " + bytes.length + " bytes");
        }
    }

    @Test
    void libreOfficeReadsTheChartAsAChartOverPredictions() throws IOException {
        try (XSSFWorkbook wb = Sheets.open(dir.resolve("libreoffice/regression-evaluated.xlsx"))) {
            List<XSSFChart> charts = wb.getSheet(EvaluationSheet.NAME).getDrawingPatriarch().getCharts();
            assertEquals(1, charts.size(), "charts on Evaluation after LibreOffice saved the workbook");
            List<XDDFChartData.Series> series = charts.get(0).getChartSeries().get(0).getSeries();
            assertEquals(2, series.size(), "series: y and the line y = x");
            assertTrue(series.get(0).getCategoryData().getDataRangeReference().matches("'?Predictions'?!\\$C\\$2:\\$C\\$9"),
                    "X values still Predictions!$C$2:$C$9: " + series.get(0).getCategoryData().getDataRangeReference());
            assertTrue(series.get(0).getValuesData().getDataRangeReference().matches("'?Predictions'?!\\$B\\$2:\\$B\\$9"),
                    "Y values still Predictions!$B$2:$B$9: " + series.get(0).getValuesData().getDataRangeReference());
        }
    }

    private void convert(String format, List<Path> files, Path outDir) throws IOException, InterruptedException {
        Path profile = Files.createDirectories(dir.resolve("profile-" + format));
        LibreOffice.convert(soffice, profile, format, files, outDir, dir.resolve("soffice-" + format + ".log"));
    }
}
