package org.sheetnet.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * A page of a PDF (as LibreOffice printed a workbook) as pixels, and what the chart tests look for
 * in them: how wide a colour spreads (a drawn curve spans the plot; a legend key is a short line),
 * and light digits inside a dark fill. Uses poppler's {@code pdftotext} and {@code pdftoppm}.
 */
public final class Picture {

    private Picture() {
    }

    /**
     * Renders the first page of {@code pdf} whose text contains {@code marker}.
     *
     * @param dpi resolution; at 100 a spreadsheet column is about 70 pixels wide
     * @return the page's pixels
     */
    public static BufferedImage page(Path pdf, String marker, int dpi) throws IOException, InterruptedException {
        requirePoppler();
        int pages = pageCount(pdf);
        for (int p = 1; p <= pages; p++) {
            if (run("pdftotext", "-f", "" + p, "-l", "" + p, pdf.toString(), "-").contains(marker)) {
                Path png = pdf.resolveSibling(pdf.getFileName() + "-page" + p);
                run("pdftoppm", "-f", "" + p, "-l", "" + p, "-r", "" + dpi, "-png", "-singlefile", pdf.toString(),
                        png.toString());
                return ImageIO.read(png.resolveSibling(png.getFileName() + ".png").toFile());
            }
        }
        throw new AssertionError("no page of " + pdf.getFileName() + " holds \"" + marker + "\"");
    }

    /** How many pixel columns hold at least one pixel within {@code tolerance} of the colour {@code rgb}. */
    public static int columnsNear(BufferedImage image, int rgb, int tolerance) {
        int columns = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if (distance(image.getRGB(x, y), rgb) <= tolerance) {
                    columns++;
                    break;
                }
            }
        }
        return columns;
    }

    /** How many pixel columns hold a colourful pixel (any hue: max − min channel above 80), grey and black excluded. */
    public static int colourfulColumns(BufferedImage image) {
        int columns = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                int c = image.getRGB(x, y);
                int r = (c >> 16) & 0xFF;
                int g = (c >> 8) & 0xFF;
                int b = c & 0xFF;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
                    columns++;
                    break;
                }
            }
        }
        return columns;
    }

    /**
     * Light strokes inside a fill: on each pixel row, the runs of at most 30 pixels between two pixels of
     * the fill colour {@code fill} that hold a light pixel (every channel above 200). White digits on a
     * dark cell make many; black digits make none (black blends with the fill into dark pixels).
     */
    public static int lightRunsInside(BufferedImage image, int fill, int tolerance) {
        int runs = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            int lastFill = -1;
            boolean light = false;
            for (int x = 0; x < image.getWidth(); x++) {
                int c = image.getRGB(x, y);
                if (distance(c, fill) <= tolerance) {
                    if (light && lastFill >= 0 && x - lastFill - 1 <= 30) {
                        runs++;
                    }
                    lastFill = x;
                    light = false;
                } else if (((c >> 16) & 0xFF) > 200 && ((c >> 8) & 0xFF) > 200 && (c & 0xFF) > 200) {
                    light = true;
                }
            }
        }
        return runs;
    }

    /** The largest channel difference between two RGB colours. */
    static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            d = Math.max(d, Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF)));
        }
        return d;
    }

    private static int pageCount(Path pdf) throws IOException, InterruptedException {
        for (String line : run("pdfinfo", pdf.toString()).split("\n")) {
            if (line.startsWith("Pages:")) {
                return Integer.parseInt(line.substring(6).strip());
            }
        }
        throw new AssertionError("pdfinfo gave no page count for " + pdf);
    }

    private static void requirePoppler() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(entry.isEmpty() ? "." : entry, "pdftoppm"))) {
                return;
            }
        }
        String message = "poppler-utils (pdftoppm) is not installed; Debian: apt-get install poppler-utils";
        if ("1".equals(System.getenv(LibreOffice.REQUIRE))) {
            fail(message);
        }
        assumeTrue(false, message + "; skipped");
    }

    private static String run(String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", args) + " did not finish within 60 s");
        }
        assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8);
    }
}
