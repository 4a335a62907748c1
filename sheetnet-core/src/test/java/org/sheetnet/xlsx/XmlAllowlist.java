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
                            + " characters added since. Covered only when XmlPart read the document and one of the"
                            + " element or attribute names it read, or an instruction's target, has a character beyond"
                            + " ASCII",
                    c -> !c.stax().accepted() && c.part().accepted()
                            && (nonAsciiName(c.part()) || nonAsciiInstructionTarget(c.bytes()))),
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

    // An element or attribute name in the trace's start tags with a character beyond ASCII.
    private static boolean nonAsciiName(XmlOutcome read) {
        java.util.regex.Pattern names = java.util.regex.Pattern.compile("^<([^ >]+)|\\s(?:\\{[^}]*\\})?([^=\\s]+)=");
        for (String line : read.trace()) {
            if (line.startsWith("<") && !line.startsWith("</")) {
                java.util.regex.Matcher m = names.matcher(line);
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2);
                    if (name.chars().anyMatch(ch -> ch > 0x7F)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // A processing instruction whose target has a character beyond ASCII (instructions are not in the trace).
    private static boolean nonAsciiInstructionTarget(byte[] document) {
        boolean utf16 = document.length >= 2 && ((document[0] & 0xFF) == 0xFF || (document[0] & 0xFF) == 0xFE
                || document[0] == 0 || document[1] == 0);
        String text = new String(document, utf16 ? java.nio.charset.StandardCharsets.UTF_16
                : java.nio.charset.StandardCharsets.UTF_8);
        return java.util.regex.Pattern.compile("<\\?[^\\s?]*[^\\x00-\\x7F]").matcher(text).find();
    }

    private static boolean refusedWith(XmlOutcome part, String words) {
        return !part.accepted() && !part.foreign() && part.refusal().contains(words);
    }
}
