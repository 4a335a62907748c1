package org.sheetnet.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.star.frame.DispatchResultEvent;
import com.sun.star.frame.DispatchResultState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.sheetnet.job.ScoreJob;
import org.sheetnet.job.ScoreOptions;
import org.sheetnet.job.VerifyJob;
import org.sheetnet.testing.Sheets;

/**
 * sheetnet ▸ Score in LibreOffice Calc gives the sheets {@code sheetnet score} writes for the same
 * workbook, bit for bit: in the open document, and again after Calc saves it as .xlsx.
 */
class ScoreIT {

    /**
     * @param shortNumbers whether the workbook's parameters and inputs have at most 15 significant digits, so
     *                     that saving with LibreOffice 7.4 (15 digits) keeps the model and inputs as they are
     */
    @ParameterizedTest
    @CsvSource({"seed-2-3-2-2.xlsx, true", "seed-2-3-2-2-softmax.xlsx, true", "regression-4-20-10-1.xlsx, false",
            "sine-1-20-1.xlsx, false", "logic-gates.xlsx, true", "xor-perceptron.xlsx, true"})
    void scoreInCalcEqualsTheCommandLine(String workbook, boolean shortNumbers) throws Exception {
        Path model = Path.of("workbooks", workbook);
        Path cli = scoreWithTheCommandLine(model);
        List<String> written = outputSheets(Sheets.names(cli));
        try (Calc calc = Office.shared().open(model)) {
            DispatchResultEvent result = calc.dispatch("Score", false);
            assertEquals(DispatchResultState.SUCCESS, result.State, "Score: " + result.Result);
            List<String> added = calc.sheetNames().subList(Sheets.names(model).size(), calc.sheetNames().size());
            assertEquals(written, added, "the sheets Score added, in the order sheetnet score writes them");
            int numbers = 0;
            for (String sheet : written) {
                if (!sheet.equals("Audit")) {
                    numbers += SameCells.assertSame(sheet, Sheets.rows(cli, sheet), calc.data(sheet));
                }
            }
            assertTrue(numbers > 0, "numbers compared");
            assertSameAuditLines(Sheets.rows(cli, "Audit"), calc.data("Audit"));

            // LibreOffice 7.4 saves numbers with 15 significant digits (.xlsx and .ods alike), as Calc and Excel
            // show them: the saved cells agree to that. Where the parameters and inputs have no more digits, the
            // saved workbook is still the model scored, and sheetnet verify (tolerance 1e-12) accepts it; where
            // they have 17 (regression, sine), saving rounds the model itself, and verify rightly says so.
            Path saved = Office.temporaryFolder("sheetnet-calc-saved").resolve("saved.xlsx");
            calc.saveXlsx(saved);
            for (String sheet : written) {
                if (!sheet.equals("Audit")) {
                    SameCells.assertClose("saved " + sheet, Sheets.rows(cli, sheet),
                            SameCells.toArray(Sheets.rows(saved, sheet)), 1e-14);
                }
            }
            VerifyJob.Report verified = VerifyJob.run(saved, 1e-12);
            assertEquals(shortNumbers, verified.passes(), "sheetnet verify on the workbook Calc saved: " + verified);
        }
    }

    @Test
    void aSelectedRangeWithAHeaderRowIsScoredInsteadOfTheInputsSheet() throws Exception {
        Path model = Path.of("workbooks", "seed-2-3-2-2.xlsx");
        List<List<Object>> all = Sheets.rows(scoreWithTheCommandLine(model), "Predictions");
        try (Calc calc = Office.shared().open(model)) {
            calc.select("Inputs", "A1:C3");
            DispatchResultEvent result = calc.dispatch("Score", false);
            assertEquals(DispatchResultState.SUCCESS, result.State, "Score: " + result.Result);
            SameCells.assertSame("Predictions of Inputs!A1:C3", all.subList(0, 3), calc.data("Predictions"));
            assertEquals(List.of("seed-2-3-2-2.xlsx: Inputs!A1:C3"), auditLine(calc.data("Audit"), "inputs"),
                    "Audit: inputs");
        }
    }

    @Test
    void anEarlierRunsSheetsAreReplacedOnlyWhenTheUserSaysYes() throws Exception {
        try (Calc calc = Office.shared().open(Path.of("workbooks", "sine-1-20-1.xlsx"))) {
            assertEquals(DispatchResultState.SUCCESS, calc.dispatch("Score", false).State, "first Score");
            List<String> once = calc.sheetNames();
            Object[][] predictions = calc.data("Predictions");
            calc.cell("Predictions", "B2").setValue(42);

            DispatchResultEvent no = calc.dispatch("Score", false);
            assertEquals(once, calc.sheetNames(), "sheets after answering no");
            assertEquals(42.0, calc.cell("Predictions", "B2").getValue(), "Predictions!B2 kept after answering no");
            assertTrue(String.valueOf(no.Result).contains("Nothing was scored"), "message: " + no.Result);

            assertEquals(DispatchResultState.SUCCESS, calc.dispatch("Score", true).State, "Score, answering yes");
            assertEquals(once, calc.sheetNames(), "sheets after replacing");
            SameCells.assertSame("Predictions", Sheets.rows(scoreWithTheCommandLine(calc.file()), "Predictions"),
                    calc.data("Predictions"));
            assertEquals(predictions.length, calc.data("Predictions").length, "rows of Predictions");
        }
    }

    /** Runs what {@code sheetnet score MODEL --out OUT} runs. */
    static Path scoreWithTheCommandLine(Path model) throws Exception {
        Path out = Office.temporaryFolder("sheetnet-calc-cli").resolve("scored.xlsx");
        ScoreJob.run(new ScoreOptions(model, Optional.empty(), Optional.empty(), out, false, 4096, false, 1e-6, 1,
                "sheetnet score " + model + " --out " + out), (rows, fraction) -> { });
        return out;
    }

    private static List<String> outputSheets(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (ScoreJob.OUTPUT_SHEETS.matcher(n).matches()) {
                out.add(n);
            }
        }
        return out;
    }

    // The lines that say what was scored with what: the same inputs and parameters, hashed.
    private static void assertSameAuditLines(List<List<Object>> cli, Object[][] calc) {
        for (String label : List.of("rows scored", "SHA-256 of Inputs values", "layer 1", "layer 2", "check vectors",
                "arithmetic")) {
            List<Object> expected = null;
            for (List<Object> row : cli) {
                if (!row.isEmpty() && label.equals(row.get(0))) {
                    expected = row.subList(1, row.size());
                    break;
                }
            }
            if (expected == null) {
                continue;
            }
            List<String> want = expected.stream().map(v -> v == null ? "" : v.toString()).toList();
            List<String> got = auditLine(calc, label);
            assertEquals(want, got.subList(0, Math.min(got.size(), want.size())), "Audit: " + label);
        }
    }

    static List<String> auditLine(Object[][] audit, String label) {
        for (Object[] row : audit) {
            if (label.equals(row[0])) {
                List<String> values = new ArrayList<>();
                for (int c = 1; c < row.length; c++) {
                    values.add(row[c].toString());
                }
                while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) {
                    values.remove(values.size() - 1);
                }
                return values;
            }
        }
        return List.of();
    }
}
