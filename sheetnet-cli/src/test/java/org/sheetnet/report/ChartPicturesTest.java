package org.sheetnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sheetnet.testing.LibreOffice;
import org.sheetnet.testing.OutputKinds;
import org.sheetnet.testing.Picture;

/**
 * The charts as pictures: LibreOffice prints each charted output to PDF (one page per sheet), poppler
 * turns the page into pixels, and the series must be there in their colours, spread across the plot
 * (a legend key alone covers a few dozen pixel columns; a drawn curve or cloud of points, hundreds).
 * The confusion matrix's darkest cells must show light digits. Two planted charts show that the checks
 * fail when they should: the loss chart as sheetnet wrote it before issue 12 (no grouping, no line
 * style: LibreOffice drew axes and a legend, no curve), and a confusion matrix without its white digits.
 *
 * <p>Skipped without LibreOffice or poppler, unless {@code SHEETNET_REQUIRE_LIBREOFFICE=1}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartPicturesTest {

    /** Pixels per inch of the rendered pages: a spreadsheet column is about 70 pixels wide. */
    private static final int DPI = 100;

    /** The first data series' colour (ChartLook), the second's, the y = x line's, the confusion matrix's navy. */
    private static final int BLUE = 0x4472C4;
    private static final int ORANGE = 0xED7D31;
    private static final int RED = 0xC00000;
    private static final int NAVY = 0x1F4E79;

    /** Antialiasing and PDF colour conversion move a pixel a little off its colour. */
    private static final int TOLERANCE = 40;

    /** Fewer columns than this is a legend key, not a series: the key is about a third of an inch. */
    private static final int DRAWN = 120;

    private static final String PDF = "pdf:calc_pdf_Export:{\"SinglePageSheets\":{\"type\":\"boolean\",\"value\":\"true\"}}";

    private Path dir;
    private Path pdfs;
    private Map<String, Path> outputs;

    @BeforeAll
    void renderEveryChart() throws IOException, InterruptedException {
        Path soffice = LibreOffice.require();
        dir = Files.createTempDirectory("sheetnet-pictures");
        outputs = OutputKinds.charted(dir);
        Path before = plant(outputs.get(OutputKinds.TRAIN_REGRESSION), "loss-chart-before-issue-12.xlsx",
                (name, xml) -> name.equals("xl/charts/chart1.xml") ? withoutStyle(xml) : xml);
        Path dark = plant(outputs.get(OutputKinds.TRAIN_CLASSES), "confusion-black-digits.xlsx",
                (name, xml) -> xml.contains("<colorScale>") ? xml.replaceAll("<cfRule type=\"expression\".*?</cfRule>", "") : xml);
        List<Path> files = new ArrayList<>(outputs.values());
        files.addAll(List.of(before, dark));
        pdfs = Files.createDirectories(dir.resolve("pdf"));
        LibreOffice.convert(soffice, Files.createDirectories(dir.resolve("profile")), PDF, files, pdfs,
                dir.resolve("soffice.log"));
    }

    @AfterAll
    void delete() throws IOException {
        OutputKinds.delete(dir);
    }

    @Test
    void trainingLossCurvesAreDrawn() throws IOException, InterruptedException {
        BufferedImage page = page(OutputKinds.TRAIN_REGRESSION, "Loss by epoch");
        assertDrawn(page, BLUE, "loss curve");
        assertDrawn(page, ORANGE, "val_loss curve");
    }

    @Test
    void validationPointsAndTheLineYEqualsXAreDrawn() throws IOException, InterruptedException {
        BufferedImage page = page(OutputKinds.TRAIN_REGRESSION, "validation rows");
        assertDrawn(page, BLUE, "validation points");
        assertDrawn(page, RED, "line y = x");
    }

    @Test
    void evaluationScatterAndTheLineYEqualsXAreDrawn() throws IOException, InterruptedException {
        BufferedImage page = page(OutputKinds.SCORE_REGRESSION, "Predicted vs true");
        assertDrawn(page, BLUE, "predicted against true points");
        assertDrawn(page, RED, "line y = x");
    }

    @Test
    void confusionMatricesShowLightDigitsOnTheirDarkCells() throws IOException, InterruptedException {
        for (String[] kind : new String[][] {{OutputKinds.TRAIN_CLASSES, "Confusion matrix on"},
            {OutputKinds.SCORE_CLASSES, "confusion matrix C"}}) {
            BufferedImage page = page(kind[0], kind[1]);
            assertTrue(Picture.columnsNear(page, NAVY, 12) >= 20, kind[0] + ": a navy cell is drawn");
            int strokes = Picture.lightRunsInside(page, NAVY, TOLERANCE);
            assertTrue(strokes >= 5, kind[0] + ": light digit strokes inside navy cells: " + strokes);
        }
    }

    @Test
    void theLossChartAsWrittenBeforeIsSeenEmpty() throws IOException, InterruptedException {
        BufferedImage page = pageOf("loss-chart-before-issue-12.xlsx", "Loss by epoch");
        int columns = Picture.colourfulColumns(page);
        assertTrue(columns < DRAWN, "no curve in any colour: " + columns + " colourful pixel columns");
    }

    @Test
    void blackDigitsOnNavyAreSeen() throws IOException, InterruptedException {
        BufferedImage page = pageOf("confusion-black-digits.xlsx", "Confusion matrix on");
        assertEquals(0, Picture.lightRunsInside(page, NAVY, TOLERANCE), "no light strokes inside navy cells");
    }

    private static void assertDrawn(BufferedImage page, int rgb, String what) {
        int columns = Picture.columnsNear(page, rgb, TOLERANCE);
        assertTrue(columns >= DRAWN, String.format("%s (#%06X) drawn across %d pixel columns, fewer than %d: only"
                + " its legend key?", what, rgb, columns, DRAWN));
    }

    private BufferedImage page(String kind, String marker) throws IOException, InterruptedException {
        return pageOf(outputs.get(kind).getFileName().toString(), marker);
    }

    private BufferedImage pageOf(String xlsx, String marker) throws IOException, InterruptedException {
        return Picture.page(pdfs.resolve(xlsx.replace(".xlsx", ".pdf")), marker, DPI);
    }

    // The line chart as POI wrote it before: no <c:grouping>, no line style on the series.
    private static String withoutStyle(String chart) {
        assertTrue(chart.contains("<c:lineChart>"), "chart1 is the loss chart");
        return chart.replace("<c:grouping val=\"standard\"/>", "").replaceAll("<c:spPr><a:ln w=\"\\d+\">.*?</c:spPr>", "");
    }

    private Path plant(Path source, String name, BiFunction<String, String, String> change) throws IOException {
        Path copy = dir.resolve(name);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(source));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".xml")) {
                    bytes = change.apply(e.getName(), new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return copy;
    }
}
