package org.sheetnet.format.workbook;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
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
            String name = pkg.fileName();
            ModelSheets sheets = new ModelSheets(pkg);
            List<ModelSheet.Entry> entries = ModelSheet.read(sheets.find(ModelSheet.NAME).orElse(null), name);
            List<DenseLayer> layers = new ArrayList<>();
            List<ModelWorkbook.LayerSource> sources = new ArrayList<>();
            TextNumbers textNumbers = new TextNumbers();
            for (ModelSheet.Entry e : entries) {
                LabelledBlock w = block(sheets, pkg, e, e.weights(), "weights", textNumbers);
                LabelledBlock b = block(sheets, pkg, e, e.bias(), "bias", textNumbers);
                DenseLayer layer = layer(e, w, b, layers, name);
                layers.add(layer);
                sources.add(new ModelWorkbook.LayerSource(e.row(), w.range(), b.range()));
            }
            Network network = new Network(layers);
            Optional<FeaturesSheet.Preparation> preparation = features(sheets, network, name, textNumbers);
            Model model = new Model(network, preparation.map(p -> new InputPreparation(p.features())),
                    Optional.empty(), new Provenance(name, Sha256.of(file)));
            model = model.withChecks(ChecksSheet.read(sheets.find(CHECKS), model, name, textNumbers));
            return new ModelWorkbook(file, pkg, model, sources, preparation, sheets.read(), textNumbers);
        } catch (RuntimeException e) {
            pkg.close();
            throw e;
        }
    }

    // The Features sheet's numbers stored as text are counted, and stored as numbers in its copy (formulas read it).
    private static Optional<FeaturesSheet.Preparation> features(ModelSheets sheets, Network network, String file,
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
    private static LabelledBlock block(ModelSheets sheets, XlsxPackage pkg, ModelSheet.Entry e, String ref,
            String column, TextNumbers textNumbers) {
        long before = textNumbers.count();
        LabelledBlock block = block(sheets, pkg, e, ref, column, pkg.fileName(), textNumbers);
        if (textNumbers.count() > before) {
            sheets.storeTextNumbers(block.range());
        }
        return block;
    }

    private static LabelledBlock block(ModelSheets sheets, XlsxPackage pkg, ModelSheet.Entry e, String ref,
            String column, String file, TextNumbers textNumbers) {
        String at = file + ": " + e.cell(column) + ": ";
        BlockRef where = BlockRef.resolve(pkg, ref, ModelSheet.NAME, at);
        SparseSheet sheet = sheets.find(where.sheet()).orElseThrow(() -> SheetnetException.model(at + "no sheet named \""
                + where.sheet() + "\"; the workbook has: " + String.join(", ", pkg.sheetNames())));
        CellRange range = where.range() == null ? null
                : new CellRange(sheet.name(), where.range().first(), where.range().last());
        return LabelledBlock.read(sheet, range, file, textNumbers);
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
