package org.sheetnet.format.workbook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activations;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.FeatureScaling;
import org.sheetnet.model.InputPreparation;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;
import org.sheetnet.model.Provenance;
import org.sheetnet.sink.AuditLog;
import org.sheetnet.xlsx.CellBudget;
import org.sheetnet.xlsx.SheetStream;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.xlsx.XlsxPackage;

/**
 * {@link ModelWorkbookWriter#sheets} (what {@code score model.onnx} reads instead of a file) holds, sheet for
 * sheet and cell for cell, what {@link ModelWorkbookWriter#write} puts in the .xlsx as the hardened reader
 * reads it back: the oracle is the file, written by Apache POI and parsed by {@code org.sheetnet.xlsx}.
 * Doubles are compared by their bits (−0.0, subnormals, 17-digit values), text with OOXML escapes and
 * characters outside ASCII, and an audit line longer than a cell holds.
 */
class ModelWorkbookSheetsTest {

    @TempDir
    Path dir;

    @Test
    void theSheetsInMemoryAreTheWrittenFileCellForCell() {
        Model model = awkwardModel(new Random(42));
        AuditLog audit = new AuditLog();
        audit.section("Source", "imported from a test");
        audit.line("a number", 0.1 + 0.2);
        audit.line("text an .xlsx escapes", "_x0041_ ü \u00e9 tab\there");
        audit.line("a long text", "z".repeat(AuditLog.MAX_CELL_CHARS + 100));
        List<ModelWorkbookWriter.ExtraSheet> extras = List.of(new ModelWorkbookWriter.ExtraSheet("Extra",
                List.of(List.of("h1", "h2"), java.util.Arrays.asList(1e-320, null, 7))));
        Path file = dir.resolve("m.xlsx");
        ModelWorkbookWriter.write(model, audit, "Source", extras, file, false);

        List<SparseSheet> memory = ModelWorkbookWriter.sheets(model, audit, "Source", extras);
        try (XlsxPackage pkg = XlsxPackage.open(file)) {
            assertEquals(pkg.sheetNames(), memory.stream().map(SparseSheet::name).toList(), "sheet names, in order");
            for (SparseSheet sheet : memory) {
                assertSameCells(read(pkg, sheet.name()), sheet);
            }
        }
    }

    @Test
    void aLayerTooWideForASheetIsRefusedAsWhenWritten() {
        Network wide = new Network(List.of(new DenseLayer("wide", new Matrix(1, 16_384, new double[16_384]),
                new double[16_384], Activations.of("identity"), List.of(),
                java.util.stream.IntStream.rangeClosed(1, 16_384).mapToObj(j -> "u" + j).toList())));
        Model model = Model.of(wide, Provenance.inMemory("test"));
        SheetnetException e = org.junit.jupiter.api.Assertions.assertThrows(SheetnetException.class,
                () -> ModelWorkbookWriter.sheets(model, null, null, List.of()));
        assertEquals("wide: 1x16384 weights do not fit in a sheet (at most 1048576 rows and 16384 columns)",
                e.getMessage());
    }

    private static void assertSameCells(SparseSheet file, SparseSheet memory) {
        String sheet = memory.name();
        assertEquals(file.size(), memory.size(), sheet + ": number of cells");
        for (int k = 0; k < file.size(); k++) {
            String cell = sheet + "!" + file.cellAt(k);
            assertEquals(file.cellAt(k), memory.cellAt(k), cell + ": position");
            Object want = file.valueAt(k);
            Object got = memory.valueAt(k);
            if (want instanceof Double w && got instanceof Double g) {
                assertEquals(Double.doubleToRawLongBits(w), Double.doubleToRawLongBits(g),
                        cell + ": the bits of " + w + " and " + g);
            } else {
                assertEquals(want, got, cell);
            }
        }
    }

    private static SparseSheet read(XlsxPackage pkg, String name) {
        XlsxPackage.Sheet sheet = pkg.findSheet(name).orElseThrow(() -> new AssertionError("no sheet " + name));
        try (SheetStream stream = new SheetStream(pkg, sheet, SheetnetException.Problem.MODEL)) {
            return SparseSheet.read(stream, CellBudget.ofHeap(pkg.fileName()));
        }
    }

    // Two layers whose numbers and names exercise every way a cell could change on its way through a file.
    private static Model awkwardModel(Random random) {
        double[] special = {-0.0, Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 0.1, 1.0 / 3, Math.PI,
            -1e-300, 123456789.123456789, Math.nextUp(1.0)};
        double[] w1 = new double[3 * 4];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = i < special.length ? special[i] : random.nextGaussian();
        }
        List<String> inputs = List.of("äge", "_x0042_", "=1+1");
        List<String> units = List.of("u 1", "ü2", "u3", "4");
        DenseLayer first = new DenseLayer("dense 1", new Matrix(3, 4, w1), new double[] {0, -0.0, 1e-310, 2.5},
                Activations.find("leaky_relu", OptionalDouble.of(0.123)).orElseThrow(), inputs, units);
        double[] w2 = new double[4 * 2];
        for (int i = 0; i < w2.length; i++) {
            w2[i] = random.nextDouble() * 1e-5;
        }
        DenseLayer second = new DenseLayer("out", new Matrix(4, 2, w2), new double[] {0.7, -0.7},
                Activations.of("softmax"), units, List.of("yes", "no"));
        List<FeatureScaling> features = new ArrayList<>();
        features.add(new FeatureScaling("äge", 3.88, 1.9, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
        features.add(new FeatureScaling("_x0042_", -0.0, 1e-7, 0.5, -1, 1));
        features.add(new FeatureScaling("=1+1", 1.0 / 7, 3, Double.NaN, 0, Double.POSITIVE_INFINITY));
        return new Model(new Network(List.of(first, second)), Optional.of(new InputPreparation(features)),
                Optional.empty(), Provenance.inMemory("test"));
    }
}
