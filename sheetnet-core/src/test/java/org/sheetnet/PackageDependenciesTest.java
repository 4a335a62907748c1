package org.sheetnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layout holds: the inner packages (the model, the engine, the front door) know no file
 * format library and no command line, and no two packages import each other, directly or around a
 * circle (links in comments do not count). Read from the library's sources, so that a new import breaks the build, not the review.
 */
class PackageDependenciesTest {

    /** Packages that must stay free of POI, Commons CSV, jHDF and picocli ("" is org.sheetnet itself). */
    private static final List<String> INNER = List.of("", "api", "model", "activation", "engine");
    private static final List<String> FORBIDDEN = List.of("org.apache.poi", "org.apache.commons.csv", "io.jhdf",
            "picocli", "com.google.protobuf", "org.sheetnet.format.onnx.proto");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
    private static final Pattern SHEETNET_TYPE = Pattern.compile("\\borg\\.sheetnet\\.((?:[a-z]\\w*\\.)*)[A-Z]");

    @Test
    void innerPackagesImportNoFormatLibraryAndNoCommandLine() {
        Map<String, List<String>> imports = importsByPackage(librarySources());
        assertTrue(imports.keySet().containsAll(INNER), "inner packages found: " + imports.keySet());
        List<String> offending = new ArrayList<>();
        for (String pkg : INNER) {
            for (String imported : imports.get(pkg)) {
                if (FORBIDDEN.stream().anyMatch(f -> imported.startsWith(f + "."))
                        || imported.startsWith("org.sheetnet.cli.")) {
                    offending.add(name(pkg) + " imports " + imported);
                }
            }
        }
        assertEquals(List.of(), offending, "imports of POI, Commons CSV, jHDF, picocli, protobuf or cli in inner packages");
    }

    @Test
    void noImportCyclesBetweenPackages() {
        Map<String, Set<String>> uses = new TreeMap<>();
        importsByPackage(librarySources()).forEach((pkg, imported) -> {
            Set<String> targets = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
            for (String type : imported) {
                Matcher m = SHEETNET_TYPE.matcher(type);
                if (m.lookingAt()) {
                    String target = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
                    if (!target.equals(pkg)) {
                        targets.add(target);
                    }
                }
            }
        });
        assertTrue(uses.get("format.workbook").contains("model"), "the graph is read: format.workbook uses model");
        for (String start : uses.keySet()) {
            List<String> cycle = cycleThrough(start, uses);
            assertEquals(List.of(), cycle, "import cycle through " + name(start));
        }
    }

    /** A path from start back to start through the package graph, or an empty list. */
    private static List<String> cycleThrough(String start, Map<String, Set<String>> uses) {
        List<List<String>> paths = new ArrayList<>(List.of(List.of(start)));
        Set<String> seen = new HashSet<>();
        while (!paths.isEmpty()) {
            List<String> path = paths.remove(0);
            for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
                List<String> longer = new ArrayList<>(path);
                longer.add(next);
                if (next.equals(start)) {
                    return longer.stream().map(PackageDependenciesTest::name).toList();
                }
                if (seen.add(next)) {
                    paths.add(longer);
                }
            }
        }
        return List.of();
    }

    /** Every org.sheetnet type or library type each package names, by import or written out in full. */
    private static Map<String, List<String>> importsByPackage(Path root) {
        Path base = root.resolve("org/sheetnet");
        Map<String, List<String>> byPackage = new TreeMap<>();
        try (Stream<Path> files = Files.walk(base)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String relative = base.relativize(file.getParent()).toString().replace('/', '.');
                // A link in a comment is not a dependency: only code counts.
                String text = COMMENT.matcher(Files.readString(file)).replaceAll(" ");
                List<String> names = byPackage.computeIfAbsent(relative, p -> new ArrayList<>());
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
                Matcher full = SHEETNET_TYPE.matcher(text);
                while (full.find()) {
                    names.add(text.substring(full.start(), full.end()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byPackage;
    }

    /** The library's main sources, found from where its compiled classes are. */
    private static Path librarySources() {
        try {
            Path classes = Path.of(SheetnetException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = classes.getParent().getParent();
            for (Path candidate : List.of(module.resolve("src/main/java"), module.resolveSibling("src/main/java"))) {
                if (Files.isRegularFile(candidate.resolve("org/sheetnet/SheetnetException.java"))) {
                    return candidate;
                }
            }
            throw new AssertionError("no library sources beside " + classes);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(String pkg) {
        return pkg.isEmpty() ? "org.sheetnet" : pkg;
    }
}
