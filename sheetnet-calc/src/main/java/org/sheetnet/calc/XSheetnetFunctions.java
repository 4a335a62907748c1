package org.sheetnet.calc;

import com.sun.star.beans.XPropertySet;
import com.sun.star.lib.uno.typeinfo.MethodTypeInfo;
import com.sun.star.lib.uno.typeinfo.TypeInfo;
import com.sun.star.uno.XInterface;

/**
 * The cell functions' UNO interface, as javamaker generates it from {@code idl/XSheetnetFunctions.idl}
 * (whose type library, {@code sheetnet.rdb}, the extension carries; see {@code src/main/idl/build-rdb.sh}).
 */
public interface XSheetnetFunctions extends XInterface {

    /**
     * SHEETNET.PREDICT(model_sheet; inputs).
     *
     * @param document the document (Calc passes it; the user does not see this argument)
     * @param model    the sheet listing the layers; blank for {@code Model}
     * @param inputs   rows of raw inputs, optionally under a header row naming them
     * @return one row of outputs per input row, under a header row of output names when the inputs have one
     */
    Object[][] predict(XPropertySet document, String model, Object[][] inputs);

    /**
     * SHEETNET.ACT(name; x; [parameter]).
     *
     * @param name      a Keras activation name, e.g. {@code gelu}
     * @param x         pre-activations; row-wise activations (softmax, …) act on each row
     * @param parameter the activation's parameter (alpha), or void for its default
     * @return the activations, a row per row of {@code x}
     */
    double[][] act(String name, double[][] x, Object parameter);

    /** The type details Java's reflection cannot give: predict returns an {@code any} array. */
    TypeInfo[] UNOTYPEINFO = {new MethodTypeInfo("predict", 0, TypeInfo.ANY), new MethodTypeInfo("act", 1, 0)};
}
