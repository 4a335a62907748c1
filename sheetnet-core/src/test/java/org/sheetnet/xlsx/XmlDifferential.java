package org.sheetnet.xlsx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads documents with XmlPart and with the JDK's StAX parser, counts what both did, and collects
 * where they disagree: StAX refuses and XmlPart reads, StAX reads and XmlPart refuses, both read
 * but trace differently, or XmlPart refuses with something other than one line of
 * SheetnetException. The report shrinks the first few disagreements of each kind to a small
 * document that still disagrees in the same way, for whoever fixes the reader. Disagreements
 * {@link XmlAllowlist} accepts are counted apart.
 */
final class XmlDifferential {

    /**
     * The two readings compared: StAX's and XmlPart's.
     *
     * @param stax the reference reading
     * @param part the reading under test
     */
    record Readings(Function<byte[], XmlOutcome> stax, Function<byte[], XmlOutcome> part) {

        /** Every event: {@link XmlTrace}. */
        static final Readings TRACE = new Readings(XmlTrace::ofStax, XmlTrace::ofXmlPart);
        /** The part readers' way, by element: {@link XmlWalk}. */
        static final Readings WALK = new Readings(XmlWalk::ofStax, XmlWalk::ofXmlPart);

        Case read(String label, byte[] document) {
            return new Case(label, document, stax.apply(document), part.apply(document), this);
        }
    }

    /** One document read both ways. */
    record Case(String label, byte[] bytes, XmlOutcome stax, XmlOutcome part, Readings readings) {

        /** How the two disagree, or null when they agree. */
        String disagreement() {
            return kind(stax, part);
        }
    }

    private static final int SHOWN_PER_KIND = 3;
    private static final int SHRINK_BUDGET = 3000;

    private final Readings readings;
    private final List<Case> disagreements = new ArrayList<>();
    private final Map<String, Integer> allowed = new LinkedHashMap<>();
    private int documents;
    private long events;
    private int bothRead;
    private int bothRefused;

    /** Compares every event ({@link Readings#TRACE}). */
    XmlDifferential() {
        this(Readings.TRACE);
    }

    XmlDifferential(Readings readings) {
        this.readings = readings;
    }

    /** Reads the document with both readers and records the outcome. */
    Case compare(String label, byte[] document) {
        Case c = readings.read(label, document);
        documents++;
        events += c.stax().events();
        if (c.disagreement() == null) {
            if (c.stax().accepted()) {
                bothRead++;
            } else {
                bothRefused++;
            }
        } else {
            XmlAllowlist.Allowed a = XmlAllowlist.find(c);
            if (a == null) {
                disagreements.add(c);
            } else {
                allowed.merge(a.name(), 1, Integer::sum);
            }
        }
        return c;
    }

    List<Case> disagreements() {
        return disagreements;
    }

    int bothRead() {
        return bothRead;
    }

    int bothRefused() {
        return bothRefused;
    }

    /** Counts, one line. */
    String summary() {
        return documents + " documents (" + bothRead + " read alike by both, " + bothRefused + " refused by both, "
                + disagreements.size() + " disagreements" + (allowed.isEmpty() ? "" : ", allowed: " + allowed)
                + "), " + events + " events compared (trace lines of the documents StAX read)";
    }

    /** The disagreements, the first few of each kind shrunk to a small example. */
    String report() {
        Map<String, Case> firstOfEach = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Case c : disagreements) {
            // Up to SHOWN_PER_KIND examples of each kind, of different causes where the messages tell them apart.
            if (counts.merge(c.disagreement(), 1, Integer::sum) <= SHOWN_PER_KIND * 20) {
                firstOfEach.putIfAbsent(c.disagreement() + " / " + gist(c), c);
            }
        }
        StringBuilder sb = new StringBuilder(summary()).append("\nby kind: ").append(counts).append('\n');
        Map<String, Integer> shown = new LinkedHashMap<>();
        for (Case c : firstOfEach.values()) {
            if (shown.merge(c.disagreement(), 1, Integer::sum) <= SHOWN_PER_KIND) {
                sb.append(describe(XmlShrinker.shrink(c, SHRINK_BUDGET))).append('\n');
            }
        }
        return sb.toString();
    }

    private static String kind(XmlOutcome stax, XmlOutcome part) {
        if (part.foreign()) {
            return "XmlPart failed without one line of SheetnetException naming the part";
        }
        if (stax.accepted() != part.accepted()) {
            return stax.accepted() ? "StAX reads it, XmlPart refuses it" : "StAX refuses it, XmlPart reads it";
        }
        return stax.accepted() && !stax.trace().equals(part.trace()) ? "both read it, traces differ" : null;
    }

    // What a disagreement is about, so that examples of one kind but different causes are all shown.
    private static String gist(Case c) {
        String why = c.part().accepted() ? c.stax().refusal() : c.part().refusal();
        if (why == null) {
            return "";
        }
        String plain = why.replaceAll("\\d+", "#").replaceAll("\\[row,col\\]:\\[#,#\\]", "");
        return plain.substring(0, Math.min(plain.length(), 90));
    }

    private static String describe(Case c) {
        StringBuilder sb = new StringBuilder("- ").append(c.disagreement()).append(" [").append(c.label()).append("]\n")
                .append("    document: ").append(text(c.bytes())).append('\n')
                .append("    StAX:    ").append(c.stax()).append('\n')
                .append("    XmlPart: ").append(c.part());
        if (c.stax().accepted() && c.part().accepted()) {
            List<String> a = c.stax().trace();
            List<String> b = c.part().trace();
            int i = 0;
            while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
                i++;
            }
            sb.append("\n    first difference at event ").append(i).append(": StAX ")
                    .append(i < a.size() ? cut(a.get(i)) : "(end)").append(" / XmlPart ").append(i < b.size() ? cut(b.get(i)) : "(end)");
        }
        return sb.toString();
    }

    /** The document for a message: its characters decoded as its mark says (else UTF-8), quoted; bytes too if not UTF-8. */
    static String text(byte[] bytes) {
        boolean le = bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE;
        boolean be = bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF;
        if (le || be) {
            return (le ? "UTF-16LE " : "UTF-16BE ") + cut(XmlTrace.quote(new String(bytes, StandardCharsets.UTF_16)));
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        boolean valid = Arrays.equals(s.getBytes(StandardCharsets.UTF_8), bytes);
        return cut(XmlTrace.quote(s)) + (valid ? "" : " (not valid UTF-8; bytes " + hex(bytes) + ")");
    }

    private static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 120); i++) {
            sb.append(String.format("%02X", bytes[i] & 0xFF));
        }
        return sb.append(bytes.length > 120 ? "…" : "").toString();
    }

    private static String cut(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "…(" + s.length() + " chars)";
    }
}
