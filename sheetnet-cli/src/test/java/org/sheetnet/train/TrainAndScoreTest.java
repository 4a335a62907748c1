package org.sheetnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.cli.Main;
import org.sheetnet.files.Sha256;
import org.sheetnet.job.TrainJob;
import org.sheetnet.job.TrainOptions;
import org.sheetnet.testing.Sheets;

/**
 * Trains through the job the command line runs, then scores the written model workbook through
 * {@code sheetnet score}: the predictions must be the trainer's, bit for bit, and the workbook must
 * hold the History, the charts and the Audit.
 */
class TrainAndScoreTest {

    @TempDir
    Path dir;

    private Path sineCsv() throws IOException {
        StringBuilder csv = new StringBuilder("id,x,sin\n");
        Dataset sine = Fixtures.sine();
        for (int r = 0; r < sine.rows(); r++) {
            csv.append("p").append(r + 1).append(',').append(sine.x()[r]).append(',').append(sine.t()[r]).append('\n');
        }
        Path file = dir.resolve("sine.csv");
        Files.writeString(file, csv);
        return file;
    }

    private TrainJob.Result train(Path data, List<String> targets, List<Integer> layers, List<String> activations,
            String optimizer, int epochs, boolean standardize, Path out) {
        return TrainJob.run(new TrainOptions(data, Optional.empty(), List.of(), targets, layers, activations,
                Optional.empty(), optimizer, OptionalDouble.empty(), 0.9, 8, epochs, 0.1, 42, "glorot", 0, true,
                standardize, out, false, "test"), e -> { });
    }

    private Path score(Path model) {
        Path scored = dir.resolve("scored.xlsx");
        assertEquals(0, Main.run("score", model.toString(), "--out", scored.toString(), "--quiet"), "score exit code");
        return scored;
    }

    @Test
    void regressionScoresBackToTheTrainersPredictions() throws IOException {
        Path data = sineCsv();
        Path model = dir.resolve("sine-model.xlsx");
        TrainJob.Result run = train(data, List.of("sin"), List.of(1, 20, 1), List.of("sigmoid", "linear"), "sgd", 300,
                false, model);
        List<List<Object>> predictions = Sheets.rows(score(model), "Predictions");
        assertEquals(List.of("id", "sin", "sin"), predictions.get(0), "Predictions header: id columns, then the output");
        for (int r = 0; r < 50; r++) {
            double got = (Double) predictions.get(r + 1).get(2);
            assertEquals(Double.doubleToLongBits(run.result().predictions()[r]), Double.doubleToLongBits(got),
                    "Predictions!C" + (r + 2) + ": trainer " + run.result().predictions()[r] + ", score " + got);
        }
        List<List<Object>> validation = Sheets.rows(model, "Validation");
        for (int r = 0; r < 5; r++) {
            assertEquals(46.0 + r, validation.get(r + 1).get(0), "Validation!A" + (r + 2) + ": data row");
            assertEquals(run.result().predictions()[45 + r], (Double) validation.get(r + 1).get(2), 0.0,
                    "Validation!C" + (r + 2));
        }
        List<List<Object>> history = Sheets.rows(model, "Training history");
        assertEquals(List.of("epoch", "loss", "val_loss", "seconds"), history.get(0), "History header");
        assertEquals(301, history.size(), "History rows");
        assertEquals(run.result().last().valLoss(), (Double) history.get(300).get(2), 0.0, "'Training history'!C301");
        List<List<Object>> audit = Sheets.rows(model, "Audit");
        assertTrue(audit.stream().anyMatch(l -> l.size() > 1 && Sha256.of(data).equals(l.get(1))), "Audit has the data SHA-256");
        assertTrue(audit.stream().anyMatch(l -> !l.isEmpty() && "optimizer".equals(l.get(0))), "Audit has the optimizer");
        assertEquals(List.of(1, 1), charts(model, "Training history", "Validation"), "a line chart and a scatter chart");
    }

    @Test
    void classifierScoresBackToTheTrainersProbabilitiesAndClasses() throws IOException {
        assertTrue(Files.exists(IrisCrossValidationTest.IRIS), "iris.csv is in the repository");
        Path model = dir.resolve("iris-model.xlsx");
        TrainJob.Result run = train(IrisCrossValidationTest.IRIS, List.of("species"), List.of(4, 10, 3), List.of("tanh"),
                "adam", 100, true, model);
        assertEquals(Losses.CROSS_ENTROPY, run.config().loss(), "a text target means cross-entropy");
        List<List<Object>> predictions = Sheets.rows(score(model), "Predictions");
        List<String> classes = List.of("setosa", "versicolor", "virginica");
        assertEquals(List.of("species", "setosa", "versicolor", "virginica", "predicted_class"), predictions.get(0),
                "Predictions header: the id column (species), the classes, the predicted class");
        for (int r = 0; r < 150; r++) {
            int best = 0;
            for (int j = 0; j < 3; j++) {
                double got = (Double) predictions.get(r + 1).get(1 + j);
                double want = run.result().predictions()[3 * r + j];
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got),
                        "Predictions row " + (r + 2) + " " + classes.get(j));
                best = want > run.result().predictions()[3 * r + best] ? j : best;
            }
            assertEquals(classes.get(best), predictions.get(r + 1).get(4), "predicted_class row " + (r + 2));
        }
        List<List<Object>> confusion = Sheets.rows(model, "Confusion");
        assertEquals("true \\ predicted", confusion.get(1).get(0), "Confusion!A2");
        assertFalse(Sheets.names(model).contains("Validation"), "a classifier has a confusion matrix instead");
    }

    @Test
    void cliTrainsWithDefaultsAndRefusesToOverwrite() throws IOException {
        Path data = sineCsv();
        Path out = dir.resolve("m.xlsx");
        assertEquals(0, Main.run("train", data.toString(), "--epochs", "5", "--out", out.toString(), "--quiet"), "first run");
        assertEquals(6, Main.run("train", data.toString(), "--epochs", "5", "--out", out.toString(), "--quiet"),
                "exit code when the output exists");
        assertEquals(4, Main.run("train", data.toString(), "--targets", "cos", "--out", dir.resolve("n.xlsx").toString()),
                "exit code for an unknown target column");
        assertFalse(Files.exists(dir.resolve("n.xlsx")), "no output after an error");
        assertEquals(0, Main.run("train", "--help"), "help");
    }

    private static List<Integer> charts(Path file, String... sheets) throws IOException {
        try (XSSFWorkbook wb = Sheets.open(file)) {
            List<Integer> counts = new java.util.ArrayList<>();
            for (String s : sheets) {
                XSSFDrawing d = wb.getSheet(s).getDrawingPatriarch();
                counts.add(d == null ? 0 : d.getCharts().size());
            }
            return counts;
        }
    }
}
