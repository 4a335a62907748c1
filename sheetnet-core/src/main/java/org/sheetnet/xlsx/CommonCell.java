package org.sheetnet.xlsx;

/**
 * The shape of cell that fills sheets, matched in characters already read, for {@link XmlScanner#cell}
 * to take in one step: {@code <c r="B2" s="1" t="n"><v>0.5</v></c>} or {@code <c r="B2" s="1"/>}
 * (blank text before it skipped), with the unprefixed attributes r, s and t, each at most once, one
 * space before each, in double quotes, and values of printable ASCII without {@code & <} (nor
 * {@code ]} in the value). That is markup XML reads exactly as written. Anything else (another
 * attribute, a reference, a comment, white space inside, a formula, other characters, a cell that
 * runs past the characters at hand) does not match.
 *
 * <p>A match's positions stay here until the next {@link #match}.
 */
final class CommonCell {

    /** Bits of what a match found: a cell; it had r, t, a v element. */
    static final int CELL = 1;
    static final int REF = 2;
    static final int TYPE = 4;
    static final int VALUE = 8;
    /** Characters a cell of this shape may take to be matched; a longer one is read event by event. */
    static final int WINDOW = 256;

    private int refFrom;
    private int refTo;
    private int typeFrom;
    private int typeTo;
    private int valueFrom;
    private int valueTo;
    private int end;

    /**
     * Matches a cell at {@code buf[from, lim)}.
     *
     * @return 0 when the characters there are not one whole cell of this shape, else {@link #CELL}
     *         with {@link #REF}, {@link #TYPE} and {@link #VALUE} for what it had
     */
    int match(char[] buf, int from, int lim) {
        int p = from;
        while (p < lim && (buf[p] == ' ' || buf[p] == '\n' || buf[p] == '\t' || buf[p] == '\r')) {
            p++;
        }
        if (p + 3 > lim || buf[p] != '<' || buf[p + 1] != 'c') {
            return 0;
        }
        p += 2;
        int found = CELL;
        refFrom = -1;
        typeFrom = -1;
        valueFrom = -1;
        boolean style = false;
        while (p < lim && buf[p] == ' ') {
            if (p + 4 > lim || buf[p + 2] != '=' || buf[p + 3] != '"') {
                return 0;
            }
            char a = buf[p + 1];
            int start = p + 4;
            int stop = start;
            while (stop < lim && isPlain(buf[stop]) && buf[stop] != '"') {
                stop++;
            }
            if (stop == lim || buf[stop] != '"') {
                return 0;
            }
            if (a == 'r' && refFrom < 0) {
                refFrom = start;
                refTo = stop;
                found |= REF;
            } else if (a == 't' && typeFrom < 0) {
                typeFrom = start;
                typeTo = stop;
                found |= TYPE;
            } else if (a == 's' && !style) {
                style = true;
            } else {
                return 0;
            }
            p = stop + 1;
        }
        if (p + 2 <= lim && buf[p] == '/' && buf[p + 1] == '>') {
            end = p + 2;
            return found;
        }
        if (p + 4 > lim || buf[p] != '>' || buf[p + 1] != '<' || buf[p + 2] != 'v' || buf[p + 3] != '>') {
            return 0;
        }
        valueFrom = p + 4;
        valueTo = valueFrom;
        while (valueTo < lim && isPlain(buf[valueTo]) && buf[valueTo] != ']') {
            valueTo++;
        }
        p = valueTo;
        if (p + 8 > lim || buf[p] != '<' || buf[p + 1] != '/' || buf[p + 2] != 'v' || buf[p + 3] != '>'
                || buf[p + 4] != '<' || buf[p + 5] != '/' || buf[p + 6] != 'c' || buf[p + 7] != '>') {
            return 0;
        }
        end = p + 8;
        return found | VALUE;
    }

    /** Puts the last match's r, t and value into the slices, each cleared first (left empty when absent). */
    void copy(char[] buf, CharSlice ref, CharSlice type, CharSlice value) {
        ref.clear();
        type.clear();
        value.clear();
        if (refFrom >= 0) {
            ref.append(buf, refFrom, refTo - refFrom);
        }
        if (typeFrom >= 0) {
            type.append(buf, typeFrom, typeTo - typeFrom);
        }
        if (valueFrom >= 0) {
            value.append(buf, valueFrom, valueTo - valueFrom);
        }
    }

    /** Where the last match ended: the character after its {@code </c>} or {@code />}. */
    int end() {
        return end;
    }

    // Printable ASCII but for what ends or escapes a value: what XML reads as itself in text and attributes.
    private static boolean isPlain(char c) {
        return c >= 0x20 && c < 0x7F && c != '<' && c != '&';
    }
}
