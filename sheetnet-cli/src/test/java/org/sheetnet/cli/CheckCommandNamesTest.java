package org.sheetnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code check}'s lists of input and output names: whole up to 12, else the first 11 and the last. */
class CheckCommandNamesTest {

    private static List<String> xs(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> "x" + i).toList();
    }

    @Test
    void aShortListIsWhole() {
        assertEquals("x1, x2, x3", CheckCommand.names(xs(3)));
        assertEquals("x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12", CheckCommand.names(xs(12)));
    }

    @Test
    void aLongListShowsItsStartItsEndAndItsCount() {
        assertEquals("x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, … x13 (13 in all)", CheckCommand.names(xs(13)));
        assertEquals("x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, … x784 (784 in all)", CheckCommand.names(xs(784)));
    }
}
