package org.sheetnet.xlsx;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.sheetnet.SheetnetException;
import org.sheetnet.files.WorkbookFiles;

/**
 * An .xlsx file opened as a zip package with {@code java.util.zip}, never through POI: its sheets
 * by name, and each part read only when asked, through {@link EntryStream} (sizes counted, CRC
 * verified) and parsed by {@link XmlScanner}. The file is only ever read.
 */
public final class XlsxPackage implements Closeable {

    /** Largest structural part (workbook, relationships, content types) read, in bytes. */
    static final long SMALL_PART = 16L << 20;
    /** Largest sheet part streamed, in bytes; its rows are never all held in memory. */
    static final long SHEET_PART = 64L << 30;
    /** Largest shared strings part, in bytes; its characters are bounded apart (see {@link SharedStrings}). */
    static final long SHARED_STRINGS_PART = 1L << 30;

    /**
     * A sheet the workbook lists.
     *
     * @param name its name as shown on the tab
     * @param part the zip entry holding it, e.g. {@code xl/worksheets/sheet1.xml}
     */
    public record Sheet(String name, String part) {
    }

    private final Path path;
    private final String file;
    private final ZipFile zip;
    private final List<Sheet> sheets;
    private final List<DefinedName> names;
    private final String sharedStringsPart;
    private SharedStrings strings;
    private List<ExcelTable> tables;

    private XlsxPackage(Path path, ZipFile zip) {
        this.path = path;
        this.file = path.getFileName().toString();
        this.zip = zip;
        requireUniqueNames(zip, file);
        read(PackageParts.CONTENT_TYPES, SMALL_PART, PackageParts::parseWhole);
        String workbook = read(PackageParts.ROOT_RELS, SMALL_PART, p -> PackageParts.officeDocument(p));
        WorkbookRels rels = read(WorkbookRels.relsOf(workbook), SMALL_PART, p -> WorkbookRels.read(p, workbook));
        PackageParts.Workbook listed = read(workbook, SMALL_PART, p -> PackageParts.workbook(p, rels));
        this.sheets = listed.sheets();
        this.names = listed.names();
        this.sharedStringsPart = rels.sharedStrings();
    }

    /**
     * Opens a package for reading.
     *
     * @param path the .xlsx file
     * @throws SheetnetException (FILE) naming the file and what is wrong with it: missing, empty, an old
     *                           .xls, encrypted, not a zip, too many entries, truncated or corrupt
     */
    public static XlsxPackage open(Path path) {
        WorkbookFiles.requireReadable(path);
        WorkbookFiles.checkMagic(path);
        ZipDirectory.check(path);
        ZipFile zip;
        try {
            zip = new ZipFile(path.toFile());
        } catch (IOException | RuntimeException e) {
            throw ZipDirectory.notAZip(path, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            return new XlsxPackage(path, zip);
        } catch (RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
    }

    // Two entries of one name would let two readers (this one and POI) see different parts.
    private static void requireUniqueNames(ZipFile zip, String file) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
            if (!names.add(e.getName())) {
                throw SheetnetException.file(file + ": the zip holds two entries named " + WorkbookRels.shorten(e.getName())
                        + "; sheetnet refuses such a package", null);
            }
        }
    }

    /** The file's path. */
    public Path path() {
        return path;
    }

    /** The file's name, for messages. */
    public String fileName() {
        return file;
    }

    /** The sheets, in the workbook's order. */
    public List<Sheet> sheets() {
        return sheets;
    }

    /** The sheet of that name: an exact match first, then ignoring case. */
    public Optional<Sheet> findSheet(String name) {
        for (Sheet s : sheets) {
            if (s.name().equals(name)) {
                return Optional.of(s);
            }
        }
        return sheets.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The workbook's defined names, in the order it lists them. */
    public List<DefinedName> definedNames() {
        return names;
    }

    /**
     * The defined name a formula on {@code sheet} would see: a name local to that sheet first, then
     * a global one; names are matched ignoring case, as Excel does.
     *
     * @param name  the name
     * @param sheet the sheet the name is used on, or null for global names only
     */
    public Optional<DefinedName> findName(String name, String sheet) {
        Optional<DefinedName> local = names.stream().filter(n -> n.scope() != null && n.scope().equalsIgnoreCase(
                sheet == null ? "" : sheet) && n.name().equalsIgnoreCase(name)).findFirst();
        return local.isPresent() ? local
                : names.stream().filter(n -> n.scope() == null && n.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Most tables read from a workbook. */
    static final int MAX_TABLES = 10_000;

    /**
     * The workbook's Excel Tables, sheet by sheet, read on first use from each sheet's relationships.
     *
     * @throws SheetnetException (FILE) naming the part when a table part is damaged or missing
     */
    public List<ExcelTable> tables() {
        if (tables == null) {
            List<ExcelTable> found = new ArrayList<>();
            java.util.Set<String> parts = new java.util.HashSet<>();
            for (Sheet sheet : sheets) {
                String rels = WorkbookRels.relsOf(sheet.part());
                if (zip.getEntry(rels) == null) {
                    continue;
                }
                for (String part : read(rels, SMALL_PART, p -> WorkbookRels.read(p, sheet.part())).tables()) {
                    if (!parts.add(part)) {
                        continue;
                    }
                    if (found.size() == MAX_TABLES) {
                        throw SheetnetException.file(file + ": it has more than " + MAX_TABLES
                                + " tables; sheetnet refuses such a package", null);
                    }
                    found.add(read(part, SMALL_PART, p -> ExcelTable.read(p, sheet.name())));
                }
            }
            tables = List.copyOf(found);
        }
        return tables;
    }

    /** The table of that name, ignoring case as Excel does. */
    public Optional<ExcelTable> findTable(String name) {
        return tables().stream().filter(t -> t.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The names of the sheets, in order. */
    public List<String> sheetNames() {
        List<String> names = new ArrayList<>();
        sheets.forEach(s -> names.add(s.name()));
        return names;
    }

    /** Opens a part as guarded XML, its bytes limited to {@code limit}. */
    XmlPart xml(String part, long limit) {
        return new XmlPart(entry(part, limit), file, part);
    }

    /** The shared strings, read on first use; an empty table if the workbook has none. */
    SharedStrings sharedStrings() {
        if (strings == null) {
            strings = sharedStringsPart == null || zip.getEntry(sharedStringsPart) == null ? SharedStrings.NONE
                    : read(sharedStringsPart, SHARED_STRINGS_PART, SharedStrings::read);
        }
        return strings;
    }

    /**
     * Reads every entry to its end: checksums verified, each entry and the whole bounded, and every
     * XML part parsed through the guards (so a DOCTYPE anywhere is refused). Run before a file is
     * handed to a library that would parse it without these guards (POI, for {@code verify}).
     *
     * @param maxTotal most bytes all entries may unpack to
     * @throws SheetnetException (FILE) naming the file and the part at fault
     */
    public void scanAll(long maxTotal) {
        long total = 0;
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
            if (e.isDirectory()) {
                continue;
            }
            String name = e.getName();
            if (looksLikeXml(e)) {
                read(name, maxTotal - total, PackageParts::parseWhole);
            } else {
                drain(name, maxTotal - total);
            }
            total += e.getSize() < 0 ? 0 : e.getSize();
            if (total > maxTotal) {
                throw SheetnetException.file(file + ": the workbook unpacks to more than " + EntryStream.describe(maxTotal)
                        + ", more than this Java heap can hold as a workbook; give Java more memory, e.g."
                        + " JAVA_OPTS=-Xmx4g, if it is genuine", null);
            }
        }
    }

    // By its first bytes, not its name: POI parses a part by the content type the package declares for it.
    private boolean looksLikeXml(ZipEntry e) {
        try (InputStream in = zip.getInputStream(e)) {
            byte[] head = in.readNBytes(64);
            int i = head.length >= 3 && (head[0] & 0xff) == 0xef && (head[1] & 0xff) == 0xbb ? 3
                    : head.length >= 2 && ((head[0] & 0xff) == 0xff || (head[0] & 0xff) == 0xfe) ? 2 : 0;
            while (i < head.length && (head[i] == 0 || Character.isWhitespace(head[i]))) {
                i++;
            }
            return i < head.length && head[i] == '<';
        } catch (IOException ex) {
            throw XlsxErrors.damaged(file, e.getName(), ex);
        }
    }

    private void drain(String part, long limit) {
        try (InputStream in = entry(part, limit)) {
            byte[] sink = new byte[8192];
            while (in.read(sink) >= 0) {
                // Counted and checked by EntryStream.
            }
        } catch (IOException e) {
            throw XlsxErrors.damaged(file, part, e);
        }
    }

    // A part's bytes, counted and checked; a part the workbook names but the zip lacks means damage.
    private EntryStream entry(String part, long limit) {
        ZipEntry e = zip.getEntry(part);
        if (e == null || e.isDirectory()) {
            throw SheetnetException.file(path + ": cannot be read as an .xlsx workbook; is it truncated or corrupt? ("
                    + "it has no part " + part + ")", null);
        }
        try {
            return new EntryStream(zip.getInputStream(e), e, file, limit);
        } catch (IOException | RuntimeException ex) {
            throw XlsxErrors.damaged(file, part, ex);
        }
    }

    private <T> T read(String part, long limit, java.util.function.Function<XmlPart, T> reader) {
        try (XmlPart p = xml(part, limit)) {
            T result = reader.apply(p);
            p.finish();
            return result;
        }
    }

    @Override
    public void close() {
        closeQuietly(zip);
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // Only reading; nothing is lost.
        }
    }
}
