package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.examples.SheetWriter;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.Sheets;
import org.sheetnet.testing.TinyModel;

/**
 * A header naming two columns alike used to bind the first silently. A name two columns share is
 * now refused, naming both, whenever it is a feature or a target, for CSV and .xlsx inputs alike
 * and by name or by position; among columns that only pass through it may stay.
 */
class DuplicateColumnsTest {

    @TempDir
    Path dir;

    private Path csv(String text) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), text, StandardCharsets.UTF_8);
    }

    /** Runs {@code score} on a model, which must fail with INPUT and this one message line, leaving no output. */
    private void refused(Path model, String message, String... extra) {
        Path out = dir.resolve("scored.xlsx");
        List<String> args = new ArrayList<>(List.of("score", model.toString(), "--out", out.toString()));
        args.addAll(List.of(extra));
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.INPUT, run.exit(), run.stderr());
        assertEquals(List.of("sheetnet: " + message), run.stderrLines(), "stderr");
        assertFalse(Files.exists(out), "no output");
    }

    private Path namedModel() throws IOException {
        return TinyModel.write(dir.resolve("model.xlsx"), true, null);
    }

    @Test
    void aFeatureNamedTwiceInACsvIsRefused() throws IOException {
        Path data = csv("id,x1,x2,x1\na,1,2,3\n");
        refused(namedModel(), "data.csv: columns B and D are both named \"x1\", so the feature \"x1\" is ambiguous;"
                + " rename one of them", "--input", data.toString());
    }

    @Test
    void aFeatureNamedTwiceInAWorkbookIsRefused() throws IOException {
        Path data = dir.resolve("data.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Rows", true, List.of(TinyModel.row("id", "x1", "x2", "x2"), TinyModel.row("a", 1.0, 2.0, 3.0)));
            w.save(data);
        }
        refused(namedModel(), "data.xlsx!Rows: columns C and D are both named \"x2\", so the feature \"x2\" is"
                + " ambiguous; rename one of them", "--input", data.toString());
    }

    @Test
    void aFeatureMatchedIgnoringCaseByTwoColumnsIsRefused() throws IOException {
        Path data = csv("id,X1,x2,X1\na,1,2,3\n");
        refused(namedModel(), "data.csv: columns B and D are both named \"X1\", so the feature \"x1\" is ambiguous;"
                + " rename one of them", "--input", data.toString());
    }

    @Test
    void aTargetNamedTwiceIsRefused() throws IOException {
        Path data = csv("id,x1,x2,y,y\na,1,2,3,4\n");
        refused(namedModel(), "data.csv: columns D and E are both named \"y\", so the target \"y\" is ambiguous;"
                + " rename one of them", "--input", data.toString(), "--target", "y");
    }

    @Test
    void aFeatureTakenByPositionWhoseNameAnotherColumnHasIsRefused() throws IOException {
        Path model = TinyModel.write(dir.resolve("model.xlsx"), false, null);
        Path data = csv("id,x,x\na,1,2\n");
        refused(model, "data.csv: columns B and C are both named \"x\", so input 1 (taken by position from column B)"
                + " is ambiguous; rename one of them", "--input", data.toString());
    }

    @Test
    void passThroughColumnsMayShareAName() throws IOException {
        Path data = csv("id,x1,x2,id\na,1,2,b\n");
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = Cli.run("score", namedModel().toString(), "--input", data.toString(),
                "--out", out.toString());
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        List<List<Object>> predictions = Sheets.rows(out, "Predictions");
        assertEquals(List.of("id", "id"), predictions.get(0).subList(0, 2), "Predictions!A1:B1");
        assertEquals(List.of("a", "b"), predictions.get(1).subList(0, 2), "Predictions!A2:B2");
    }

    @Test
    void trainingRefusesAFeatureNamedTwice() throws IOException {
        Path data = csv("x,x,y\n1,2,3\n4,5,6\n");
        Cli.Run run = Cli.run("train", data.toString(), "--out",
                dir.resolve("trained.xlsx").toString());
        assertEquals(ExitCodes.INPUT, run.exit(), run.stderr());
        assertEquals(List.of("sheetnet: data.csv: columns A and B are both named \"x\", so the feature \"x\" is ambiguous;"
                + " rename one of them"), run.stderrLines(), "stderr");
    }
}
