package org.sheetnet.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.sheetnet.cli.Main;

/** Runs the sheetnet command line in the test's JVM, capturing what it prints. */
public final class InProcessSheetnet {

    private InProcessSheetnet() {
    }

    /**
     * Runs {@code sheetnet ARGS} with standard output and error captured.
     *
     * @return the exit code and what was printed (the time is not measured: 0)
     */
    public static ChildSheetnet.Result run(String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new ChildSheetnet.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), 0);
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
    }
}
