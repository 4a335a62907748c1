package org.sheetnet.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "Use it as a library" example compiles against the library and runs, exactly as printed. */
class ReadmeLibraryExampleTest {

    private static final String BEGIN = "<!-- library-example:begin -->";
    private static final String END = "<!-- library-example:end -->";

    @TempDir
    Path dir;

    @Test
    void theReadmeSnippetCompilesAndRuns() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf(BEGIN);
        int to = readme.indexOf(END);
        assertTrue(from >= 0 && to > from, "README.md has the library example between its markers");
        String block = readme.substring(from + BEGIN.length(), to).strip();
        assertTrue(block.startsWith("```java\n") && block.endsWith("```"), "a java code block: " + block);
        String source = block.substring("```java\n".length(), block.length() - 3);
        assertTrue(source.lines().count() <= 20, "about 15 lines: " + source.lines().count());
        Path file = dir.resolve("Embed.java");
        Files.writeString(file, source, StandardCharsets.UTF_8);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "-classpath", classpath, "-d", dir.toString(), file.toString());
        assertEquals(0, status, "javac of the README snippet: " + errors);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("Embed").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), "lines printed: " + lines);
        assertEquals("[x1, x2] -> " + Sheetnet.load(Path.of("workbooks/seed-2-3-2-2.xlsx")).outputNames(), lines.get(0),
                "first line: the names");
        // y[0] for (1.0, 0.5), as the perceptron article's numpy run prints it (8 significant digits).
        double y0 = Double.parseDouble(lines.get(1).split(" ")[0]);
        assertEquals(0.31682708, y0, 5e-9, "y[0] printed by the snippet");
    }
}
