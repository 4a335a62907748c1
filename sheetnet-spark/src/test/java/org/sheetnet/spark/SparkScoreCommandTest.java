package org.sheetnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sheetnet.testing.TinyModel;

/**
 * {@code spark-score} as a user runs it, in a JVM of its own with no logging settings but the jar's: one
 * summary line on stdout and nothing from Spark on stderr; a row that cannot be scored is one line on
 * stderr and exit code 4.
 */
class SparkScoreCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, List<String> stdout, List<String> stderr) {
    }

    @Test
    void aRunPrintsOneSummaryLineAndNothingFromSpark() throws Exception {
        Path model = TinyModel.write(dir.resolve("tiny.xlsx"), true, null);
        Path rows = Files.writeString(dir.resolve("rows.csv"), "id,x1,x2\na,1,2\nb,3,4\n");
        Run run = run("--master", "local[2]", model.toString(), "--input", rows.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(0, run.code(), "exit code; stderr: " + run.stderr());
        assertEquals(List.of(), run.stderr(), "stderr: nothing from Spark");
        assertEquals(1, run.stdout().size(), "stdout: one line: " + run.stdout());
        assertTrue(run.stdout().get(0).startsWith("scored 2 rows (0 skipped, 0 invalid) in "), run.stdout().get(0));
        assertTrue(run.stdout().get(0).contains("on local[2] (Spark 4.1.0, driver heap "), run.stdout().get(0));
    }

    @Test
    void aRowThatCannotBeScoredIsOneLineAndExitCode4() throws Exception {
        Path model = TinyModel.write(dir.resolve("tiny.xlsx"), true, null);
        Path rows = Files.writeString(dir.resolve("rows.csv"), "id,x1,x2\na,1,2\nb,3,\"n/a\"\n");
        Run run = run("--master", "local[1]", model.toString(), "--input", rows.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(List.of("sheetnet: rows.csv: row (id=\"b\"), column \"x2\": expected a number, found text \"n/a\""),
                run.stderr(), "stderr: the one line");
        assertEquals(4, run.code(), "exit code 4: the inputs cannot be scored");
        assertEquals(List.of(), run.stdout(), "stdout: nothing");
        assertTrue(!Files.exists(dir.resolve("out")), "no output");
    }

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), SparkScoreCommand.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = builder.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("spark-score did not finish in 5 minutes");
        }
        return new Run(p.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
    }
}
