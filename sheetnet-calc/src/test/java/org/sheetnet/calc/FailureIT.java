package org.sheetnet.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.star.frame.DispatchResultEvent;
import com.sun.star.frame.DispatchResultState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A command that fails says where in one line, selects that cell, and changes nothing in the document. */
class FailureIT {

    private static final Path SEED = Path.of("workbooks", "seed-2-3-2-2.xlsx");

    @Test
    void anUnknownActivationNamesAndSelectsItsCell() throws Exception {
        try (Calc calc = Office.shared().open(SEED)) {
            calc.cell("Model", "D3").setFormula("sigmoidd");
            List<String> before = calc.sheetNames();
            DispatchResultEvent result = calc.dispatch("Score", true);
            assertEquals(DispatchResultState.FAILURE, result.State, "Score: " + result.Result);
            assertTrue(String.valueOf(result.Result).startsWith("seed-2-3-2-2.xlsx: Model!D3: unknown activation"
                    + " \"sigmoidd\"; known: "), "message: " + result.Result);
            assertEquals("Model!D3", calc.selection(), "the cell selected");
            assertEquals(before, calc.sheetNames(), "sheets after the failure");
        }
    }

    @Test
    void anInputThatIsNotANumberNamesAndSelectsItsCell() throws Exception {
        try (Calc calc = Office.shared().open(SEED)) {
            calc.cell("Inputs", "B3").setFormula("n/a");
            List<String> before = calc.sheetNames();
            DispatchResultEvent result = calc.dispatch("Score", true);
            assertEquals(DispatchResultState.FAILURE, result.State, "Score: " + result.Result);
            assertEquals("seed-2-3-2-2.xlsx: Inputs!B3: expected a number, found text \"n/a\"", result.Result,
                    "message");
            assertEquals("Inputs!B3", calc.selection(), "the cell selected");
            assertEquals(before, calc.sheetNames(), "sheets after the failure");
        }
    }

    @Test
    void checkVectorsThatDoNotReproduceStopTheScoring() throws Exception {
        try (Calc calc = Office.shared().open(SEED)) {
            Checks.add(calc, 0.32, 0.69627909);
            List<String> before = calc.sheetNames();
            DispatchResultEvent result = calc.dispatch("Score", true);
            assertEquals(DispatchResultState.FAILURE, result.State, "Score: " + result.Result);
            assertTrue(String.valueOf(result.Result).contains("does not reproduce its check vectors"),
                    "message: " + result.Result);
            assertEquals(before, calc.sheetNames(), "sheets after the failure");
        }
    }
}
