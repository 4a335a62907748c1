package org.sheetnet.format.workbook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sheetnet.SheetnetException;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Provenance;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.xlsx.XlsxPackage;

/**
 * {@link ModelReader#read(String, SheetLookup, Provenance)}, the reader of sheets held elsewhere (a
 * document open in LibreOffice Calc), gives the model the file reader gives, to the bit.
 */
class ModelReaderLookupTest {

    /** The sheets of a workbook file behind a lookup that counts how often each is asked for. */
    private static final class CountingLookup implements SheetLookup {
        private final List<String> names;
        private final Map<String, SparseSheet> sheets = new HashMap<>();
        private final Map<String, Integer> asked = new HashMap<>();

        CountingLookup(Path file) {
            try (XlsxPackage pkg = XlsxPackage.open(file)) {
                names = new ArrayList<>(pkg.sheetNames());
                ModelSheets read = new ModelSheets(pkg);
                for (String n : names) {
                    read.find(n).ifPresent(s -> sheets.put(n, s));
                }
            }
        }

        @Override
        public List<String> sheetNames() {
            return names;
        }

        @Override
        public Optional<SparseSheet> find(String name) {
            asked.merge(name, 1, Integer::sum);
            return Optional.ofNullable(sheets.get(name));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"seed-2-3-2-2.xlsx", "regression-4-20-10-1.xlsx", "sine-1-20-1.xlsx", "logic-gates.xlsx"})
    void givesTheModelTheFileReaderGives(String workbook) {
        Path file = Path.of("workbooks", workbook);
        CountingLookup lookup = new CountingLookup(file);
        ModelWorkbook fromLookup = ModelReader.read(workbook, lookup, new Provenance(workbook, "doc"));
        try (ModelWorkbook fromFile = ModelReader.read(file)) {
            List<DenseLayer> expected = fromFile.network().layers();
            List<DenseLayer> got = fromLookup.network().layers();
            assertEquals(expected.size(), got.size(), "layers");
            for (int k = 0; k < expected.size(); k++) {
                String layer = "layer " + (k + 1) + ": ";
                assertArrayEquals(expected.get(k).weights().toArray(), got.get(k).weights().toArray(), layer + "weights");
                assertArrayEquals(expected.get(k).bias(), got.get(k).bias(), layer + "bias");
                assertEquals(expected.get(k).activation().describe(), got.get(k).activation().describe(),
                        layer + "activation");
                assertEquals(expected.get(k).outputNames(), got.get(k).outputNames(), layer + "output names");
            }
            assertEquals(fromFile.sources(), fromLookup.sources(), "where each layer's parameters are");
            assertEquals(fromFile.model().inputNames(), fromLookup.model().inputNames(), "input names");
            assertEquals(fromFile.sheets().stream().map(SparseSheet::name).toList(),
                    fromLookup.sheets().stream().map(SparseSheet::name).toList(), "sheets read, in order");
        }
        assertNull(fromLookup.file(), "no file behind a lookup");
        fromLookup.close();
        assertEquals(new ArrayList<>(lookup.asked.values()).stream().filter(n -> n > 1).toList(), List.of(),
                "each sheet asked for once: " + lookup.asked);
    }

    @Test
    void aMissingParameterSheetNamesTheSheetsThereAre() {
        CountingLookup lookup = new CountingLookup(Path.of("workbooks", "seed-2-3-2-2.xlsx"));
        lookup.sheets.remove("W2");
        lookup.names.remove("W2");
        SheetnetException e = assertThrows(SheetnetException.class,
                () -> ModelReader.read("open.ods", lookup, new Provenance("open.ods", "")));
        assertEquals("open.ods: Model!B3: no sheet named \"W2\"; the workbook has: Model, W1, b1, b2, W3, b3, Inputs",
                e.getMessage(), "message");
    }
}
