package org.sheetnet.xlsx;

import java.util.List;
import java.util.function.Predicate;
import org.sheetnet.xlsx.XmlDifferential.Case;

/**
 * The disagreements between XmlPart and StAX that are accepted, each named, with its reason and an
 * exact description of the cases it covers: the encoding layer in front of the parser (XmlCharset),
 * and three deliberate choices of sheetnet's parser (XmlScanner), each only ever a refusal or a name.
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
            new Allowed("XML 1.1 refused",
                    "Workbook parts are XML 1.0; XmlScanner refuses a version=\"1.1\" declaration rather than read"
                            + " control characters and NEL/LINE SEPARATOR line ends by 1.1's rules, as StAX does",
                    c -> c.stax().accepted() && refusedWith(c.part(), "(sheetnet reads XML 1.0)")),
            new Allowed("non-ASCII names by the fifth edition",
                    "XmlScanner checks names by XML 1.0's fifth edition (2008), which allows most of Unicode;"
                            + " the JDK's parser still uses the tables of the earlier editions and refuses names with"
                            + " characters added since. Covered only when XmlPart read the document and a tag or"
                            + " instruction has a character beyond ASCII outside its quoted values, that is in a name",
                    c -> !c.stax().accepted() && c.part().accepted()
                            && nonAsciiInMarkup(c.bytes())),
            new Allowed("names that are not namespace-well-formed",
                    "XmlScanner refuses a name that starts or ends with a colon or has two (\":a\", \"a:\"), which"
                            + " Namespaces in XML forbids; the JDK's parser reads some of them. Only refusals",
                    c -> c.stax().accepted() && refusedWith(c.part(), "the name \"")));

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

    // A character beyond ASCII inside a tag or instruction but outside its quoted values: in a name.
    private static boolean nonAsciiInMarkup(byte[] document) {
        String t;
        try (java.io.Reader r = XmlCharset.reader(new java.io.ByteArrayInputStream(document))) {
            StringBuilder sb = new StringBuilder();
            char[] chunk = new char[4096];
            for (int n; (n = r.read(chunk)) >= 0; ) {
                sb.append(chunk, 0, n);
            }
            t = sb.toString(); // the characters XmlScanner was given
        } catch (java.io.IOException e) {
            return false;
        }
        boolean inTag = false;
        char quote = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!inTag) {
                if (t.startsWith("<?", i)) {
                    int end = t.indexOf("?>", i + 2);
                    end = end < 0 ? t.length() : end;
                    for (int k = i + 2; k < end && !Character.isWhitespace(t.charAt(k)); k++) {
                        if (t.charAt(k) > 0x7F) {
                            return true; // in the instruction's target; what follows it is free text
                        }
                    }
                    i = end + 1;
                } else if (t.startsWith("<!--", i) || t.startsWith("<![CDATA[", i)) {
                    int end = t.indexOf(t.startsWith("<!--", i) ? "-->" : "]]>", i + 4);
                    i = end < 0 ? t.length() : end + 2;
                } else if (c == '<') {
                    inTag = true;
                }
            } else if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                inTag = false;
            } else if (c > 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static boolean refusedWith(XmlOutcome part, String words) {
        return !part.accepted() && !part.foreign() && part.refusal().contains(words);
    }
}
