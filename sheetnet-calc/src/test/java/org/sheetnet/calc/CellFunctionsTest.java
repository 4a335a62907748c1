package org.sheetnet.calc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.sheetnet.SheetnetException;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.api.SheetnetModel;

/** What SHEETNET.PREDICT and SHEETNET.ACT compute, without LibreOffice. */
class CellFunctionsTest {

    // The article's network: inputs (1, 0.5) give Y = (0.31682708, 0.69627909), printed to 8 decimals.
    private static final SheetnetModel SEED = Sheetnet.load(Path.of("workbooks", "seed-2-3-2-2.xlsx"));

    @Test
    void aHeaderRowPicksTheInputsByNameInAnyOrder() {
        Object[][] out = CellFunctions.predict(SEED, new Object[][] {{"X2", "note", "x1"}, {0.5, "a", 1.0}});
        assertArrayEquals(new Object[] {"y1", "y2"}, out[0], "header of outputs");
        assertEquals(0.31682708, (Double) out[1][0], 5e-9, "y1");
        assertEquals(0.69627909, (Double) out[1][1], 5e-9, "y2");
    }

    @Test
    void withoutAHeaderTheColumnsAreTheInputsInOrder() {
        Object[][] out = CellFunctions.predict(SEED, new Object[][] {{1.0, 0.5}});
        assertEquals(1, out.length, "rows");
        assertEquals(0.31682708, (Double) out[0][0], 5e-9, "y1");
    }

    @Test
    void problemsAreOneLineNamingTheInput() {
        SheetnetException wide = assertThrows(SheetnetException.class,
                () -> CellFunctions.predict(SEED, new Object[][] {{1.0, 0.5, 3.0}}));
        assertEquals("the inputs are 3 columns wide, but the model takes 2 inputs [x1, x2]; give exactly those"
                + " columns, or a header row naming them", wide.getMessage(), "too wide");
        SheetnetException text = assertThrows(SheetnetException.class,
                () -> CellFunctions.predict(SEED, new Object[][] {{"x1", "x2"}, {1.0, "n/a"}}));
        assertEquals("row 2, input \"x2\": expected a number, found text \"n/a\"", text.getMessage(), "text");
        SheetnetException missing = assertThrows(SheetnetException.class,
                () -> CellFunctions.predict(SEED, new Object[][] {{"x1", "z"}, {1.0, 2.0}}));
        assertTrue(missing.getMessage().startsWith("the header row has no column named \"x2\""), missing.getMessage());
        SheetnetException blank = assertThrows(SheetnetException.class,
                () -> CellFunctions.predict(SEED, new Object[][] {{1.0, ""}}));
        assertTrue(blank.getMessage().contains("no value, and the model has no default"), blank.getMessage());
    }

    @Test
    void rowWiseActivationsActOnEachRow() {
        // softmax(1, 0.5): e^1 / (e^1 + e^0.5) = 1 / (1 + e^-0.5)
        double[][] s = CellFunctions.act("softmax", new double[][] {{1, 0.5}, {0, 0}}, OptionalDouble.empty());
        assertEquals(1 / (1 + Math.exp(-0.5)), s[0][0], 1e-16, "softmax row 1");
        assertArrayEquals(new double[] {0.5, 0.5}, s[1], 0, "softmax row 2");
        // crelu doubles the width: [relu(a), relu(-a)]
        assertArrayEquals(new double[] {2, 0, 0, 3}, CellFunctions.act("crelu", new double[][] {{2, -3}},
                OptionalDouble.empty())[0], 0, "crelu");
        // leaky_relu with slope 0.1
        assertEquals(-0.5, CellFunctions.act("leaky_relu", new double[][] {{-5}}, OptionalDouble.of(0.1))[0][0], 1e-16,
                "leaky_relu(-5; 0.1)");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> CellFunctions.act("sigmoidd", new double[][] {{1}}, OptionalDouble.empty()));
        assertTrue(unknown.getMessage().startsWith("unknown activation \"sigmoidd\"; known: "), unknown.getMessage());
    }
}
