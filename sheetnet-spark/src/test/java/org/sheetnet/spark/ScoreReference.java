package org.sheetnet.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sheetnet.job.ScoreJob;
import org.sheetnet.job.ScoreOptions;

/** What {@code sheetnet score MODEL --input rows.csv --out predictions.csv} writes, run through core's ScoreJob. */
final class ScoreReference {

    private ScoreReference() {
    }

    /** The Predictions rows of a score run: the header, then each row's fields as text. */
    static List<List<String>> score(Path model, Path inputCsv, Path dir, String... targets) throws IOException {
        Path out = dir.resolve("predictions-" + System.nanoTime() + ".csv");
        ScoreJob.run(new ScoreOptions(model, Optional.of(inputCsv), Optional.empty(), out, false, 1000, false, 1e-6, 1,
                "test", List.of(targets)), (rows, fraction) -> { });
        return read(out);
    }

    /** A CSV file's rows, header first. */
    static List<List<String>> read(Path csv) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv); CSVParser p = CSVFormat.RFC4180.parse(in)) {
            for (CSVRecord r : p) {
                rows.add(r.toList());
            }
        }
        return rows;
    }
}
