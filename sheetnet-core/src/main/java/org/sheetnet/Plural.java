package org.sheetnet;

import java.util.Locale;

/**
 * A count with its noun, in the singular for one: {@code 1 row}, {@code 2 rows}, {@code 1,200 rows}.
 * The nouns sheetnet counts (row, layer, epoch, input, output, file, value, cell) take an {@code s}.
 */
public final class Plural {

    private Plural() {
    }

    /**
     * The count, grouped by thousands, and the noun.
     *
     * @param count    how many
     * @param singular the noun for one, e.g. {@code row}
     * @return e.g. {@code 1 row}, {@code 0 rows}, {@code 12,345 rows}
     */
    public static String of(long count, String singular) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? singular : singular + "s");
    }
}
