package org.sheetnet.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.star.frame.DispatchResultEvent;
import com.sun.star.frame.DispatchResultState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sheetnet.testing.Sheets;

/** sheetnet ▸ Check runs the check vectors; sheetnet ▸ Verify finds the first cell that does not reproduce. */
class CheckVerifyIT {

    private static final Path SEED = Path.of("workbooks", "seed-2-3-2-2.xlsx");

    @Test
    void checkPassesWithTheArticlesOutputsAndFailsWithAWrongOne() throws Exception {
        try (Calc calc = Office.shared().open(SEED)) {
            DispatchResultEvent none = calc.dispatch("Check", false);
            assertEquals(DispatchResultState.SUCCESS, none.State, "Check without Checks: " + none.Result);
            assertTrue(String.valueOf(none.Result).contains("no Checks sheet"), "message: " + none.Result);

            Checks.add(calc, 0.31682708, 0.69627909);
            DispatchResultEvent passed = calc.dispatch("Check", false);
            assertEquals(DispatchResultState.SUCCESS, passed.State, "Check: " + passed.Result);
            assertTrue(String.valueOf(passed.Result).contains("1 check rows") && String.valueOf(passed.Result)
                    .contains("passed"), "message: " + passed.Result);

            calc.cell("Checks", "C2").setValue(0.32);
            DispatchResultEvent failed = calc.dispatch("Check", false);
            assertEquals(DispatchResultState.FAILURE, failed.State, "Check: " + failed.Result);
            assertTrue(String.valueOf(failed.Result).contains("output y1") && String.valueOf(failed.Result)
                    .contains("FAILED"), "message: " + failed.Result);
        }
    }

    @Test
    void scoringAModelWithCheckVectorsAddsTheCheckPlotOfSheetnetScore() throws Exception {
        try (Calc calc = Office.shared().open(SEED)) {
            Checks.add(calc, 0.31682708, 0.69627909);
            // sheetnet score on the same workbook: the document as Calc saves it (these numbers have few digits).
            Path withChecks = Office.temporaryFolder("sheetnet-calc-checks").resolve("checks.xlsx");
            calc.saveXlsx(withChecks);
            Path cli = ScoreIT.scoreWithTheCommandLine(withChecks);

            DispatchResultEvent scored = calc.dispatch("Score", false);
            assertEquals(DispatchResultState.SUCCESS, scored.State, "Score: " + scored.Result);
            assertTrue(String.valueOf(scored.Result).contains("Check vectors: 1 check rows"), "message: " + scored.Result);
            for (String sheet : List.of("Predictions", "CheckPlot")) {
                SameCells.assertSame(sheet, Sheets.rows(cli, sheet), calc.data(sheet));
            }
        }
    }

    @Test
    void verifyAcceptsAScoredDocumentAndSelectsTheFirstChangedCell() throws Exception {
        try (Calc calc = Office.shared().open(SEED)) {
            DispatchResultEvent unscored = calc.dispatch("Verify", false);
            assertEquals(DispatchResultState.FAILURE, unscored.State, "Verify before Score: " + unscored.Result);
            assertTrue(String.valueOf(unscored.Result).contains("no Audit sheet"), "message: " + unscored.Result);

            assertEquals(DispatchResultState.SUCCESS, calc.dispatch("Score", false).State, "Score");
            // The run scored the whole Inputs sheet; a selection made since does not change what Verify scores again.
            calc.select("Inputs", "A1:C3");
            DispatchResultEvent verified = calc.dispatch("Verify", false);
            assertEquals(DispatchResultState.SUCCESS, verified.State, "Verify: " + verified.Result);

            double stored = calc.cell("L2_act", "C3").getValue();
            calc.cell("L2_act", "C3").setValue(stored * (1 + 1e-9));
            calc.cell("Predictions", "B4").setValue(0);
            DispatchResultEvent changed = calc.dispatch("Verify", false);
            assertEquals(DispatchResultState.FAILURE, changed.State, "Verify after an edit: " + changed.Result);
            assertTrue(String.valueOf(changed.Result).startsWith("Verify: L2_act!C3 does not reproduce"),
                    "message: " + changed.Result);
            assertEquals("L2_act!C3", calc.selection(), "the cell selected");
        }
    }

    @Test
    void verifyRescoresTheSelectedRangeTheAuditNames() throws Exception {
        try (Calc calc = Office.shared().open(SEED)) {
            calc.select("Inputs", "A1:C3");
            assertEquals(DispatchResultState.SUCCESS, calc.dispatch("Score", false).State, "Score of A1:C3");
            calc.select("Model", "A1");
            DispatchResultEvent verified = calc.dispatch("Verify", false);
            assertEquals(DispatchResultState.SUCCESS, verified.State, "Verify: " + verified.Result);
        }
    }
}
