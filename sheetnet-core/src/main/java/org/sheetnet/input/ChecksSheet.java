package org.sheetnet.input;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.sheetnet.SheetnetException;
import org.sheetnet.model.CheckVector;
import org.sheetnet.model.CheckVectorSet;
import org.sheetnet.model.Model;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.sheet.CellValues;

/**
 * Reads a model's check vectors from a table of rows: input columns, found as the model finds its
 * inputs, and one column headed {@code expected:<output name>} per output. The {@code Checks} sheet
 * of a model workbook and the {@code checks.csv} of a CSV folder are read by it.
 */
public final class ChecksSheet {

    /** Name of the sheet. */
    public static final String NAME = "Checks";
    /** Prefix of the expected-output columns. */
    public static final String EXPECTED = "expected:";

    private ChecksSheet() {
    }

    /** Reads the Checks sheet of a workbook, if it has one; numbers stored as text are read and not counted. */
    public static Optional<CheckVectorSet> read(Optional<SparseSheet> sheet, Model model, String file) {
        return read(sheet, model, file, new TextNumbers());
    }

    /**
     * Reads the Checks sheet of a workbook, if it has one.
     *
     * @param textNumbers counts the cells that held numbers stored as text, read as numbers
     */
    public static Optional<CheckVectorSet> read(Optional<SparseSheet> sheet, Model model, String file,
            TextNumbers textNumbers) {
        if (sheet.isEmpty()) {
            return Optional.empty();
        }
        try (SheetRowSource source = new SheetRowSource(sheet.get(), file)) {
            return Optional.of(read(source, model, file, "the Checks sheet", textNumbers));
        }
    }

    /**
     * Reads check vectors from any row source.
     *
     * @param what names the table in messages: {@code the Checks sheet}
     * @throws SheetnetException (MODEL) when a column is missing or an expected output is not a number,
     *                           (INPUT) when an input is not a number, naming the cell
     */
    public static CheckVectorSet read(RowSource source, Model model, String file, String what) {
        return read(source, model, file, what, new TextNumbers());
    }

    /**
     * Reads check vectors from any row source, counting the numbers stored as text it reads.
     *
     * @param what        names the table in messages: {@code the Checks sheet}
     * @param textNumbers counts the cells that held numbers stored as text, read as numbers
     * @throws SheetnetException (MODEL) when a column is missing or an expected output is not a number,
     *                           (INPUT) when an input is not a number, naming the cell
     */
    public static CheckVectorSet read(RowSource source, Model model, String file, String what,
            TextNumbers textNumbers) {
        List<String> outputs = model.outputNames();
        int[] expectedColumn = expectedColumns(source.header(), outputs, file, what);
        Set<Integer> excluded = new HashSet<>();
        for (int c : expectedColumn) {
            excluded.add(c);
        }
        List<InputRow> rows = new ArrayList<>();
        for (InputRow row = source.next(); row != null; row = source.next()) {
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw SheetnetException.model(file + ": " + what + " has no rows below its header");
        }
        InputBinding binding = InputBinding.bind(model.withChecks(Optional.empty()), source, rows, excluded);
        List<CheckVector> vectors = new ArrayList<>(rows.size());
        int width = model.network().inputWidth();
        for (InputRow row : rows) {
            double[] x = new double[width];
            binding.raw(row, source, x, 0);
            double[] expected = new double[outputs.size()];
            for (int j = 0; j < expected.length; j++) {
                int column = expectedColumn[j];
                Double d = binding.textNumbers().number(row.value(column), () -> source.locate(row.line(), column));
                if (d == null) {
                    throw SheetnetException.model(source.locate(row.line(), column)
                            + ": expected a number, found " + CellValues.describe(row.value(column)));
                }
                expected[j] = d;
            }
            vectors.add(new CheckVector(row.line(), source.locateRow(row.line()), x, expected));
        }
        textNumbers.addAll(binding.textNumbers());
        return new CheckVectorSet(NAME, vectors);
    }

    private static int[] expectedColumns(List<String> header, List<String> outputs, String file, String what) {
        int[] columns = new int[outputs.size()];
        for (int j = 0; j < outputs.size(); j++) {
            String wanted = EXPECTED + outputs.get(j);
            columns[j] = -1;
            for (int c = 0; c < header.size(); c++) {
                if (header.get(c).replace(" ", "").equalsIgnoreCase(wanted.replace(" ", ""))) {
                    columns[j] = c;
                }
            }
            if (columns[j] < 0) {
                throw SheetnetException.model(file + ": " + what + " has no column \"" + wanted
                        + "\"; it needs one expected-output column per output (" + String.join(", ", outputs) + ")");
            }
        }
        return columns;
    }
}
