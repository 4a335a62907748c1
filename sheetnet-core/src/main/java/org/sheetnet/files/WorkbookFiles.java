package org.sheetnet.files;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.EmptyFileException;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.sheetnet.SheetnetException;

/**
 * The first checks on a file that should be an .xlsx, turning every way it can fail to be one into
 * one clear message: missing, empty, password-protected, an old .xls, not a spreadsheet. The
 * workbook itself is opened by {@link org.sheetnet.xlsx.XlsxPackage}.
 */
public final class WorkbookFiles {

    /** The first bytes of a zip's local file header: FileMagic.OOXML's signature. */
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};

    private WorkbookFiles() {
    }

    /** Fails unless the file exists, is a regular file and is not empty. */
    public static void requireReadable(Path file) {
        if (!Files.exists(file)) {
            throw SheetnetException.file(file + ": no such file", null);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw SheetnetException.file(file + ": not a readable file", null);
        }
        try {
            if (Files.size(file) == 0) {
                throw SheetnetException.file(file + ": the file is empty", null);
            }
        } catch (IOException e) {
            throw SheetnetException.file(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Fails unless the file starts like an .xlsx (a zip), naming what it is instead: an old .xls,
     * a password-protected workbook, or another kind of file.
     */
    public static void checkMagic(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            // A zip is told by its first four bytes, as POI tells it, without loading POI (and its logging)
            // before a model is read: POI is asked only to name what a file is instead.
            in.mark(ZIP.length);
            if (java.util.Arrays.equals(in.readNBytes(ZIP.length), ZIP)) {
                return;
            }
            in.reset();
            FileMagic magic = FileMagic.valueOf(in);
            if (magic == FileMagic.OOXML) {
                return;
            }
            if (magic == FileMagic.OLE2) {
                throw SheetnetException.file(file + ": " + describeOle2(file), null);
            }
            throw SheetnetException.file(file + ": not an .xlsx workbook (the file looks like "
                    + magic.name().toLowerCase(java.util.Locale.ROOT) + " data)", null);
        } catch (EmptyFileException e) {
            throw SheetnetException.file(file + ": the file is empty", e);
        } catch (IOException e) {
            throw SheetnetException.file(file + ": " + e.getMessage(), e);
        }
    }

    // An encrypted .xlsx is stored inside an OLE2 container with an EncryptionInfo stream.
    private static String describeOle2(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                return "the workbook is password-protected; save an unprotected copy in Excel"
                        + " (File > Info > Protect Workbook > Encrypt with Password, clear the password)";
            }
        } catch (IOException | RuntimeException e) {
            return "not an .xlsx workbook (an OLE2 file that cannot be read: " + e.getMessage() + ")";
        }
        return "an old-format .xls workbook; save it as .xlsx (Excel Workbook) first";
    }
}
