package org.sheetnet.format.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.sheetnet.testing.Cli.assertContains;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.ExitCodes;
import org.sheetnet.testing.Cli;
import org.sheetnet.testing.HandXlsx;
import org.sheetnet.testing.Sheets;

/**
 * The Model sheet's weights and bias cells may name a defined name of one range, global or local
 * to a sheet, as Excel resolves it in a formula on the Model sheet; a name that is not one plain
 * rectangle of cells is refused in one line naming it.
 *
 * <p>The model is y = 0.5·x1 + 0.25·x2 + 0.1, its parameters on one sheet Params; with inputs (1, 2)
 * and (3, 4), by hand y = 1.1 and 2.6.
 */
class DefinedNamesTest {

    @TempDir
    Path dir;

    private static final Object[][] PARAMS = {
        {null, null, null, null, null},
        {null, "input", "y", null, "y"},
        {null, "x1", 0.5, null, 0.1},
        {null, "x2", 0.25, null, null},
        {null, null, null, null, 99.0}};

    // Sheets: Model (0), Params (1), Inputs (2).
    private HandXlsx model(String weights, String bias) {
        return new HandXlsx()
                .sheet("Model", new Object[][] {{"layer", "weights", "bias", "activation"}, {"out", weights, bias, "linear"}})
                .sheet("Params", PARAMS)
                .sheet("Inputs", HandXlsx.INPUTS);
    }

    private Cli.Run score(HandXlsx workbook, Path out) throws IOException {
        Path model = workbook.write(dir.resolve("m.xlsx"));
        return Cli.run("score", model.toString(), "--out", out.toString());
    }

    @Test
    void globalAndModelLocalNamesGiveTheirRanges() throws IOException {
        // A global Bias would be the wrong cell (E5 = 99); the name local to the Model sheet wins, as in Excel.
        HandXlsx workbook = model("Weights", "Bias").definedName("Weights", null, "Params!$B$2:$C$4")
                .definedName("Bias", null, "Params!$E$5").definedName("Bias", 0, "'Params'!$E$2:$E$3");
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = score(workbook, out);
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        List<List<Object>> predictions = Sheets.rows(out, "Predictions");
        assertEquals(1.1, Sheets.number(predictions, 1, "y"), 1e-15, "Predictions row 2, y by hand");
        assertEquals(2.6, Sheets.number(predictions, 2, "y"), 1e-15, "Predictions row 3, y by hand");
        Cli.Run check = Cli.run("check", dir.resolve("m.xlsx").toString());
        assertContains(check.stdout(), "Params!C3:C4", "Params!E3");
        // The output carries the names, so its copy of the Model sheet reads as the model did.
        Cli.Run verify = Cli.run("verify", out.toString());
        assertEquals(ExitCodes.OK, verify.exit(), verify.stdout() + verify.stderr());
        Cli.Run formulas = Cli.run("score", dir.resolve("m.xlsx").toString(), "--formulas", "--out",
                dir.resolve("formulas.xlsx").toString());
        assertEquals(ExitCodes.OK, formulas.exit(), formulas.stderr());
        assertEquals(ExitCodes.OK, Cli.run("verify", dir.resolve("formulas.xlsx").toString()).exit(), "verify, formulas");
    }

    @Test
    void aNameLocalToAnotherSheetIsReachedThroughThatSheet() throws IOException {
        HandXlsx workbook = model("Params!W", "Params!$E$2:$E$3").definedName("W", 1, "Params!$B$2:$C$4");
        Path out = dir.resolve("scored.xlsx");
        Cli.Run run = score(workbook, out);
        assertEquals(ExitCodes.OK, run.exit(), run.stderr());
        assertEquals(2.6, Sheets.number(Sheets.rows(out, "Predictions"), 2, "y"), 1e-15, "y by hand");
        Cli.Run verify = Cli.run("verify", out.toString());
        assertEquals(ExitCodes.OK, verify.exit(), verify.stdout() + verify.stderr());

        Cli.Run unseen = score(model("W", "Params!$E$2:$E$3").definedName("W", 1, "Params!$B$2:$C$4"), out);
        assertEquals(ExitCodes.MODEL, unseen.exit(), unseen.stderr());
        assertEquals("m.xlsx: Model!B2: no sheet named \"W\" and no defined name \"W\"; the workbook has the sheets"
                + " Model, Params, Inputs and the names Params!W", unseen.oneLine(), "a name local to Params, unseen from Model");
    }

    @Test
    void namesThatAreNotOneRangeAreRefusedNamingTheName() throws IOException {
        for (String value : List.of("Params!$B$2:$C$4,Params!$E$2:$E$3", "OFFSET(Params!$B$2,0,0,3,2)", "#REF!",
                "Params!#REF!", "0.5", "Params!$B:$C", "[1]Params!$B$2:$C$4")) {
            Path out = dir.resolve("scored.xlsx");
            Cli.Run run = score(model("Weights", "Params!$E$2:$E$3").definedName("Weights", null, value), out);
            assertEquals(ExitCodes.MODEL, run.exit(), value + ": " + run.stderr());
            assertEquals("m.xlsx: Model!B2: the defined name \"Weights\" is " + value + ", not one range of cells such as"
                    + " Params!$B$2:$D$5; a block of parameters is one rectangle of cells", run.oneLine(), value);
        }
    }

    @Test
    void aNameOfAMissingSheetOrNoNameAtAllIsRefused() throws IOException {
        Path out = dir.resolve("scored.xlsx");
        Cli.Run missing = score(model("Weights", "Params!$E$2:$E$3").definedName("Weights", null, "Gone!$B$2:$C$4"), out);
        assertEquals(ExitCodes.MODEL, missing.exit(), missing.stderr());
        assertEquals("m.xlsx: Model!B2: the defined name \"Weights\" refers to Gone!B2:C4, but the workbook has no sheet"
                + " named \"Gone\"", missing.oneLine(), "missing sheet");
        Cli.Run unknown = score(model("Wieghts", "Params!$E$2:$E$3").definedName("Weights", null, "Params!$B$2:$C$4"), out);
        assertEquals(ExitCodes.MODEL, unknown.exit(), unknown.stderr());
        assertEquals("m.xlsx: Model!B2: no sheet named \"Wieghts\" and no defined name \"Wieghts\"; the workbook has the"
                + " sheets Model, Params, Inputs and the names Weights", unknown.oneLine(), "a misspelt name");
    }

    @Test
    void aNameLocalToASheetTheWorkbookLacksIsLeftOut() throws IOException {
        // As a tool may leave it after deleting a sheet: unusable, but no reason to refuse the workbook.
        Cli.Run run = score(model("Weights", "Params!$E$2:$E$3").definedName("Weights", 7, "Params!$B$2:$C$4")
                .definedName("Spare", 7, "Params!$B$2"), dir.resolve("scored.xlsx"));
        assertEquals(ExitCodes.MODEL, run.exit(), run.stderr());
        assertEquals("m.xlsx: Model!B2: no sheet named \"Weights\" and no defined name \"Weights\"; the workbook has the"
                + " sheets Model, Params, Inputs and no defined names of ranges", run.oneLine(), "message");
        Cli.Run fine = score(model("Params!$B$2:$C$4", "Params!$E$2:$E$3").definedName("Spare", 7, "Params!$B$2"),
                dir.resolve("fine.xlsx"));
        assertEquals(ExitCodes.OK, fine.exit(), fine.stderr());
    }
}
