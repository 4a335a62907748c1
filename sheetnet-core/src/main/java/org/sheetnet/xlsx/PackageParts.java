package org.sheetnet.xlsx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;

/** Readers of the structural parts of a package: content types, the root relationships, the workbook's sheet list. */
final class PackageParts {

    static final String CONTENT_TYPES = "[Content_Types].xml";
    static final String ROOT_RELS = "_rels/.rels";
    private static final String DEFAULT_WORKBOOK = "xl/workbook.xml";
    /** Most sheets a workbook may list. */
    static final int MAX_SHEETS = 10_000;

    private PackageParts() {
    }

    /** Parses a part to its end, only to prove it is well-formed XML without a DTD; returns null. */
    static Void parseWhole(XmlPart p) {
        while (p.nextStart()) {
            // Nothing of it is needed; every event passes the guards.
        }
        return null;
    }

    /** The workbook part named by the root relationships (the officeDocument). */
    static String officeDocument(XmlPart p) {
        String found = null;
        while (p.nextStart()) {
            String type = p.attribute("Type");
            if ("Relationship".equals(p.name()) && type != null && type.endsWith("/officeDocument")
                    && !"External".equalsIgnoreCase(p.attribute("TargetMode")) && found == null) {
                found = WorkbookRels.resolve("", p.attribute("Target") == null ? "" : p.attribute("Target"), p);
            }
        }
        return found == null || found.isEmpty() ? DEFAULT_WORKBOOK : found;
    }

    /** What the workbook part lists: its sheets in order, and its defined names. */
    record Workbook(List<XlsxPackage.Sheet> sheets, List<DefinedName> names) {
    }

    /** Reads the workbook part: its sheets, then its defined names (which follow the sheets). */
    static Workbook workbook(XmlPart p, WorkbookRels rels) {
        List<XlsxPackage.Sheet> sheets = sheets(p, rels);
        return new Workbook(sheets, DefinedName.readAll(p, sheets));
    }

    /** The workbook's sheets, in order, each with the part its relationship names. */
    static List<XlsxPackage.Sheet> sheets(XmlPart p, WorkbookRels rels) {
        List<XlsxPackage.Sheet> sheets = new ArrayList<>();
        Set<String> names = new HashSet<>();
        while (p.nextStart() && !"sheets".equals(p.name())) {
            // Only <sheets> lists the workbook's sheets.
        }
        for (int e = p.next(); !p.isEnd(e, "sheets") && e != XMLStreamConstants.END_DOCUMENT; e = p.next()) {
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!"sheet".equals(p.name())) {
                p.skip();
                continue;
            }
            String name = p.attribute("name");
            String id = relationshipId(p);
            if (name == null || id == null) {
                throw XlsxErrors.damaged(p.file(), p.part(), "a sheet without a name or relationship id");
            }
            if (rels.external().containsKey(id)) {
                throw XlsxErrors.damaged(p.file(), p.part(), "the sheet \"" + name + "\" points outside the package ("
                        + WorkbookRels.shorten(rels.external().get(id)) + ")");
            }
            String part = rels.targets().get(id);
            if (part == null) {
                throw XlsxErrors.damaged(p.file(), p.part(), "the sheet \"" + name + "\" names relationship " + id
                        + ", which " + WorkbookRels.relsOf(p.part()) + " does not have");
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw XlsxErrors.damaged(p.file(), p.part(), "it lists two sheets named \"" + name + "\"");
            }
            if (sheets.size() == MAX_SHEETS) {
                throw XlsxErrors.damaged(p.file(), p.part(), "it lists more than " + MAX_SHEETS + " sheets");
            }
            sheets.add(new XlsxPackage.Sheet(name, part));
            p.skip();
        }
        return List.copyOf(sheets);
    }

    // The r:id attribute: local name "id" in a relationships namespace (transitional or strict).
    private static String relationshipId(XmlPart p) {
        String ns = p.attributeNamespace("id");
        return ns != null && ns.endsWith("relationships") ? p.attribute("id") : null;
    }
}
