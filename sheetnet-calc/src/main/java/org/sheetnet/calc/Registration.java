package org.sheetnet.calc;

import com.sun.star.lang.XSingleComponentFactory;
import com.sun.star.lib.uno.helper.Factory;

/** The class the jar's manifest names (RegistrationClassName): LibreOffice asks it for the factories. */
public final class Registration {

    private Registration() {
    }

    /**
     * The factory of an implementation.
     *
     * @param implementation its name, as in sheetnet.components
     * @return the factory, or null for a name this extension does not implement
     */
    public static XSingleComponentFactory __getComponentFactory(String implementation) {
        if (SheetnetDispatch.IMPLEMENTATION.equals(implementation)) {
            return Factory.createComponentFactory(SheetnetDispatch.class, SheetnetDispatch.SERVICES);
        }
        if (SheetnetFunctions.IMPLEMENTATION.equals(implementation)) {
            return Factory.createComponentFactory(SheetnetFunctions.class, SheetnetFunctions.SERVICES);
        }
        return null;
    }
}
