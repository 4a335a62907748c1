package org.sheetnet.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replays the first case of every distinct failure that {@link ReaderFuzzTest} found on main at
 * 750d4cb (issue 10): 2,108 cases from seed 1 in 480 s gave 28 groups (29 cases, as two reach one
 * group by different roads), and 4 more once the oracle checked CRCs. Each must keep every promise
 * of the {@link Oracle} once the readers are fixed. A case is rebuilt from its seed and the seed files
 * (workbooks/, sheetnet-core/src/test/resources/keras/, inputs and CSV folders written by {@link SeedCorpus}), so
 * a change to those files changes the cases; the groups in the comments say what each one showed.
 * The reproducers land in {@code target/fuzz-regression/}; {@code -Dsheetnet.fuzz.report-only=true}
 * reports without failing.
 */
class ReaderFuzzRegressionTest {

    /** One seed per group (two for the first heap blow-up), in the order of that campaign's report. */
    static final List<Long> SEEDS = List.of(
            11L,    // exit 1: jhdf HdfException at keras.Hdf5.text (legacy .h5, damaged bytes)
            19L,    // exit 1: jhdf HdfException at keras.Hdf5.find (.h5 and .keras weights)
            48L,    // POI "FATAL XMLHelper" log line on stderr (malformed XML part)
            63L,    // message spans several lines, at job.InputSources.open (XML parse error text)
            27L,    // POI "ERROR POIXMLDocumentPart Skipped invalid entry" on stderr
            2L,     // message spans several lines, at io.XlsxStreamRowSource.next (duplicate attribute)
            145L,   // OutOfMemoryError under -Xmx256m in io.LabelledBlock.read (a cell at XFD1048576)
            377L,   // exit 1: jhdf HdfException at keras.Hdf5.texts
            216L,   // message spans several lines, at csv.CsvTable (quoted newline in a parameter CSV)
            497L,   // message spans several lines, at io.InputBinding.fill (input CSV)
            49L,    // message spans several lines, at io.WorkbookFiles.openReadOnly (zip-bomb refusal)
            538L,   // message spans several lines, at io.InputBinding.byName (header with a newline)
            207L,   // OutOfMemoryError in keras.KerasFiles.unzip (235 MB string in config.json)
            533L,   // exit 1: IllegalStateException at io.CellValues.of (text in a weights cell)
            1306L,  // connected to the network: external DTD in the streamed input sheet
            159L,   // exit 1: ArithmeticException at keras.KerasFiles.hdf
            353L,   // exit 1: IllegalArgumentException at output.WorkbookDestination.copySheets
            544L,   // message spans several lines, at csv.CsvModelReader.bias
            617L,   // secret file copied into the message: external entity in the streamed input sheet
            89L,    // OutOfMemoryError at io.LabelledBlock.read (a cell at AAA100000)
            1285L,  // exit 1: IllegalArgumentException at keras.KerasFiles.unzip
            352L,   // StackOverflowError in io.WorkbookFiles.openReadOnly (9,591 nested elements)
            715L,   // exit 1: IllegalArgumentException at keras.Hdf5.text
            753L,   // secret file copied into the message, at job.InputSources.open
            763L,   // OutOfMemoryError in io.CsvRowSource.next (a quote that never closes, 109 MB)
            1236L,  // exit 1: NullPointerException at io.ModelSheet.find (damaged workbook.xml)
            1901L,  // POI "ERROR PackageRelationshipCollection" on stderr
            2027L,  // exit 1: IllegalArgumentException at keras.KerasFiles.hdf
            2051L,  // OutOfMemoryError in io.WorkbookFiles.openReadOnly
            // Found once the oracle checked CRCs (180 s from seed 1): a wrong CRC, scored without complaint.
            364L,   // xl/_rels/workbook.xml.rels of an input workbook
            385L,   // xl/workbook.xml of a model
            711L,   // xl/sharedStrings.xml of a model
            738L,   // xl/worksheets/sheet1.xml, the Model sheet
            // Found by 600 s from seed 1 once the readers were fixed (main at 46892c2):
            978L,   // the JDK parser's "[Fatal Error]" on stderr (bits flipped in a stored sheet)
            4061L,  // 20 s in io.PlainDecimal.matches (a 900,000-digit quoted CSV field)
            2885L,  // the campaign JVM died: a StackOverflowError in the harness's own JSON mutation
            // Found by 900 s from seed 5000 (main at 55c61e0):
            6060L,  // exit 1: POI refused a 1.3 M-character label of a parameter CSV (import-csv)
            8656L,  // exit 1: IndexOutOfBoundsException for a model.csv header of six columns
            10717L, // OutOfMemoryError in jHDF: a damaged object header of a legacy .h5 claimed a huge buffer
            9585L); // the campaign JVM died: its own OutOfMemoryError writing a 266 MB config string twice

    @Test
    void everyCaseTheFuzzerOnceBrokeKeepsItsPromises() throws Exception {
        FindingsReport report = new CampaignRunner("fuzz-regression").runSeeds(SEEDS, false);
        System.out.println(report.describe());
        if (!Boolean.getBoolean("sheetnet.fuzz.report-only")) {
            assertTrue(report.isEmpty(), () -> report.groups() + " distinct promises still broken by the "
                    + SEEDS.size() + " known cases (reproducers under target/fuzz-regression/):\n" + report.describe());
        }
    }
}
