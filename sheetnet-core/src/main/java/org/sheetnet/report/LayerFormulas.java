package org.sheetnet.report;

import java.util.List;
import java.util.Optional;
import org.sheetnet.activation.FormulaRefs;
import org.sheetnet.sheet.CellRange;
import org.sheetnet.sheet.CellRef;
import org.sheetnet.format.workbook.FeaturesSheet;
import org.sheetnet.format.workbook.ModelWorkbook;
import org.sheetnet.sheet.SheetName;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Network;

/**
 * The Excel formulas of the output sheets, one cell at a time. A pre-activation is
 * {@code =MMULT(<previous row>, <weights column>) + <bias cell>} ({@code =(<x>*<w>)+<b>} for a layer of one
 * input): the previous layer's row (relative
 * row, absolute columns) times the unit's column of W (absolute), plus its bias cell (absolute), all
 * in the sheets copied from the model. Formulas keep one length whatever the layer's width.
 */
final class LayerFormulas {

    private final Network network;
    private final List<ModelWorkbook.LayerSource> sources;
    private final FeaturesSheet.Preparation preparation;
    private final int[] featureColumns;
    private final int ids;

    /**
     * @param network        the network
     * @param sources        where each layer's parameters are in the (copied) model sheets
     * @param preparation    the Features sheet (copied to the output), if the model has one
     * @param featureColumns for each network input, its column in the Inputs sheet
     * @param ids            number of id columns before the values in every layer sheet
     */
    LayerFormulas(Network network, List<ModelWorkbook.LayerSource> sources,
            Optional<FeaturesSheet.Preparation> preparation, int[] featureColumns, int ids) {
        this.network = network;
        this.sources = sources;
        this.preparation = preparation.orElse(null);
        this.featureColumns = featureColumns.clone();
        this.ids = ids;
    }

    /**
     * The sheet of the features in the network's order, which layer 1's formulas read:
     * {@code L0_prepared} when a Features sheet prepares them, {@code L0_inputs} otherwise.
     */
    String featureSheet() {
        return preparation == null ? "L0_inputs" : "L0_prepared";
    }

    /**
     * Feature i of the row at 0-based sheet row {@code row}: {@code =Inputs!D7}, or prepared,
     * {@code =(IF(ISBLANK(Inputs!D7),Features!$D$3,Inputs!D7)-Features!$B$3)/Features!$C$3}.
     */
    String feature(int row, int i) {
        String raw = SheetName.cell("Inputs", new CellRef(row, featureColumns[i]));
        if (preparation == null) {
            return raw;
        }
        String sheet = SheetName.quote(FeaturesSheet.NAME) + "!";
        if (preparation.features().get(i).hasDefault()) {
            raw = "IF(ISBLANK(" + raw + ")," + sheet + preparation.cell(i, "default").absolute() + "," + raw + ")";
        }
        return "(" + raw + "-" + sheet + preparation.cell(i, "offset").absolute() + ")/" + sheet
                + preparation.cell(i, "scale").absolute();
    }

    /** Pre-activation of unit j of layer k (from 1), in the row at 0-based sheet row {@code row}. */
    String pre(int k, int row, int j) {
        DenseLayer layer = network.layers().get(k - 1);
        String previous = k == 1 ? featureSheet() : LayerSheets.act(k - 1);
        String x = rowRange(previous, row, layer.inputWidth());
        CellRange w = sources.get(k - 1).weights();
        CellRange column = new CellRange(w.sheet(), w.cell(0, j), w.cell(w.rows() - 1, j));
        CellRange b = sources.get(k - 1).bias();
        CellRef bias = b.rows() == 1 ? b.cell(0, j) : b.cell(j, 0);
        String plus = ")+" + SheetName.quote(b.sheet()) + "!" + bias.absolute();
        if (layer.inputWidth() == 1) {
            // One input: x·w + b. POI's MMULT gives #VALUE! on single cells, which it takes for references.
            String only = SheetName.quote(previous) + "!$" + CellRef.columnName(ids) + (row + 1);
            return "(" + only + "*" + SheetName.quote(column.sheet()) + "!"
                    + column.first().absolute() + plus;
        }
        return "MMULT(" + x + "," + SheetName.quote(column.sheet()) + "!" + column.first().absolute() + ":"
                + column.last().absolute() + plus;
    }

    /** Excel refuses formulas longer than this many characters. */
    static final int MAX_FORMULA_LENGTH = 8192;

    /**
     * Activation j of layer k as a formula over its pre-activation sheet; empty if the activation has no
     * formula form, or if its formula would be too long for Excel (softmax over very many units).
     */
    Optional<String> act(int k, int row, int j) {
        return actFormula(k, row, j).filter(f -> f.length() < MAX_FORMULA_LENGTH);
    }

    private Optional<String> actFormula(int k, int row, int j) {
        DenseLayer layer = network.layers().get(k - 1);
        String sheet = LayerSheets.pre(k);
        int units = layer.units();
        return layer.activation().formula(new FormulaRefs() {
            @Override
            public String cell(int unit) {
                return SheetName.cell(sheet, new CellRef(row, ids + unit));
            }

            @Override
            public int units() {
                return units;
            }

            @Override
            public String row() {
                return rowRange(sheet, row, units);
            }
        }, j);
    }

    /** {@code =L3_act!B7}: output j. */
    String output(int row, int j) {
        return SheetName.cell(LayerSheets.act(network.depth()), new CellRef(row, ids + j));
    }

    /** The unit name of the largest output: INDEX(header, MATCH(MAX(row), row, 0)). */
    String predictedClass(int row) {
        String sheet = SheetName.quote(LayerSheets.act(network.depth()));
        int width = network.outputLayer().outputWidth();
        CellRef first = new CellRef(0, ids);
        CellRef last = new CellRef(0, ids + width - 1);
        String values = rowRange(LayerSheets.act(network.depth()), row, width);
        return "INDEX(" + sheet + "!" + first.absolute() + ":" + last.absolute() + ",1,MATCH(MAX(" + values + "),"
                + values + ",0))";
    }

    /** {@code L1_act!$B7:$D7}: the values of one row, columns absolute so the formula reads well when copied down. */
    private String rowRange(String sheet, int row, int width) {
        String first = "$" + CellRef.columnName(ids) + (row + 1);
        String last = "$" + CellRef.columnName(ids + width - 1) + (row + 1);
        return SheetName.quote(sheet) + "!" + first + ":" + last;
    }
}
