package org.sheetnet.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sheetnet.model.Network;

/**
 * A network read from a model workbook, with where each layer's parameters came from. Keeps the
 * workbook open (read-only) so that its sheets can be copied to the output and its Inputs read.
 *
 * @param file     the workbook's path
 * @param workbook the open workbook; closed by {@link #close()}, never saved
 * @param network  the network it describes
 * @param sources  one entry per layer: the cells its weights and bias were read from
 * @param preparation the Features sheet's preparation of the inputs, if the workbook has one
 */
public record ModelWorkbook(Path file, XSSFWorkbook workbook, Network network, List<LayerSource> sources,
        Optional<FeaturesSheet.Preparation> preparation) implements Closeable {

    /**
     * Where a layer's parameters stand in the workbook.
     *
     * @param modelRow  the layer's row in the Model sheet, from 0
     * @param weights   the cells holding W's numbers
     * @param bias      the cells holding b's numbers
     */
    public record LayerSource(int modelRow, CellRange weights, CellRange bias) {
    }

    @Override
    public void close() throws IOException {
        // Reverting instead of closing guarantees that POI never writes to the input file.
        workbook.getPackage().revert();
    }
}
