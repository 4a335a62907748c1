package org.sheetnet.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No Audit cell exceeds Excel's 32,767 characters, and nothing is cut to get there. */
class AuditLogTest {

    @Test
    void aLongTextContinuesInTheLinesBelow() {
        String text = "a".repeat(32_766) + "\uD83D\uDE00" + "b".repeat(70_000);
        List<List<Object>> rows = new AuditLog().line("command line", text, 7.0).rows();
        assertEquals(4, rows.size(), "lines: the first and three continuations");
        assertEquals(List.of("command line", 7.0), List.of(rows.get(0).get(0), rows.get(0).get(2)), "first line");
        StringBuilder joined = new StringBuilder();
        for (List<Object> row : rows) {
            String cell = (String) row.get(1);
            assertTrue(cell.length() <= AuditLog.MAX_CELL_CHARS, "cell of " + cell.length() + " characters");
            joined.append(cell);
        }
        assertEquals(32_766, ((String) rows.get(0).get(1)).length(), "B1 stops before the surrogate pair");
        assertEquals(text, joined.toString(), "the text, put back together");
        assertEquals(Arrays.asList(AuditLog.CONTINUED, rows.get(1).get(1), null), rows.get(1), "a continuation line");
    }

    @Test
    void aShortListStaysOnItsLine() {
        assertEquals(List.of(List.of("passed through", "a, b")),
                new AuditLog().list("passed through", List.of("a", "b"), "(none)", "All").rows(), "lines");
        assertEquals(List.of(List.of("passed through", "(none)")),
                new AuditLog().list("passed through", List.of(), "(none)", "All").rows(), "lines");
    }

    @Test
    void aLongListIsCountedOnItsLineAndListedWhole() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            names.add("id" + i);
        }
        List<List<Object>> rows = new AuditLog().list("passed through", names, "(none)", "Passed-through columns")
                .line("after", "x").rows();
        assertEquals(List.of("passed through", "id0, id1, id2, id3, id4, id5, id6, id7, id8, id9 … and 9,990 more"
                + " (all 10,000 under \"Passed-through columns\" below)"), rows.get(0), "the list's line");
        assertEquals(List.of("after", "x"), rows.get(1), "the next line comes before the listing");
        assertEquals(List.of("Passed-through columns", "10,000"), rows.get(2), "the listing's heading");
        assertEquals(10_003, rows.size(), "lines");
        assertEquals(List.of(10_000.0, "id9999"), rows.get(10_002), "the last item");
    }
}
