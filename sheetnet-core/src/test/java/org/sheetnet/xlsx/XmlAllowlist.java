package org.sheetnet.xlsx;

import java.util.List;
import java.util.function.Predicate;
import org.sheetnet.xlsx.XmlDifferential.Case;

/**
 * The disagreements between XmlPart and StAX that are accepted, each named, with its reason and an
 * exact description of the cases it covers. All come from the layers before the parser
 * (XmlCharset, MarkupGuard), not from the parser itself; a disagreement in the parser has no entry.
 */
final class XmlAllowlist {

    /**
     * A disagreement accepted.
     *
     * @param name   a short name, printed with the counts
     * @param reason why it is acceptable
     * @param covers which cases it covers
     */
    record Allowed(String name, String reason, Predicate<Case> covers) {
    }

    static final List<Allowed> ENTRIES = List.of(
            new Allowed("encoding name ignored",
                    "XmlCharset decodes a part by its byte order mark or first bytes, and reads the declaration's"
                            + " encoding name only in a UTF-8 part and only when it looks like a name; StAX, reading"
                            + " bytes, refuses a name that is empty, malformed, unknown or not the bytes' encoding."
                            + " Covered only when StAX, given the same document without the name, reads exactly what"
                            + " XmlPart read: the characters are right, only the label is wrong",
                    XmlAllowlist::onlyTheEncodingNameIsWrong),
            new Allowed("encoding outside OOXML's",
                    "XmlCharset refuses, on purpose, an encoding a workbook part cannot have (OOXML parts are UTF-8"
                            + " or UTF-16; windows-1252 and the like are refused rather than guessed); StAX reads them",
                    c -> c.stax().accepted() && refusedWith(c.part(), "which a workbook part cannot have")),
            new Allowed("markup guard ends a comment at its opening",
                    "MarkupGuard ends a comment at the first '>' after two dashes, counting the dashes of \"<!--\""
                            + " itself, so a comment that starts with \">\" or \"->\" (legal, never written by Excel)"
                            + " seems to end there, and a \"<!x\" later in it looks like a DOCTYPE. Only refusals;"
                            + " a one-line fix in MarkupGuard (the closing dashes must follow the opening ones)",
                    c -> c.stax().accepted() && refusedWith(c.part(), "holds a DOCTYPE")
                            && (contains(c.bytes(), "<!-->") || contains(c.bytes(), "<!--->"))),
            new Allowed("markup guard misreads UTF-16",
                    "MarkupGuard scans bytes, skipping zero bytes so that UTF-16's ASCII markup scans as UTF-8's;"
                            + " a UTF-16 character with a byte 0x3C ('<') beside 0x21 ('!') or the like then looks like"
                            + " a DOCTYPE, a tag or a nesting level. Only refusals, never a different reading, and"
                            + " only in UTF-16, which Excel never writes",
                    c -> c.stax().accepted() && utf16(c.bytes()) && (refusedWith(c.part(), "holds a DOCTYPE")
                            || refusedWith(c.part(), "nests elements more than")
                            || refusedWith(c.part(), "holds a text, tag or comment longer than"))));

    private XmlAllowlist() {
    }

    /** The entry that covers the disagreement, or null. */
    static Allowed find(Case c) {
        return ENTRIES.stream().filter(a -> a.covers().test(c)).findFirst().orElse(null);
    }

    private static boolean onlyTheEncodingNameIsWrong(Case c) {
        return !c.stax().accepted() && c.part().accepted()
                && EncodingDeclaration.withoutEncodingName(c.bytes())
                        .map(c.readings().stax()).filter(XmlOutcome::accepted)
                        .map(fixed -> fixed.trace().equals(c.part().trace())).orElse(false);
    }

    private static boolean refusedWith(XmlOutcome part, String words) {
        return !part.accepted() && !part.foreign() && part.refusal().contains(words);
    }

    private static boolean contains(byte[] document, String ascii) {
        return new String(document, java.nio.charset.StandardCharsets.ISO_8859_1).contains(ascii);
    }

    // By the byte order mark or the zero byte of a first '<', as XML 1.0 appendix F finds UTF-16.
    private static boolean utf16(byte[] b) {
        return b.length >= 2 && ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE || (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF
                || b[0] == 0 && b[1] == '<' || b[0] == '<' && b[1] == 0);
    }
}
