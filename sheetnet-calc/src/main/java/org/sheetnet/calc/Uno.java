package org.sheetnet.calc;

import com.sun.star.uno.UnoRuntime;

/** Queries UNO interfaces. */
final class Uno {

    private Uno() {
    }

    /**
     * The object's interface of that type.
     *
     * @throws IllegalStateException when the object does not have it (a programming error, not bad input)
     */
    static <T> T as(Class<T> type, Object object) {
        T t = UnoRuntime.queryInterface(type, object);
        if (t == null) {
            throw new IllegalStateException("the UNO object has no " + type.getSimpleName());
        }
        return t;
    }
}
