package org.sheetnet.format.workbook;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.sheetnet.input.TextNumbers;
import org.sheetnet.model.Model;
import org.sheetnet.model.Network;
import org.sheetnet.xlsx.SparseSheet;
import org.sheetnet.xlsx.XlsxPackage;
import org.sheetnet.sheet.CellRange;

/**
 * A network read from a model workbook, with where each layer's parameters came from. Holds the
 * sheets that were read (Model, the parameter sheets, Features, Checks), whose values are copied to
 * the output, and keeps the package open (read-only) so that an Inputs sheet can be streamed.
 *
 * @param file        the workbook's path; null for sheets read from a document in memory
 * @param pkg         the open package; closed by {@link #close()}, never written; null as {@code file}
 * @param model       the model it describes, detached from the workbook
 * @param sources     one entry per layer: the cells its weights and bias were read from
 * @param preparation the Features sheet with the cell of each number (for formulas), if the workbook has one
 * @param sheets      the sheets read, in the workbook's order; a parameter's number stored as text is
 *                    held as the number read
 * @param textNumbers the cells of weights, bias and check vectors that held numbers stored as text, read as
 *                    numbers
 */
public record ModelWorkbook(Path file, XlsxPackage pkg, Model model, List<LayerSource> sources,
        Optional<FeaturesSheet.Preparation> preparation, List<SparseSheet> sheets, TextNumbers textNumbers)
        implements Closeable {

    /**
     * Where a layer's parameters stand in the workbook.
     *
     * @param modelRow  the layer's row in the Model sheet, from 0
     * @param weights   the cells holding W's numbers
     * @param bias      the cells holding b's numbers
     */
    public record LayerSource(int modelRow, CellRange weights, CellRange bias) {
    }

    /** The model's layers. */
    public Network network() {
        return model.network();
    }

    /** A sheet that was read, by name (exact, then ignoring case). */
    public Optional<SparseSheet> sheet(String name) {
        Optional<SparseSheet> exact = sheets.stream().filter(s -> s.name().equals(name)).findFirst();
        return exact.isPresent() ? exact : sheets.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }

    @Override
    public void close() {
        if (pkg != null) {
            pkg.close();
        }
    }
}
