package org.sheetnet.spark;

import java.time.Instant;
import org.apache.spark.sql.SparkSession;
import org.sheetnet.api.SheetnetModel;
import org.sheetnet.sink.AuditLog;

/** The Audit sheet's lines of a {@code spark-score} run: what ran, on what, where, and what came of it. */
final class SparkAudit {

    private SparkAudit() {
    }

    static AuditLog of(SparkScoreOptions options, ModelBytes bytes, SheetnetModel model, SparkSession spark,
            SparkScoreJob.Result result, String folder, Instant started, Instant finished) {
        AuditLog audit = new AuditLog();
        audit.section("Run");
        audit.line("command", options.commandLine());
        audit.line("sheetnet", SparkScoreJob.version());
        audit.line("started", started.toString());
        audit.line("finished", finished.toString());
        audit.line("seconds", SparkScoreJob.seconds(started, finished));
        audit.section("Model");
        audit.line("file", options.model().toString());
        audit.line("SHA-256", bytes.sha256());
        audit.line("inputs", String.join(", ", model.inputNames()));
        audit.line("outputs", String.join(", ", model.outputNames()));
        audit.line("layers", model.model().network().layers().size());
        audit.line("check vectors", model.verify().map(c -> c.describe()).orElse("none"));
        audit.section("Input");
        audit.list("paths", options.inputs(), "none", "Input paths");
        audit.line("format", options.inputFormat());
        audit.line("handleInvalid", options.handleInvalid().value());
        audit.line("rows read", result.read());
        audit.line("rows scored", result.scored());
        audit.line("rows skipped", result.skipped());
        audit.line("rows invalid (kept, null outputs)", result.invalid());
        audit.line("targets", options.targets().isEmpty() ? "none" : String.join(", ", options.targets()));
        audit.section("Spark");
        audit.line("version", spark.version());
        audit.line("master", spark.sparkContext().master());
        audit.line("default parallelism", spark.sparkContext().defaultParallelism());
        audit.line("input partitions", result.partitions());
        audit.line("driver heap", SparkScoreJob.heap());
        audit.line("executor memory", spark.sparkContext().getConf().get("spark.executor.memory", "(Spark's default)"));
        audit.section("Output");
        audit.line("predictions", folder + "/" + SparkScoreOptions.PREDICTIONS);
        audit.line("format", options.outputFormat());
        audit.line("layer values (--trace)", options.layerValues() ? "yes" : "no");
        audit.line("sample rows", (double) options.sampleRows());
        return audit;
    }
}
