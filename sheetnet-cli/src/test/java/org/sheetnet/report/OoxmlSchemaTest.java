package org.sheetnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sheetnet.testing.OoxmlValidator;
import org.sheetnet.testing.OutputKinds;

/**
 * Every part of every kind of output sheetnet writes is valid against the ECMA-376 schemas (POI's
 * compiled XMLBeans types) and the package rules (content types, relationship targets): a schema
 * error fails the build. The validator itself is shown to catch what it must: a line chart without
 * {@code <c:grouping>} (the History chart before issue 12), a colour of six hex digits where the
 * schema wants ARGB, and a relationship to a missing part.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OoxmlSchemaTest {

    private Path dir;
    private OoxmlValidator validator;
    private Map<String, Path> outputs;

    @BeforeAll
    void writeEveryKind() throws IOException {
        validator = OoxmlValidator.load();
        dir = Files.createTempDirectory("sheetnet-schemas");
        outputs = OutputKinds.write(dir);
    }

    @AfterAll
    void delete() throws IOException {
        OutputKinds.delete(dir);
    }

    @Test
    void everyPartOfEveryOutputIsValid() throws IOException {
        assertTrue(outputs.size() >= 7 + 5, "outputs checked: " + outputs.keySet());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Path> output : outputs.entrySet()) {
            validator.problems(output.getValue()).forEach(p -> problems.add(output.getKey() + ": " + p));
        }
        assertEquals(List.of(), problems, "schema and package problems");
    }

    @Test
    void aLineChartWithoutGroupingIsCaught() throws IOException {
        String chart = part(outputs.get(OutputKinds.TRAIN_REGRESSION), "xl/charts/chart1.xml");
        assertTrue(chart.contains("<c:lineChart><c:grouping val=\"standard\"/>"), "the loss chart has its grouping");
        List<String> errors = validator.validate("chart1.xml", chart.replace("<c:grouping val=\"standard\"/>", "")
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(errors.isEmpty(), "a lineChart without grouping is invalid");
        assertTrue(errors.toString().contains("grouping"), "the error names the missing element: " + errors);
    }

    @Test
    void aSixDigitColourIsCaught() throws IOException {
        String sheet = sheetWithColourScale(outputs.get(OutputKinds.TRAIN_CLASSES));
        assertTrue(sheet.contains("<color rgb=\"FF1F4E79\"/>"), "the colour scale's navy is ARGB");
        List<String> errors = validator.validate("sheet.xml", sheet.replace("<color rgb=\"FF1F4E79\"/>",
                "<color rgb=\"1F4E79\"/>").getBytes(StandardCharsets.UTF_8));
        assertFalse(errors.isEmpty(), "an RGB colour of three bytes is invalid");
    }

    @Test
    void aRelationshipToAMissingPartIsCaught() throws IOException {
        Path broken = dir.resolve("no-chart.xlsx");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(outputs.get(OutputKinds.TRAIN_REGRESSION)));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(broken))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (!e.getName().equals("xl/charts/chart1.xml")) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    out.write(bytes);
                    out.closeEntry();
                }
            }
        }
        String problems = validator.problems(broken).toString();
        assertTrue(problems.contains("xl/charts/chart1.xml, which is not in the package"), problems);
    }

    private static String part(Path xlsx, String name) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sheetWithColourScale(Path xlsx) throws IOException {
        try (ZipFile zip = new ZipFile(xlsx.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                String text = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                if (e.getName().startsWith("xl/worksheets/") && text.contains("<colorScale>")) {
                    return text;
                }
            }
        }
        throw new AssertionError(xlsx + " has no sheet with a colour scale");
    }
}
