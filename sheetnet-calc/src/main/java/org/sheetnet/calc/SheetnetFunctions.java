package org.sheetnet.calc;

import com.sun.star.beans.XPropertySet;
import com.sun.star.lang.Locale;
import com.sun.star.lang.XLocalizable;
import com.sun.star.lang.XServiceInfo;
import com.sun.star.lang.XServiceName;
import com.sun.star.lib.uno.helper.WeakBase;
import com.sun.star.sheet.XAddIn;
import com.sun.star.sheet.XSpreadsheetDocument;
import com.sun.star.uno.AnyConverter;
import com.sun.star.uno.UnoRuntime;
import com.sun.star.uno.XComponentContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.sheetnet.SheetnetException;
import org.sheetnet.api.Sheetnet;
import org.sheetnet.format.workbook.ModelReader;
import org.sheetnet.format.workbook.SheetLookup;
import org.sheetnet.model.Provenance;
import org.sheetnet.xlsx.SparseSheet;

/**
 * The Calc add-in: {@code SHEETNET.PREDICT(model_sheet; inputs)} scores rows of inputs with the model
 * the document describes, and {@code SHEETNET.ACT(name; x; [parameter])} applies any of sheetnet's
 * activations. A problem with the model or the inputs shows as its one-line message in the first cell.
 */
public final class SheetnetFunctions extends WeakBase
        implements XSheetnetFunctions, XAddIn, XServiceName, XServiceInfo, XLocalizable {

    /** The implementation name, as in sheetnet.components. */
    public static final String IMPLEMENTATION = SheetnetFunctions.class.getName();
    static final String[] SERVICES = {"com.sun.star.sheet.AddIn", IMPLEMENTATION};

    private static final String CATEGORY = "Add-In";
    private static final Map<String, String> DISPLAY = Map.of("predict", "SHEETNET.PREDICT", "act", "SHEETNET.ACT");
    private static final Map<String, String> DESCRIPTION = Map.of(
            "predict", "Scores rows of inputs with the neural network the document's model sheet describes",
            "act", "Applies a Keras activation (gelu, swish, softmax, …) to each value, or to each row");
    private static final Map<String, List<String[]>> ARGUMENTS = Map.of(
            "predict", List.of(new String[] {"document", ""},
                    new String[] {"model_sheet", "The sheet listing the layers; empty for \"Model\""},
                    new String[] {"inputs", "Rows of inputs, optionally under a header row naming them"}),
            "act", List.of(new String[] {"name", "The activation's name, such as \"gelu\""},
                    new String[] {"x", "A number, or a range of pre-activations (row-wise activations act on each row)"},
                    new String[] {"parameter", "The activation's parameter (alpha); omitted for its default"}));

    private Locale locale = new Locale("en", "US", "");

    /** Made by LibreOffice. */
    public SheetnetFunctions(XComponentContext context) {
        // Nothing to keep: each call reads what it needs from its document.
    }

    @Override
    public Object[][] predict(XPropertySet document, String model, Object[][] inputs) {
        try {
            XSpreadsheetDocument doc = Uno.as(XSpreadsheetDocument.class, document);
            OpenDocument open = OpenDocument.of(doc);
            SheetLookup sheets = modelSheet(open.sheets(), model);
            return CellFunctions.predict(Sheetnet.of(ModelReader.read(open.name(), sheets,
                    new Provenance(open.name(), "")).model()), inputs);
        } catch (SheetnetException e) {
            return new Object[][] {{"sheetnet: " + e.getMessage()}};
        }
    }

    // The model's layer list on another sheet than Model: that sheet is read where the reader asks for Model.
    private static SheetLookup modelSheet(DocumentSheets sheets, String model) {
        if (model == null || model.isBlank() || model.trim().equalsIgnoreCase("Model")) {
            return sheets;
        }
        return new SheetLookup() {
            @Override
            public List<String> sheetNames() {
                return sheets.sheetNames();
            }

            @Override
            public Optional<SparseSheet> find(String name) {
                return sheets.find(name.equals("Model") ? model.trim() : name);
            }
        };
    }

    @Override
    public double[][] act(String name, double[][] x, Object parameter) {
        OptionalDouble alpha = OptionalDouble.empty();
        if (parameter != null && !AnyConverter.isVoid(parameter)) {
            try {
                alpha = OptionalDouble.of(AnyConverter.toDouble(parameter));
            } catch (com.sun.star.lang.IllegalArgumentException e) {
                throw new com.sun.star.uno.RuntimeException("SHEETNET.ACT: the parameter must be a number");
            }
        }
        try {
            return CellFunctions.act(name, x, alpha);
        } catch (IllegalArgumentException e) {
            throw new com.sun.star.uno.RuntimeException("SHEETNET.ACT: " + e.getMessage());
        }
    }

    @Override
    public String getProgrammaticFuntionName(String display) {
        return DISPLAY.entrySet().stream().filter(e -> e.getValue().equalsIgnoreCase(display)).map(Map.Entry::getKey)
                .findFirst().orElse("");
    }

    @Override
    public String getDisplayFunctionName(String programmatic) {
        return DISPLAY.getOrDefault(programmatic, "");
    }

    @Override
    public String getFunctionDescription(String programmatic) {
        return DESCRIPTION.getOrDefault(programmatic, "");
    }

    @Override
    public String getDisplayArgumentName(String programmatic, int argument) {
        return argument(programmatic, argument, 0);
    }

    @Override
    public String getArgumentDescription(String programmatic, int argument) {
        return argument(programmatic, argument, 1);
    }

    private static String argument(String programmatic, int argument, int part) {
        List<String[]> arguments = ARGUMENTS.getOrDefault(programmatic, List.of());
        return argument >= 0 && argument < arguments.size() ? arguments.get(argument)[part] : "";
    }

    @Override
    public String getProgrammaticCategoryName(String programmatic) {
        return CATEGORY;
    }

    @Override
    public String getDisplayCategoryName(String programmatic) {
        return CATEGORY;
    }

    @Override
    public String getServiceName() {
        return IMPLEMENTATION;
    }

    @Override
    public String getImplementationName() {
        return IMPLEMENTATION;
    }

    @Override
    public boolean supportsService(String service) {
        return List.of(SERVICES).contains(service);
    }

    @Override
    public String[] getSupportedServiceNames() {
        return SERVICES.clone();
    }

    @Override
    public void setLocale(Locale locale) {
        this.locale = locale;
    }

    @Override
    public Locale getLocale() {
        return locale;
    }
}
