package org.sheetnet.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.sheetnet.cli.Main;

/**
 * The valid files the fuzzer starts from: the example workbooks of {@code workbooks/}, the Keras
 * fixtures of {@code sheetnet-core/src/test/resources/keras/}, small input files written here for the model
 * {@code seed-2-3-2-2.xlsx} (inputs x1, x2), and CSV parameter folders written by {@code export-csv}.
 */
final class SeedCorpus {

    private final Map<Target, List<Target.Seed>> seeds = new EnumMap<>(Target.class);

    private SeedCorpus() {
    }

    /** Finds and writes the seeds; {@code project} is the repository root, {@code work} a scratch folder. */
    static SeedCorpus build(Path project, Path work) {
        SeedCorpus corpus = new SeedCorpus();
        try {
            Files.createDirectories(work);
            List<Path> workbooks = list(project.resolve("workbooks"), ".xlsx");
            Path model = project.resolve("workbooks/seed-2-3-2-2.xlsx");
            corpus.add(Target.CHECK_WORKBOOK, workbooks, null);
            corpus.add(Target.SCORE_WORKBOOK, workbooks, null);
            corpus.add(Target.SCORE_INPUT_XLSX, List.of(inputsWorkbook(work.resolve("inputs.xlsx"))), model);
            corpus.add(Target.SCORE_INPUT_CSV, List.of(inputsCsv(work.resolve("inputs.csv"))), model);
            Path keras = project.resolve("sheetnet-core/src/test/resources/keras");
            corpus.add(Target.IMPORT_KERAS, list(keras, ".keras"), null);
            corpus.add(Target.IMPORT_KERAS_H5, List.of(keras.resolve("legacy_normalized.h5")), null);
            for (String name : List.of("functional_chain", "normalized_sequential", "batchnorm_chain")) {
                corpus.add(Target.IMPORT_KERAS_CONFIG, List.of(keras.resolve(name + ".json")),
                        keras.resolve(name + ".weights.h5"));
            }
            for (String name : List.of("seed-2-3-2-2", "regression-4-20-10-1")) {
                Path folder = csvFolder(project.resolve("workbooks/" + name + ".xlsx"), work.resolve("csv-" + name));
                corpus.add(Target.IMPORT_CSV, list(folder, ".csv"), folder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return corpus;
    }

    /** The seeds of a target; never empty. */
    List<Target.Seed> of(Target target) {
        List<Target.Seed> list = seeds.getOrDefault(target, List.of());
        if (list.isEmpty()) {
            throw new IllegalStateException("no seed for " + target);
        }
        return list;
    }

    private void add(Target target, List<Path> files, Path companion) {
        files.forEach(f -> seeds.computeIfAbsent(target, t -> new ArrayList<>()).add(new Target.Seed(f, companion)));
    }

    private static List<Path> list(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static Path inputsWorkbook(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            XSSFSheet sheet = workbook.createSheet("Inputs");
            Object[][] rows = {{"id", "x1", "x2"}, {"r1", 0.5, 0.25}, {"r2", -1.0, 2.0}, {"r3", 0.0, 0.0}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else {
                        row.createCell(c).setCellValue((String) rows[r][c]);
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }

    private static Path inputsCsv(Path file) throws IOException {
        Files.writeString(file, "id,x1,x2\nr1,0.5,0.25\nr2,-1,2\nr3,0,0\n");
        return file;
    }

    private static Path csvFolder(Path model, Path folder) {
        if (!Files.isDirectory(folder)) {
            int exit = Main.run("export-csv", model.toString(), folder.toString());
            if (exit != 0) {
                throw new IllegalStateException("export-csv " + model + " failed with exit code " + exit);
            }
        }
        return folder;
    }
}
