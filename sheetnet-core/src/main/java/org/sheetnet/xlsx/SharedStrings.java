package org.sheetnet.xlsx;

import java.util.Arrays;
import javax.xml.stream.XMLStreamConstants;
import org.sheetnet.SheetnetException;

/**
 * The shared strings table, held compactly: every string in one {@link String}, with the offset
 * where each begins. Bounded in entries and characters, so a file claiming millions of strings
 * cannot exhaust the heap; read only when a sheet being read has a shared-string cell.
 */
final class SharedStrings {

    /** Most entries. */
    static final int MAX_ENTRIES = 4 << 20;
    /** Most characters in all, before the heap's own bound. */
    static final long MAX_CHARS = 64L << 20;

    /** The table of a workbook without shared strings. */
    static final SharedStrings NONE = new SharedStrings("", new int[] {0}, 0, "");

    private final String all;
    private final int[] starts;
    private final int count;
    private final String part;

    private SharedStrings(String all, int[] starts, int count, String part) {
        this.all = all;
        this.starts = starts;
        this.count = count;
        this.part = part;
    }

    /** Reads {@code xl/sharedStrings.xml}. */
    static SharedStrings read(XmlPart p) {
        long maxChars = Math.min(MAX_CHARS, Runtime.getRuntime().maxMemory() / 16);
        StringBuilder all = new StringBuilder();
        int[] starts = new int[1024];
        int count = 0;
        p.nextStart();
        // The root's children: each <si> is a string; anything else (extensions) is skipped whole,
        // so that an <si> hidden inside it cannot shift the numbering.
        for (int e = p.next(); e != XMLStreamConstants.END_DOCUMENT; e = p.next()) {
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            if (!"si".equals(p.name())) {
                p.skip();
                continue;
            }
            if (count == MAX_ENTRIES) {
                throw tooMany(p, "more than " + MAX_ENTRIES + " strings");
            }
            String s = RichText.read(p);
            if (all.length() + (long) s.length() > maxChars) {
                throw tooMany(p, "more than " + maxChars + " characters");
            }
            if (count + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = all.length();
            all.append(s);
        }
        starts[count] = all.length();
        return new SharedStrings(all.toString(), starts, count, p.part());
    }

    private static SheetnetException tooMany(XmlPart p, String what) {
        return SheetnetException.file(p.file() + ": " + p.part() + " holds " + what + "; sheetnet refuses it"
                + " (give Java more memory with JAVA_OPTS=-Xmx… only if the workbook is genuine)", null);
    }

    /** Number of strings. */
    int size() {
        return count;
    }

    /**
     * The string at an index.
     *
     * @return null if there is no such string
     */
    String get(int index) {
        return index < 0 || index >= count ? null : all.substring(starts[index], starts[index + 1]);
    }

    /** The part the strings came from, for messages. */
    String part() {
        return part;
    }
}
