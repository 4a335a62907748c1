package org.sheetnet.xlsx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The relationships of a part ({@code xl/_rels/workbook.xml.rels}, or a sheet's): relationship id to the part it
 * points to, resolved against the source part's folder; a target outside the package is refused.
 *
 * @param targets       part name by relationship id (external targets are left out)
 * @param external      ids of relationships whose target is outside the package (a URL or file)
 * @param sharedStrings the shared strings part, or null
 * @param tables        the table parts (of a sheet's relationships), in the order listed
 */
record WorkbookRels(Map<String, String> targets, Map<String, String> external, String sharedStrings,
        List<String> tables) {

    /** Reads a relationships part whose source is {@code source} (e.g. {@code xl/workbook.xml}). */
    static WorkbookRels read(XmlPart p, String source) {
        Map<String, String> targets = new HashMap<>();
        Map<String, String> external = new HashMap<>();
        String strings = null;
        List<String> tables = new ArrayList<>();
        while (p.nextStart()) {
            if (!"Relationship".equals(p.name())) {
                continue;
            }
            String id = p.attribute("Id");
            String type = p.attribute("Type");
            String target = p.attribute("Target");
            if (id == null || target == null) {
                throw XlsxErrors.damaged(p.file(), p.part(), "a Relationship without Id or Target");
            }
            if ("External".equalsIgnoreCase(p.attribute("TargetMode"))) {
                external.put(id, target);
                continue;
            }
            String part = resolve(source, target, p);
            targets.put(id, part);
            if (type != null && type.endsWith("/sharedStrings")) {
                strings = part;
            } else if (type != null && type.endsWith("/table")) {
                tables.add(part);
            }
        }
        return new WorkbookRels(Map.copyOf(targets), Map.copyOf(external), strings, List.copyOf(tables));
    }

    /**
     * The part a target names: {@code worksheets/sheet1.xml} from {@code xl/workbook.xml} is
     * {@code xl/worksheets/sheet1.xml}; {@code /xl/x.xml} is absolute. {@code ..} may not climb out.
     */
    static String resolve(String source, String target, XmlPart p) {
        Deque<String> path = new ArrayDeque<>();
        if (!target.startsWith("/")) {
            String[] base = source.split("/");
            for (int i = 0; i < base.length - 1; i++) {
                path.addLast(base[i]);
            }
        }
        for (String segment : target.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (path.isEmpty()) {
                    throw XlsxErrors.damaged(p.file(), p.part(), "the target \"" + shorten(target)
                            + "\" points outside the package");
                }
                path.removeLast();
            } else {
                path.addLast(segment);
            }
        }
        return String.join("/", path);
    }

    /** The relationships part of a part: {@code xl/_rels/workbook.xml.rels} for {@code xl/workbook.xml}. */
    static String relsOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
