package org.sheetnet.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.sheetnet.cli.Main;

/** Runs sheetnet's command line in this JVM and captures what it prints. */
public final class Cli {

    /**
     * What a run did.
     *
     * @param exit its exit code
     * @param out  what it printed on stdout
     * @param err  what it printed on stderr
     */
    public record Run(int exit, String out, String err) {

        /** The stderr lines, stripped. */
        public java.util.List<String> errLines() {
            return err.strip().isEmpty() ? java.util.List.of() : err.strip().lines().toList();
        }
    }

    private Cli() {
    }

    /** Runs {@code sheetnet args…} with stdout and stderr captured. */
    public static synchronized Run run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
