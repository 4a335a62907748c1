package org.sheetnet.format.workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.sheetnet.SheetnetException;
import org.sheetnet.activation.Activation;
import org.sheetnet.activation.Activations;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.InputPreparation;
import org.sheetnet.model.Model;
import org.sheetnet.model.Provenance;
import org.sheetnet.model.Matrix;
import org.sheetnet.model.Network;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.xlsx.XlsxPackage;
import org.sheetnet.files.Sha256;
import org.sheetnet.input.ChecksSheet;
import org.sheetnet.input.TextNumbers;
import org.sheetnet.sheet.CellRange;
import org.sheetnet.sheet.CellRef;

/**
 * Reads a {@link Model} from a model workbook: the {@code Model} sheet lists the layers, and each names
 * the sheet or range of its weights (n_in × n_out) and bias (n_out values). Only the sheets named
 * (and Features and Checks) are read, through the hardened reader of {@link org.sheetnet.xlsx}.
 */
public final class ModelReader {

    /** The sheet of check vectors, read with the model so that it is copied to the output. */
    public static final String CHECKS = "Checks";

    private ModelReader() {
    }

    /**
     * Opens and validates a model workbook.
     *
     * @throws SheetnetException (FILE) if it is not a readable workbook, (MODEL) if the model is malformed,
     *                           naming the cell at fault
     */
    public static ModelWorkbook read(Path file) {
        XlsxPackage pkg = XlsxPackage.open(file);
        try {
            ModelSheets sheets = new ModelSheets(pkg);
            Sheets source = new Sheets() {
                @Override
                public Optional<SparseSheet> find(String name) {
                    return sheets.find(name);
                }

                @Override
                public List<String> names() {
                    return pkg.sheetNames();
                }

                @Override
                public BlockRef resolve(String ref, String at) {
                    return BlockRef.resolve(pkg, ref, ModelSheet.NAME, at);
                }

                @Override
                public void storeTextNumbers(CellRange block) {
                    sheets.storeTextNumbers(block);
                }
            };
            TextNumbers textNumbers = new TextNumbers();
            Supplier<String> sha256 = Sha256.later(file);
            Parts parts = read(pkg.fileName(), source, textNumbers);
            Model model = parts.model(new Provenance(pkg.fileName(), sha256.get()), source, pkg.fileName(),
                    textNumbers);
            return new ModelWorkbook(file, pkg, model, parts.sources(), parts.preparation(), sheets.read(),
                    textNumbers);
        } catch (RuntimeException | Error e) {
            // Out of memory too: an open part may hold a reading thread and its buffers.
            pkg.close();
            throw e;
        }
    }

    /**
     * Reads a model from sheets already in memory (a document open in a spreadsheet program), by the
     * same rules as {@link #read(Path)}; each sheet is asked for once, when first named. Such sheets
     * have no defined names: a Model sheet cell names a sheet or a range.
     *
     * @param name       the workbook's name, for messages
     * @param lookup     its sheets
     * @param provenance what the Audit sheet names as the model's source
     * @return the model, with no file or package ({@link ModelWorkbook#file()} and {@code pkg()} are null)
     * @throws SheetnetException (MODEL) if the model is malformed, naming the cell at fault
     */
    public static ModelWorkbook read(String name, SheetLookup lookup, Provenance provenance) {
        Map<String, Optional<SparseSheet>> read = new HashMap<>();
        Sheets source = new Sheets() {
            @Override
            public Optional<SparseSheet> find(String sheet) {
                return read.computeIfAbsent(sheet, lookup::find);
            }

            @Override
            public List<String> names() {
                return lookup.sheetNames();
            }

            @Override
            public BlockRef resolve(String ref, String at) {
                return BlockRef.resolveWithoutNames(ref, at);
            }
        };
        TextNumbers textNumbers = new TextNumbers();
        Parts parts = read(name, source, textNumbers);
        Model model = parts.model(provenance, source, name, textNumbers);
        // The sheets read, each once (a name may have been asked for in two spellings), in the workbook's order.
        List<SparseSheet> sheets = read.values().stream().flatMap(Optional::stream).distinct()
                .sorted(Comparator.comparingInt(s -> lookup.sheetNames().indexOf(s.name()))).toList();
        return new ModelWorkbook(null, null, model, parts.sources(), parts.preparation(), sheets, textNumbers);
    }

    /** Where the reader finds the sheets and blocks a Model sheet names: a file's package, or a document's sheets. */
    private interface Sheets {

        Optional<SparseSheet> find(String name);

        List<String> names();

        BlockRef resolve(String ref, String at);

        /** Keeps, in the sheet copied to the output, the numbers read from text in that block. */
        default void storeTextNumbers(CellRange block) {
        }
    }

    // The layers and preparation; the check vectors are read once the model exists (they are matched to it).
    private record Parts(Network network, List<ModelWorkbook.LayerSource> sources,
            Optional<FeaturesSheet.Preparation> preparation) {

        Model model(Provenance provenance, Sheets sheets, String name, TextNumbers textNumbers) {
            Model model = new Model(network, preparation.map(p -> new InputPreparation(p.features())),
                    Optional.empty(), provenance);
            return model.withChecks(ChecksSheet.read(sheets.find(CHECKS), model, name, textNumbers));
        }
    }

    private static Parts read(String name, Sheets sheets, TextNumbers textNumbers) {
        List<ModelSheet.Entry> entries = ModelSheet.read(sheets.find(ModelSheet.NAME).orElse(null), name);
        List<DenseLayer> layers = new ArrayList<>();
        List<ModelWorkbook.LayerSource> sources = new ArrayList<>();
        for (ModelSheet.Entry e : entries) {
            LabelledBlock w = block(sheets, e, e.weights(), "weights", name, textNumbers);
            LabelledBlock b = block(sheets, e, e.bias(), "bias", name, textNumbers);
            DenseLayer layer = layer(e, w, b, layers, name);
            layers.add(layer);
            sources.add(new ModelWorkbook.LayerSource(e.row(), w.range(), b.range()));
        }
        Network network = new Network(layers);
        return new Parts(network, sources, features(sheets, network, name, textNumbers));
    }

    // The Features sheet's numbers stored as text are counted, and stored as numbers in its copy (formulas read it).
    private static Optional<FeaturesSheet.Preparation> features(Sheets sheets, Network network, String file,
            TextNumbers textNumbers) {
        long before = textNumbers.count();
        Optional<SparseSheet> sheet = sheets.find(FeaturesSheet.NAME);
        Optional<FeaturesSheet.Preparation> preparation = FeaturesSheet.read(sheet, network, file, textNumbers);
        if (textNumbers.count() > before) {
            for (String column : List.of("offset", "scale", "default", "min", "max")) {
                Integer c = preparation.get().columns().get(column);
                if (c != null) {
                    sheets.storeTextNumbers(new CellRange(sheet.get().name(), new CellRef(0, c),
                            new CellRef(Math.max(0, sheet.get().lastRow()), c)));
                }
            }
        }
        return preparation;
    }

    // A block's numbers stored as text are counted, and stored as numbers in the sheet copied to the output.
    private static LabelledBlock block(Sheets sheets, ModelSheet.Entry e, String ref, String column, String file,
            TextNumbers textNumbers) {
        String at = file + ": " + e.cell(column) + ": ";
        BlockRef where = sheets.resolve(ref, at);
        SparseSheet sheet = sheets.find(where.sheet()).orElseThrow(() -> SheetnetException.model(at + "no sheet named \""
                + where.sheet() + "\"; the workbook has: " + String.join(", ", sheets.names())));
        CellRange range = where.range() == null ? null
                : new CellRange(sheet.name(), where.range().first(), where.range().last());
        long before = textNumbers.count();
        LabelledBlock block = LabelledBlock.read(sheet, range, file, textNumbers);
        if (textNumbers.count() > before) {
            sheets.storeTextNumbers(block.range());
        }
        return block;
    }

    private static DenseLayer layer(ModelSheet.Entry e, LabelledBlock w, LabelledBlock b,
            List<DenseLayer> previous, String file) {
        String at = file + ": " + e.cell("layer") + " (" + e.layer() + "): ";
        if (!previous.isEmpty()) {
            DenseLayer last = previous.get(previous.size() - 1);
            if (w.rows() != last.outputWidth()) {
                throw SheetnetException.model(at + w.range() + " has " + w.rows() + " rows, but layer "
                        + previous.size() + " (" + last.name() + ") has " + last.outputWidth() + " outputs");
            }
        }
        if (b.rows() != 1 && b.cols() != 1) {
            throw SheetnetException.model(at + "bias " + b.range() + " is " + b.rows() + "x" + b.cols()
                    + "; a bias is one row or one column of numbers");
        }
        if (b.values().length != w.cols()) {
            throw SheetnetException.model(at + "bias " + b.range() + " has " + b.values().length
                    + " values, but weights " + w.range() + " have " + w.cols() + " columns (units)");
        }
        Activation activation = activation(e, file);
        try {
            activation.outputWidth(w.cols());
        } catch (IllegalArgumentException ex) {
            throw SheetnetException.model(at + ex.getMessage());
        }
        return new DenseLayer(e.layer(), new Matrix(w.rows(), w.cols(), w.values()), b.values(), activation,
                w.rowNames(), unitNames(w.colNames(), w.cols()));
    }

    private static Activation activation(ModelSheet.Entry e, String file) {
        String at = file + ": " + e.cell("activation") + ": ";
        OptionalDouble alpha = e.alpha() == null ? OptionalDouble.empty() : OptionalDouble.of(e.alpha());
        try {
            return Activations.find(e.activation(), alpha).orElseThrow(() -> SheetnetException.model(at
                    + "unknown activation \"" + e.activation() + "\"; known: " + String.join(", ", Activations.known())));
        } catch (IllegalArgumentException ex) {
            throw SheetnetException.model(at + ex.getMessage());
        }
    }

    // Units without a name in the weights header get u1, u2, … so every column has a header.
    private static List<String> unitNames(List<String> header, int units) {
        List<String> names = new ArrayList<>(units);
        for (int j = 0; j < units; j++) {
            String n = header.isEmpty() ? "" : header.get(j);
            names.add(n.isEmpty() ? "u" + (j + 1) : n);
        }
        return names;
    }
}
