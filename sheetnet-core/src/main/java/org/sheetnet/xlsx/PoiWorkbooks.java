package org.sheetnet.xlsx;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sheetnet.SheetnetException;

/**
 * Opens a workbook in POI's in-memory model, for the one use that needs it ({@code verify}
 * recomputes formulas), only after the whole package has passed this package's guards.
 */
public final class PoiWorkbooks {

    // POI holds a workbook at many times its XML's size; an eighth of the heap for the XML is generous.
    private static final long HEAP_SHARE = 8;

    private PoiWorkbooks() {
    }

    /**
     * Scans the package ({@link XlsxPackage#scanAll}), then opens it read-only with POI.
     *
     * @param path the .xlsx file; never written
     * @return the workbook; the caller reverts its package (never saves it)
     * @throws SheetnetException (FILE) with one line naming the file and what is wrong
     */
    public static XSSFWorkbook open(Path path) {
        long maxTotal = Runtime.getRuntime().maxMemory() / HEAP_SHARE;
        try (XlsxPackage pkg = XlsxPackage.open(path)) {
            pkg.scanAll(maxTotal);
        }
        limitPoi(maxTotal);
        try {
            OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ);
            try {
                return new XSSFWorkbook(pkg);
            } catch (IOException | RuntimeException e) {
                pkg.revert();
                throw e;
            }
        } catch (Exception e) {
            throw SheetnetException.file(path + ": cannot be read as an .xlsx workbook; is it truncated or corrupt? ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    // POI's own zip-bomb guard, set explicitly rather than left to its defaults.
    private static void limitPoi(long maxTotal) {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(Math.min(maxTotal, 0xFFFFFFFFL));
        ZipSecureFile.setMaxTextSize(Math.min(maxTotal, 0xFFFFFFFFL));
    }
}
