package org.sheetnet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sheetnet.model.CheckVector;
import org.sheetnet.model.DenseLayer;
import org.sheetnet.model.Matrix;

/**
 * No public type of the API or the model hands out a mutable internal array: every public
 * array-returning method with no parameters (and the indexed ones listed) is called twice on a real
 * object, its result changed, and the object is checked unchanged.
 */
class ImmutabilityTest {

    private static final List<String> PACKAGES = List.of("org/sheetnet/api", "org/sheetnet/model");

    @Test
    void everyPublicArrayReturningMethodReturnsACopy() throws Exception {
        SheetnetModel model = Sheetnet.load(Path.of("workbooks", "seed-2-3-2-2.xlsx"));
        double[][] rows = {{1.0, 0.5}, {-2.0, 3.0}};
        Trace trace = model.trace(rows);
        DenseLayer layer = model.model().network().layers().get(0);
        CheckVector check = new CheckVector(2, "Checks row 2", new double[] {1, 2}, new double[] {3});
        List<Object> objects = List.of(model, trace, trace.layers().get(0), layer, layer.weights(), check);
        List<String> checked = new ArrayList<>();
        for (Object o : objects) {
            for (Method m : o.getClass().getMethods()) {
                if (m.getParameterCount() == 0 && m.getReturnType().isArray() && !Modifier.isStatic(m.getModifiers())) {
                    assertCopy(o, m);
                    checked.add(o.getClass().getSimpleName() + "." + m.getName());
                }
            }
        }
        assertTrue(checked.containsAll(List.of("DenseLayer.bias", "Matrix.toArray", "CheckVector.inputs",
                "CheckVector.expected", "Trace.preparedInputs", "Trace.outputs", "Layer.preActivations",
                "Layer.activations")), "methods checked: " + checked);
        // Input arrays are copied too: changing them after the call changes nothing.
        double[] bias = layer.bias();
        double[][] w = {{1, 2}, {3, 4}};
        Matrix m = Matrix.of(w);
        w[0][0] = 99;
        assertEquals(1.0, m.get(0, 0), 0.0, "Matrix.of copies its rows");
        double[] data = {1, 2};
        Matrix m2 = new Matrix(1, 2, data);
        data[0] = 99;
        assertEquals(1.0, m2.get(0, 0), 0.0, "new Matrix copies its array");
        assertEquals(Arrays.toString(bias), Arrays.toString(layer.bias()), "bias unchanged");
        double before = model.predict(rows[0])[0];
        rows[0][0] = 42;
        assertEquals(before, trace.outputs()[0][0], 0.0, "a trace does not share the caller's rows");
    }

    // Two calls give equal, distinct arrays; filling the first with garbage leaves the second call's value.
    private static void assertCopy(Object o, Method m) throws Exception {
        Object first = m.invoke(o);
        Object second = m.invoke(o);
        String name = o.getClass().getSimpleName() + "." + m.getName() + "()";
        assertFalse(first == second, name + " returns the same array twice");
        String before = Arrays.deepToString(new Object[] {second});
        scribble(first);
        assertEquals(before, Arrays.deepToString(new Object[] {m.invoke(o)}), name + " after changing its result");
    }

    private static void scribble(Object array) {
        if (array instanceof double[] d) {
            Arrays.fill(d, 12345.0);
        } else if (array instanceof double[][] dd) {
            for (double[] row : dd) {
                Arrays.fill(row, 12345.0);
            }
        } else if (array instanceof int[] i) {
            Arrays.fill(i, 12345);
        } else if (array instanceof Object[] a) {
            Arrays.fill(a, null);
        }
    }

    // The classes of the two packages, from the library's classes folder or jar (as the build puts it on the path).
    private static List<String> classNames() throws IOException {
        Path where;
        try {
            where = Path.of(SheetnetModel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(where)) {
            try (Stream<Path> all = Files.walk(where)) {
                all.forEach(p -> entries.add(where.relativize(p).toString().replace('\\', '/')));
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(where.toFile())) {
                jar.stream().forEach(e -> entries.add(e.getName()));
            }
        }
        List<String> names = new ArrayList<>();
        for (String e : entries) {
            int slash = e.lastIndexOf('/');
            if (e.endsWith(".class") && slash > 0 && PACKAGES.contains(e.substring(0, slash))) {
                names.add(e.substring(0, e.length() - ".class".length()).replace('/', '.'));
            }
        }
        return names;
    }

    @Test
    void noPublicTypeOfTheApiOrModelHasAPublicArrayField() throws IOException, ClassNotFoundException {
        List<String> types = new ArrayList<>();
        for (String className : classNames()) {
            Class<?> c = Class.forName(className);
            if (!Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            types.add(c.getSimpleName());
            for (var field : c.getFields()) {
                assertFalse(field.getType().isArray(), c.getName() + "." + field.getName() + " is a public array");
            }
            // A record's array component would be handed out by its accessor unless it copies.
            if (c.isRecord()) {
                for (var component : c.getRecordComponents()) {
                    assertTrue(!component.getType().isArray() || c == DenseLayer.class, c.getName()
                            + " has an array component " + component.getName() + " (DenseLayer's bias accessor copies;"
                            + " checked above)");
                }
            }
        }
        assertTrue(types.containsAll(List.of("SheetnetModel", "Trace", "Matrix", "DenseLayer", "Model")),
                "public types found: " + types);
    }
}
