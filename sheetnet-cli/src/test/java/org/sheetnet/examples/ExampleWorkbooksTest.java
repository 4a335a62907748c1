package org.sheetnet.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sheetnet.testing.Sheets.number;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sheetnet.cli.Main;
import org.sheetnet.testing.Sheets;

/** The committed examples and templates are what the generator builds, and every example scores. */
class ExampleWorkbooksTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        ExampleWorkbooks.writeAll(dir.resolve("workbooks"), dir.resolve("templates"), false);
    }

    static List<String> examples() {
        return ExampleWorkbooks.EXAMPLES;
    }

    @ParameterizedTest
    @MethodSource("examples")
    void committedExampleIsUpToDate(String name) throws IOException {
        Path committed = Path.of("workbooks", name);
        Path built = dir.resolve("workbooks").resolve(name);
        assertEquals(Sheets.names(built), Sheets.names(committed), name + ": sheets (rebuild with ./sheetnet examples)");
        for (String sheet : Sheets.names(built)) {
            assertEquals(Sheets.rows(built, sheet), Sheets.rows(committed, sheet), name + "!" + sheet);
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void everyExampleScores(String name) throws IOException {
        Path out = dir.resolve("scored-" + name);
        assertEquals(0, Main.run("score", Path.of("workbooks", name).toString(), "--out", out.toString(), "-q"), name);
        assertTrue(Sheets.names(out).contains("Predictions"), name);
    }

    @Test
    void templatesAreUpToDateAndSayWhatIsMissing() throws IOException {
        for (String name : ExampleWorkbooks.TEMPLATES) {
            Path committed = Path.of("templates", name);
            Path built = dir.resolve("templates").resolve(name);
            for (String sheet : Sheets.names(built)) {
                assertEquals(Sheets.rows(built, sheet), Sheets.rows(committed, sheet), name + "!" + sheet);
            }
        }
        assertEquals(List.of("layer", "weights", "bias", "activation", "alpha"),
                Sheets.rows(Path.of("templates", "model-template.xlsx"), "Model").get(0), "template Model header");
        // An unfilled template is refused with a message, not a crash.
        assertEquals(3, Main.run("check", Path.of("templates", "model-template.xlsx").toString()));
    }

    @Test
    void xorExampleGivesTheTruthTable() throws IOException {
        Path out = dir.resolve("xor.xlsx");
        Main.run("score", "workbooks/xor-perceptron.xlsx", "--out", out.toString(), "-q");
        List<List<Object>> p = Sheets.rows(out, "Predictions");
        double[] xor = {0, 1, 1, 0}; // for (0,0), (1,0), (0,1), (1,1)
        for (int r = 0; r < 4; r++) {
            assertEquals(xor[r], number(p, r + 1, "XOR"), 0.0, "XOR of case " + p.get(r + 1).get(0));
        }
    }

    @Test
    void logicGatesExampleGivesAndNandOr() throws IOException {
        Path out = dir.resolve("gates.xlsx");
        Main.run("score", "workbooks/logic-gates.xlsx", "--out", out.toString(), "-q");
        List<List<Object>> p = Sheets.rows(out, "Predictions");
        double[][] truth = {{0, 1, 0}, {0, 1, 1}, {0, 1, 1}, {1, 0, 1}}; // AND, NAND, OR of 00, 10, 01, 11
        for (int r = 0; r < 4; r++) {
            assertEquals(truth[r][0], number(p, r + 1, "AND"), 0.0, "AND row " + (r + 2));
            assertEquals(truth[r][1], number(p, r + 1, "NAND"), 0.0, "NAND row " + (r + 2));
            assertEquals(truth[r][2], number(p, r + 1, "OR"), 0.0, "OR row " + (r + 2));
        }
    }

    @Test
    void seedExampleReproducesTheArticleAndPredictsTheClass() throws IOException {
        Path out = dir.resolve("seed.xlsx");
        Main.run("score", "workbooks/seed-2-3-2-2-softmax.xlsx", "--out", out.toString(), "-q");
        List<List<Object>> pre1 = Sheets.rows(out, "L1_pre");
        assertEquals("article", pre1.get(1).get(0), "L1_pre!A2");
        assertEquals(0.3, number(pre1, 1, "a1_1"), 1e-15, "L1_pre!B2");
        assertEquals(1.1, number(pre1, 1, "a1_3"), 1e-15, "L1_pre!D2");
        List<List<Object>> l3 = Sheets.rows(out, "L3_pre");
        assertEquals(0.31682708, number(l3, 1, "y1"), 5e-9, "L3_pre!B2 (the article's Y)");
        List<List<Object>> p = Sheets.rows(out, "Predictions");
        assertEquals(0.40625907, number(p, 1, "y1"), 5e-9, "Predictions!B2");
        assertEquals(0.59374093, number(p, 1, "y2"), 5e-9, "Predictions!C2");
        assertEquals("y2", Sheets.at(p, 1, "predicted_class"), "Predictions!D2");
    }

    @Test
    void sineExampleFollowsTheSineCurve() throws IOException {
        Path out = dir.resolve("sine.xlsx");
        Main.run("score", "workbooks/sine-1-20-1.xlsx", "--out", out.toString(), "-q");
        List<List<Object>> p = Sheets.rows(out, "Predictions");
        double worst = 0;
        for (int r = 1; r < p.size(); r++) {
            double x = -Math.PI + 2 * Math.PI * (r - 1) / 49;
            worst = Math.max(worst, Math.abs(number(p, r, "y") - Math.sin(x)));
        }
        assertTrue(worst < 0.01, "largest |y − sin x| over the 50 points is " + worst);
    }

    @Test
    void regressionExampleRecoversItsLinearLaw() throws IOException {
        Path out = dir.resolve("regression.xlsx");
        Main.run("score", "workbooks/regression-4-20-10-1.xlsx", "--out", out.toString(), "-q");
        List<List<Object>> in = Sheets.rows(out, "Inputs");
        List<List<Object>> p = Sheets.rows(out, "Predictions");
        for (int r = 1; r < p.size(); r++) {
            // The data were drawn as t = 1.5·x1 − 2·x2 + 0.5·x3 + 3·x4 + 4 + N(0, 0.25²).
            double law = 1.5 * number(in, r, "x1") - 2 * number(in, r, "x2") + 0.5 * number(in, r, "x3")
                    + 3 * number(in, r, "x4") + 4;
            assertEquals(law, number(p, r, "y"), 0.2, "Predictions row " + (r + 1));
        }
    }
}
