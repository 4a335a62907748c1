package org.sheetnet.job;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.sheetnet.SheetnetException;
import org.sheetnet.files.Sha256;
import org.sheetnet.sink.AuditLog;
import org.sheetnet.sink.OutputNames;
import org.sheetnet.sink.OutputPolicy;
import org.sheetnet.sink.SafeOutputFile;
import org.sheetnet.report.TrainedModelWriter;
import org.sheetnet.train.Dataset;
import org.sheetnet.train.Epoch;
import org.sheetnet.train.Loss;
import org.sheetnet.train.Losses;
import org.sheetnet.train.Trainer;
import org.sheetnet.train.TrainingConfig;
import org.sheetnet.train.TrainingResult;
import org.sheetnet.Version;

/**
 * Trains a network on a data file and writes the model workbook: reads the rows, settles the
 * defaults that depend on the data, trains, and writes Model, W/b, History, charts, Inputs and Audit.
 */
public final class TrainJob {

    /**
     * What a run did.
     *
     * @param result the trained network, history and predictions
     * @param data   the data it was trained on
     * @param config the settings used, defaults filled in
     */
    public record Result(TrainingResult result, TrainingData data, TrainingConfig config) {
    }

    private TrainJob() {
    }

    /**
     * Runs a training job.
     *
     * @param options  what to train and where to write it
     * @param listener told about each epoch as it ends
     * @throws SheetnetException for any problem with the files, the options or the data; no output is left then
     */
    public static Result run(TrainOptions options, Consumer<Epoch> listener) {
        Instant started = Instant.now();
        OutputNames.requireExtension(options.out(), "train", "a model workbook", ".xlsx");
        SafeOutputFile out = new SafeOutputFile(options.out(),
                OutputPolicy.of(options.force()).protecting(options.data(), "training data"));
        try {
            Optional<Loss> loss = options.loss().map(TrainJob::loss);
            TrainingData data = TrainingData.read(options.data(), options.sheet(), options.csv(), options.features(), options.targets(),
                    loss.map(Loss::classification));
            boolean classes = !data.classes().isEmpty() || loss.map(Loss::classification).orElse(false);
            TrainingConfig config = TrainSettings.config(options, data.dataset(),
                    loss.orElse(classes ? Losses.CROSS_ENTROPY : Losses.MSE));
            TrainingResult result = Trainer.train(config, data.dataset(), listener);
            AuditLog audit = audit(options, data, config, result, started);
            TrainedModelWriter.write(out, new TrainedModelWriter.Contents(result.model(), result, data.dataset(),
                    config.loss().classification(), data.header(), data.rows(), audit));
            return new Result(result, data, config);
        } catch (RuntimeException e) {
            out.discard();
            throw e;
        }
    }

    private static Loss loss(String name) {
        return Losses.find(name).orElseThrow(() -> SheetnetException.input("unknown loss \"" + name + "\"; known: "
                + String.join(", ", Losses.known())));
    }

    private static AuditLog audit(TrainOptions o, TrainingData data, TrainingConfig c, TrainingResult r, Instant started) {
        Dataset d = data.dataset();
        AuditLog log = new AuditLog();
        log.section("sheetnet train", "");
        log.line("tool", Version.describe());
        log.line("java", System.getProperty("java.vendor") + " " + System.getProperty("java.version"));
        log.line("run at (UTC)", started.truncatedTo(ChronoUnit.SECONDS).toString());
        log.line("command line", o.commandLine());
        log.line("data file", o.data().toAbsolutePath().normalize().toString());
        log.line("data SHA-256", Sha256.of(o.data()));
        log.line("data rows", data.source(), (double) d.rows());
        data.reading().ifPresent(text -> log.line("data read as", text));
        log.line("numbers stored as text", (double) data.textNumbers().count(), data.textNumbers().describe());
        log.line("features", String.join(", ", d.featureNames()));
        log.line("targets", String.join(", ", names(data.header(), data.targets())));
        if (!data.classes().isEmpty()) {
            log.line("classes (one-hot, in order)", String.join(", ", data.classes()));
        }
        log.section("Hyper-parameters", "value");
        log.line("layers", widths(d.features(), c.units()));
        for (int k = 0; k < c.depth(); k++) {
            log.line("activation " + (k + 1), c.activations().get(k).describe());
        }
        log.line("loss", c.loss().name(), c.loss().formula());
        log.line("optimizer", c.optimizer().describe());
        log.line("learning rate", c.optimizer().lr());
        log.line("batch size", (double) c.batchSize());
        log.line("epochs (maximum)", (double) c.epochs());
        log.line("validation split", c.validationSplit(), "the last rows, before shuffling (as Keras)");
        log.line("training rows", (double) r.trainingRows(), "rows 1.." + r.trainingRows());
        log.line("validation rows", (double) r.validationRows());
        log.line("shuffle each epoch", String.valueOf(c.shuffle()));
        log.line("initial weights", c.init().cliName(), "biases zero");
        log.line("seed", Long.toString(c.seed()), "java.util.Random: initial weights, then each epoch's shuffle");
        log.line("early stopping patience", (double) c.patience(), c.patience() > 0 ? "on val_loss; best weights kept" : "off");
        log.line("standardize features", String.valueOf(c.standardize()));
        r.standardization().ifPresent(s -> {
            for (int i = 0; i < d.features(); i++) {
                log.line("  " + d.featureNames().get(i), "mean " + s.mean()[i], "sd " + s.scale()[i]);
            }
            log.line("", "folded into W1 and b1: W1'_ij = W1_ij/sd_i, b1'_j = b1_j − Σ_i mean_i·W1'_ij");
        });
        log.section("Outcome", "value");
        log.line("epochs run", (double) r.history().size());
        log.line("weights kept from epoch", (double) r.bestEpoch());
        log.line("stopped early", String.valueOf(r.stoppedEarly()));
        log.line("final loss", r.last().loss());
        if (r.validationRows() > 0) {
            log.line("final val_loss", r.last().valLoss());
        }
        log.line("training seconds", r.last().seconds());
        log.line("arithmetic", "IEEE 754 double; sums in a fixed order, so a fixed seed gives the same bits");
        return log;
    }

    private static String widths(int features, List<Integer> units) {
        List<String> w = new ArrayList<>(List.of(Integer.toString(features)));
        units.forEach(u -> w.add(Integer.toString(u)));
        return String.join(" → ", w);
    }

    private static List<String> names(List<String> header, int[] cols) {
        return Arrays.stream(cols).mapToObj(header::get).toList();
    }
}
