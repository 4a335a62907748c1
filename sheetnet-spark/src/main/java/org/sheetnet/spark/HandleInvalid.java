package org.sheetnet.spark;

import java.util.Locale;

/** What to do with a row whose features cannot be scored, as Spark's own feature transformers name it. */
public enum HandleInvalid {
    /** Fail the job with a message naming the row's id columns and the column at fault. */
    ERROR,
    /** Leave the row out of the result. */
    SKIP,
    /** Keep the row with null outputs and the reason in a column of its own. */
    KEEP;

    /** The option's value as Spark users write it: {@code error}, {@code skip}, {@code keep}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The values accepted, in order. */
    public static String[] values(boolean lowerCase) {
        HandleInvalid[] all = values();
        String[] names = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            names[i] = lowerCase ? all[i].value() : all[i].name();
        }
        return names;
    }

    /** Parses {@code error}, {@code skip} or {@code keep}, in any case. */
    public static HandleInvalid of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
