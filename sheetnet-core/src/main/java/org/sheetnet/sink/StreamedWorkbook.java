package org.sheetnet.sink;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An .xlsx written in two parts: a POI workbook holds the small sheets (copied model sheets, Audit)
 * and the structure (sheet list, styles), while the large sheets are streamed by {@link XmlSheetSink}s
 * into deflated temporary files. {@link #write} copies POI's parts into the final zip and puts each
 * streamed sheet in place of its empty placeholder, as raw deflate data, without recompressing it.
 */
final class StreamedWorkbook implements AutoCloseable {

    private final XSSFWorkbook frame;
    private final Path tempDir;
    private final Map<String, XmlSheetSink> streamed = new LinkedHashMap<>();

    /**
     * @param frame   the workbook holding every sheet's place and the small sheets
     * @param tempDir where streamed sheets are kept until written; cleaned by {@link #close}
     */
    StreamedWorkbook(XSSFWorkbook frame, Path tempDir) {
        this.frame = frame;
        this.tempDir = tempDir;
    }

    /**
     * Adds a sheet whose rows are streamed; it must be created in the frame already.
     *
     * @param selected whether the sheet is the one shown when the file is opened
     */
    SheetSink stream(XSSFSheet sheet, int headerStyle, boolean frozenHeader, boolean selected) {
        String part = sheet.getPackagePart().getPartName().getName().substring(1);
        XmlSheetSink sink = new XmlSheetSink(tempDir.resolve("sheet" + streamed.size() + ".xml.deflate"), headerStyle,
                frozenHeader, selected);
        streamed.put(part, sink);
        return sink;
    }

    /** Finishes the streamed sheets and writes the complete .xlsx to {@code out}. */
    void write(OutputStream out) throws IOException {
        Map<String, XmlSheetSink.DeflatedPart> finished = new LinkedHashMap<>();
        for (Map.Entry<String, XmlSheetSink> e : streamed.entrySet()) {
            XmlSheetSink.DeflatedPart part = e.getValue().finish();
            finished.put(e.getKey(), part);
        }
        Path framePath = tempDir.resolve("frame.xlsx");
        try (OutputStream frameOut = Files.newOutputStream(framePath)) {
            frame.write(frameOut);
        }
        try (ZipFile zip = new ZipFile(framePath.toFile());
                ZipArchiveOutputStream target = new ZipArchiveOutputStream(out)) {
            target.setUseZip64(Zip64Mode.AsNeeded);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                XmlSheetSink.DeflatedPart part = finished.get(entry.getName());
                if (part == null) {
                    copy(zip, entry, target);
                } else {
                    putRaw(entry, part, target);
                }
            }
        }
    }

    private static void copy(ZipFile zip, ZipEntry entry, ZipArchiveOutputStream target) throws IOException {
        ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
        copy.setTime(entry.getTime());
        target.putArchiveEntry(copy);
        try (InputStream in = zip.getInputStream(entry)) {
            in.transferTo(target);
        }
        target.closeArchiveEntry();
    }

    private static void putRaw(ZipEntry placeholder, XmlSheetSink.DeflatedPart part, ZipArchiveOutputStream target)
            throws IOException {
        ZipArchiveEntry entry = new ZipArchiveEntry(placeholder.getName());
        entry.setMethod(ZipEntry.DEFLATED);
        entry.setCrc(part.crc());
        entry.setSize(part.size());
        entry.setCompressedSize(part.compressedSize());
        entry.setTime(placeholder.getTime());
        try (InputStream in = new BufferedInputStream(Files.newInputStream(part.file()), 1 << 16)) {
            target.addRawArchiveEntry(entry, in);
        }
    }

    /** Deletes the temporary files; the folder may be gone already (removed with the output's temporary). */
    @Override
    public void close() {
        for (XmlSheetSink sink : streamed.values()) {
            sink.abandon();
        }
        try {
            Temporaries.deleteTree(tempDir);
        } catch (IOException e) {
            // The folder belongs to the output's SafeOutputFile, which removes it too.
        }
    }
}
