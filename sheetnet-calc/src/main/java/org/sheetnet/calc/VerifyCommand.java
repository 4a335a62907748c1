package org.sheetnet.calc;

import com.sun.star.table.CellRangeAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sheetnet.SheetnetException;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.input.RowSource;
import org.sheetnet.job.CheckVectors;
import org.sheetnet.job.DocumentScoreJob;
import org.sheetnet.sheet.CellRange;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.CellValues;

/**
 * sheetnet ▸ Verify: scores the document's inputs again, in memory, and compares every cell of the
 * sheets an earlier Score added (all but the Audit) with what it holds now; selects the first cell
 * that does not reproduce.
 */
final class VerifyCommand {

    /** Largest relative deviation accepted, as {@code sheetnet verify} by default. */
    static final double TOLERANCE = 1e-12;

    // The Audit's "inputs" line of a run on a selection: "<document>: Data!B2:D40".
    private static final Pattern RANGE = Pattern.compile(": ((?:'(?:[^']|'')+'|[^!:' ]+)!\\$?[A-Z]+\\$?[0-9]+:\\$?[A-Z]+\\$?[0-9]+)$");

    private VerifyCommand() {
    }

    static Outcome run(OpenDocument doc) {
        String audit = doc.sheets().findName("Audit").orElseThrow(() -> SheetnetException.model(doc.name()
                + ": no Audit sheet, so no earlier run to verify; sheetnet > Score adds it"));
        ModelWorkbook model = doc.model();
        List<String> previous = doc.sheets().sheetNames().stream()
                .filter(n -> Inputs.OUTPUT_SHEETS.matcher(n).matches()).toList();
        List<String> staying = doc.sheets().sheetNames().stream().filter(n -> !previous.contains(n)).toList();
        DocumentDestination again = new DocumentDestination(doc.name(), staying);
        try (RowSource rows = inputs(doc, audit)) {
            DocumentScoreJob.run(model, rows, again, new DocumentScoreJob.Request(doc.file(), "verify",
                    CheckVectors.DEFAULT_TOLERANCE));
        }
        long numbers = 0;
        int sheets = 0;
        for (BufferedSheet expected : again.sheets()) {
            if (expected.name().equals("Audit")) {
                continue;
            }
            Optional<String> name = doc.sheets().findName(expected.name());
            if (name.isEmpty()) {
                return Outcome.failed("Verify: the sheet " + expected.name() + " is missing; score again to add it.",
                        Optional.empty());
            }
            Comparison c = compare(doc, name.get(), expected);
            if (c.firstBad != null) {
                return Outcome.failed(String.format(Locale.ROOT, "Verify: %s does not reproduce: %s", org.sheetnet.sheet.SheetName.cell(name.get(), c.firstBad), c.why),
                        Optional.of(new Outcome.Place(name.get(), c.firstBad.toString())));
            }
            numbers += c.numbers;
            sheets++;
        }
        return Outcome.done(String.format(Locale.ROOT, "Verified: every cell of %d sheets (%,d numbers) reproduces"
                + " from the model and inputs in this document (tolerance %.0e).", sheets, numbers, TOLERANCE));
    }

    // The rows the run scored: the range its Audit names, else the Inputs sheet.
    private static RowSource inputs(OpenDocument doc, String audit) {
        String line = auditValue(doc, audit, "inputs");
        Matcher m = RANGE.matcher(line);
        if (m.find()) {
            CellRange range = CellRange.parse(m.group(1)).orElseThrow();
            String sheet = doc.sheets().findName(range.sheet()).orElseThrow(() -> SheetnetException.input(doc.name()
                    + ": the Audit says the inputs were " + m.group(1) + ", but there is no sheet " + range.sheet()));
            int index = doc.sheets().sheetNames().indexOf(sheet);
            return Inputs.range(doc, new CellRangeAddress((short) index, range.first().col(), range.first().row(),
                    range.last().col(), range.last().row()));
        }
        return Inputs.sheet(doc);
    }

    // The value in column B of the Audit line labelled so in column A; "" when there is none.
    private static String auditValue(OpenDocument doc, String audit, String label) {
        Object[][] data = doc.sheets().data(audit, doc.sheets().usedArea(audit));
        for (Object[] row : data) {
            if (row.length > 1 && label.equals(row[0])) {
                return String.valueOf(row[1]);
            }
        }
        return "";
    }

    private record Comparison(long numbers, CellRef firstBad, String why) {
    }

    private static Comparison compare(OpenDocument doc, String sheet, BufferedSheet expected) {
        CellRangeAddress used = doc.sheets().usedArea(sheet);
        int rows = Math.max(used.EndRow + 1, expected.rowCount());
        int cols = Math.max(used.EndColumn + 1, expected.width());
        CellRangeAddress area = new CellRangeAddress(used.Sheet, 0, 0, cols - 1, rows - 1);
        Object[][] held = doc.sheets().data(sheet, area);
        long numbers = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                Object now = DocumentSheets.value(held[r][c]);
                Object want = expected.value(r, c);
                if (want instanceof Double d) {
                    numbers++;
                    if (!(now instanceof Double n) || deviation(n, d) > TOLERANCE) {
                        return new Comparison(numbers, new CellRef(r, c), "it holds " + CellValues.describe(now)
                                + ", recomputed " + d);
                    }
                } else if (!java.util.Objects.equals(want, now)) {
                    return new Comparison(numbers, new CellRef(r, c), "it holds " + CellValues.describe(now)
                            + ", expected " + CellValues.describe(want));
                }
            }
        }
        return new Comparison(numbers, null, "");
    }

    // As sheetnet verify: relative to the larger magnitude.
    static double deviation(double stored, double recomputed) {
        if (stored == recomputed) {
            return 0;
        }
        return Math.abs(stored - recomputed)
                / Math.max(Math.max(Math.abs(stored), Math.abs(recomputed)), Double.MIN_NORMAL);
    }
}
