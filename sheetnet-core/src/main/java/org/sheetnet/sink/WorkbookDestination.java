package org.sheetnet.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFName;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sheetnet.sheet.CellValues;
import org.sheetnet.SheetnetException;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.sheet.CellRange;
import org.sheetnet.sheet.SheetName;
import org.sheetnet.xlsx.DefinedName;
import org.sheetnet.xlsx.SparseSheet;

/**
 * An .xlsx output: a POI workbook (the frame) holds the copied model sheets, the Audit and the
 * structure; the large sheets are streamed (see {@link StreamedWorkbook}), or, for a workbook kept
 * in memory to check formulas, written into the frame itself.
 */
public final class WorkbookDestination implements Destination {

    private final XSSFWorkbook frame = new XSSFWorkbook();
    private final CellStyle headerStyle;
    private final SafeOutputFile out;
    private final StreamedWorkbook streamed;
    private NumberFormats formats;
    private String active;
    private boolean committed;

    /**
     * @param out where the file goes, or null to keep the workbook in memory
     */
    public WorkbookDestination(SafeOutputFile out) {
        this.out = out;
        DefaultCellStyle.addTo(frame);
        this.headerStyle = frame.createCellStyle();
        Font bold = frame.createFont();
        bold.setBold(true);
        headerStyle.setFont(bold);
        this.streamed = out == null ? null : new StreamedWorkbook(frame, out.scratchFolder());
    }

    @Override
    public String name() {
        return out == null ? "the workbook in memory" : out.shown().toString();
    }

    /** The workbook in memory, for the formula check. */
    public Workbook workbook() {
        return frame;
    }

    @Override
    public SheetSink sheet(String name) {
        XSSFSheet sheet = frame.createSheet(name);
        return streamed == null ? new PoiSheetSink(sheet, headerStyle)
                : streamed.stream(sheet, headerStyle.getIndex(), true, name.equals(active));
    }

    @Override
    public SheetSink smallSheet(String name) {
        if (formats == null) {
            formats = new NumberFormats(frame);
        }
        return new PoiSheetSink(frame.createSheet(name), headerStyle, formats);
    }

    @Override
    public java.util.Optional<XSSFWorkbook> frame() {
        return java.util.Optional.of(frame);
    }

    @Override
    public boolean hasSheet(String name) {
        return frame.getSheet(name) != null;
    }

    @Override
    public void copySheets(List<SparseSheet> model, Predicate<String> include) {
        for (SparseSheet source : model) {
            if (!include.test(source.name())) {
                continue;
            }
            XSSFSheet target = frame.createSheet(source.name());
            if (streamed == null) {
                for (int k = 0; k < source.size(); k++) {
                    CellRef at = source.cellAt(k);
                    Row row = target.getRow(at.row());
                    PoiCells.put(row != null ? row : target.createRow(at.row()), at.col(), source.valueAt(k));
                }
            } else {
                // Streamed like the output sheets: a weights sheet of a wide layer holds many cells.
                SheetSink sink = streamed.stream(target, headerStyle.getIndex(), false, false);
                copyRows(source, sink);
            }
        }
    }

    @Override
    public void copyNames(List<DefinedName> names) {
        for (DefinedName name : names) {
            java.util.Optional<CellRange> range = name.range();
            boolean copied = range.isPresent() && frame.getSheet(range.get().sheet()) != null
                    && (name.scope() == null || frame.getSheet(name.scope()) != null);
            if (!copied || name.name().startsWith("_xlnm.")) {
                continue;
            }
            XSSFName target = null;
            try {
                target = frame.createName();
                // The scope first: POI refuses a name already defined in the scope the name has when it is set.
                target.setSheetIndex(name.scope() == null ? -1 : frame.getSheetIndex(name.scope()));
                target.setNameName(name.name());
                CellRange r = range.get();
                target.setRefersToFormula(SheetName.quote(r.sheet()) + "!" + r.first().absolute() + ":"
                        + r.last().absolute());
            } catch (IllegalArgumentException e) {
                // A name Excel would not accept (or one defined twice) stays behind; the Audit names each block's cells.
                frame.removeName(target);
            }
        }
    }

    private static void copyRows(SparseSheet source, SheetSink sink) {
        int next = 0;
        // Rows without cells are written empty, so that every cell keeps its place (formulas refer to it).
        for (int k = 0; k < source.size(); next++) {
            sink.startRow();
            for (; k < source.size() && source.cellAt(k).row() == next; k++) {
                sink.value(source.cellAt(k).col(), source.valueAt(k));
            }
            sink.endRow();
        }
    }

    /** Marks a sheet, made already or to be made by {@link #sheet}, as the one shown when the file is opened. */
    @Override
    public void activate(String name) {
        active = name;
        if (frame.getSheet(name) != null) {
            selectActive();
        }
    }

    // The active tab is the only selected sheet: POI leaves its first sheet selected, and Excel then opens
    // two sheets grouped. A streamed sheet says so in its own XML (XmlSheetSink), which replaces POI's.
    private void selectActive() {
        if (active == null) {
            return;
        }
        int index = frame.getSheetIndex(active);
        frame.setActiveSheet(index);
        for (int i = 0; i < frame.getNumberOfSheets(); i++) {
            frame.getSheetAt(i).setSelected(i == index);
        }
    }

    @Override
    public boolean supportsFormulas() {
        return true;
    }

    @Override
    public long maxRows() {
        return SpreadsheetVersion.EXCEL2007.getMaxRows();
    }

    @Override
    public void finish(AuditLog audit) {
        audit.writeTo(frame.createSheet("Audit"), headerStyle);
        selectActive();
        try (OutputStream stream = out.open()) {
            streamed.write(stream);
        } catch (IOException | UncheckedIOException e) {
            throw OutputErrors.cannotWrite(name(), e);
        }
        out.commit();
        committed = true;
    }

    @Override
    public void close() {
        if (streamed != null) {
            streamed.close();
        }
        try {
            frame.close();
        } catch (IOException e) {
            // Closing only releases memory here; the output has been written or discarded.
        }
        if (out != null && !committed) {
            out.discard();
        }
    }
}
