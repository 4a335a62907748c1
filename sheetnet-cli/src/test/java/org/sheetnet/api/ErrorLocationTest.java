package org.sheetnet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.Location;
import org.sheetnet.SheetnetException;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.cli.Main;
import org.sheetnet.examples.SheetWriter;

/** Library errors carry their place as fields; the command line prints the same one line as before. */
class ErrorLocationTest {

    @TempDir
    Path dir;

    @Test
    void aTextCellInAWeightsSheetIsLocatedByFileSheetAndCell() throws IOException {
        Path model = dir.resolve("bad.xlsx");
        try (SheetWriter w = new SheetWriter()) {
            w.sheet("Model", true, List.of(List.of("layer", "weights", "bias", "activation"),
                    List.of("out", "W1", "b1", "linear")));
            w.sheet("W1", false, List.of(Arrays.asList(null, "y"), List.of("a", 2), List.of("b", "n/a")));
            w.sheet("b1", false, List.of(List.of(1)));
            w.save(model);
        }
        byte[] before = Files.readAllBytes(model);
        SheetnetException e = assertThrows(SheetnetException.class, () -> Sheetnet.load(model), "loading bad.xlsx");
        assertEquals(SheetnetException.Problem.MODEL, e.problem(), "problem");
        Location at = e.location();
        assertEquals(Optional.of("bad.xlsx"), at.fileName(), "file: " + e.getMessage());
        assertEquals(Optional.of("W1"), at.sheetName(), "sheet: " + e.getMessage());
        assertEquals(Optional.of("B3"), at.cellRef(), "cell: " + e.getMessage());
        assertEquals(OptionalInt.of(3), at.rowNumber(), "row");
        assertEquals(OptionalInt.of(2), at.columnNumber(), "column");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run("check", model.toString());
        } finally {
            System.setErr(saved);
        }
        assertEquals(ExitCodes.MODEL, code, "exit code of sheetnet check");
        assertEquals("sheetnet: " + e.getMessage(), err.toString(StandardCharsets.UTF_8).strip(),
                "the command line's one line is the library's message");
        assertEquals(Arrays.toString(before), Arrays.toString(Files.readAllBytes(model)), "the workbook unchanged");
    }

    @Test
    void aBadNumberInACsvFolderIsLocatedByFileLineAndColumn() throws IOException {
        Path csv = dir.resolve("csv");
        assertEquals(0, Main.run("export-csv", "workbooks/seed-2-3-2-2.xlsx", csv.toString()));
        Path w1 = csv.resolve("W1.csv");
        Files.writeString(w1, Files.readString(w1).replace("0.4", "abc"));
        SheetnetException e = assertThrows(SheetnetException.class, () -> Sheetnet.load(csv));
        assertEquals("W1.csv: line 3, column 3: expected a number, found \"abc\"", e.getMessage(), "message");
        assertEquals(new Location("W1.csv", null, null, 3, 3), e.location(), "location");
    }

    @Test
    void aBadValueGivenToPredictIsLocatedByRowAndColumn() {
        SheetnetModel model = Sheetnet.load(Path.of("workbooks", "seed-2-3-2-2.xlsx"));
        SheetnetException e = assertThrows(SheetnetException.class,
                () -> model.score(new double[][] {{1, 2}, {3, Double.POSITIVE_INFINITY}}));
        assertEquals(SheetnetException.Problem.INPUT, e.problem(), "problem");
        assertEquals("row 2, input \"x2\" (column 2): the number is not finite (Infinity)", e.getMessage(), "message");
        assertEquals(Location.ofRow(2, 2), e.location(), "location");
        SheetnetException missing = assertThrows(SheetnetException.class, () -> model.predict(1.0, Double.NaN));
        assertEquals(Location.ofRow(1, 2), missing.location(), "an empty value without a default");
        SheetnetException count = assertThrows(SheetnetException.class, () -> model.predict(1.0));
        assertEquals("row 1: 1 values, but the model takes 2 inputs [x1, x2]", count.getMessage(), "wrong count");
    }

    @Test
    void theStandardMessageFormsAreRead() {
        assertEquals(new Location("in.csv", null, null, 7, 3), Location.parse("in.csv:7 column C (x2): expected a number"),
                "CSV input cell");
        assertEquals(new Location("m.xlsx", "My 'own' sheet", "AB12", 12, 28),
                Location.parse("m.xlsx: 'My ''own'' sheet'!AB12: expected a number"), "quoted sheet");
        assertEquals(new Location("m.xlsx", "Inputs", null, 8, 0), Location.parse("m.xlsx: Inputs row 8: layer 2 gives"),
                "sheet row");
        assertEquals(new Location("m.xlsx", null, null, 0, 0), Location.parse("m.xlsx: not a workbook"), "file only");
        assertEquals(Location.NONE, Location.parse("training diverged at epoch 3"), "no place");
    }
}
