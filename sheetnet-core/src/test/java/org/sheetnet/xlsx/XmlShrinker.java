package org.sheetnet.xlsx;

import java.util.ArrayList;
import java.util.List;
import org.sheetnet.xlsx.XmlDifferential.Case;

/**
 * Shrinks a disagreeing document to a small one that still disagrees in the same way: runs of
 * markup (from one {@code <} to another) are cut out first, halving the run, then runs of bytes;
 * each cut is kept when both readings, repeated, still disagree as before.
 */
final class XmlShrinker {

    private final Case original;
    private final String kind;
    private final int budget;
    private int tries;

    private XmlShrinker(Case original, int budget) {
        this.original = original;
        this.kind = original.disagreement();
        this.budget = budget;
    }

    /**
     * The case shrunk, read again.
     *
     * @param budget most readings tried
     */
    static Case shrink(Case c, int budget) {
        XmlShrinker s = new XmlShrinker(c, budget);
        byte[] best = c.bytes();
        for (int round = 0; round < 2; round++) {
            best = s.pass(s.pass(best, true), false);
        }
        return c.readings().read(c.label() + ", shrunk from " + c.bytes().length + " bytes", best);
    }

    private byte[] pass(byte[] document, boolean byMarkup) {
        byte[] best = document;
        for (int run = Math.max(1, units(best, byMarkup).size() / 2); run >= 1 && tries < budget; run /= 2) {
            for (int at = 0; tries < budget; tries++) {
                List<Integer> cuts = units(best, byMarkup);
                if (at + run >= cuts.size()) {
                    break;
                }
                byte[] smaller = cut(best, cuts.get(at), cuts.get(at + run));
                if (kind.equals(original.readings().read("", smaller).disagreement())) {
                    best = smaller;
                } else {
                    at += run;
                }
            }
        }
        return best;
    }

    // Where the document may be cut: before every byte, or before every '<' (and at both ends).
    private static List<Integer> units(byte[] document, boolean byMarkup) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < document.length; i++) {
            if (!byMarkup || i == 0 || document[i] == '<') {
                at.add(i);
            }
        }
        at.add(document.length);
        return at;
    }

    private static byte[] cut(byte[] document, int from, int to) {
        byte[] smaller = new byte[document.length - (to - from)];
        System.arraycopy(document, 0, smaller, 0, from);
        System.arraycopy(document, to, smaller, from, document.length - to);
        return smaller;
    }
}
