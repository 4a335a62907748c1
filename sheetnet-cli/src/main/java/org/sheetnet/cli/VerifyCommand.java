package org.sheetnet.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.sheetnet.job.VerifyJob;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sheetnet verify}: re-checks an output workbook received later. */
@Command(header = "Re-check an output workbook: recompute every number, formula and hash it holds.",
        name = "verify",
        description = {
            "Re-reads a workbook written by 'sheetnet score', recomputes every layer from the parameter and",
            "input sheets it contains, and compares with the values it holds; recomputes its formulas, if any;",
            "re-evaluates its check vectors, if any; and checks that the value hashes recorded in its Audit",
            "sheet still match the parameters and inputs. Reports the largest deviation per sheet and the",
            "first cell beyond the tolerance. Exits 0 only when everything matches, 7 otherwise.",
            "The file is only read."
        },
        footer = {"", "Example:", "  sheetnet verify seed-2-3-2-2-scored.xlsx"},
        mixinStandardHelpOptions = true)
final class VerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUT.xlsx", description = "A workbook written by sheetnet score.")
    Path file;

    @Option(names = "--tolerance", paramLabel = "REL", defaultValue = "1e-12",
            description = "Largest relative deviation accepted (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = {"-v", "--verbose"}, description = "Show the stack trace of an error.")
    boolean verbose;

    @Override
    public Integer call() {
        VerifyJob.Report report = VerifyJob.run(file, tolerance);
        PrintWriter out = spec.commandLine().getOut();
        out.println("verify " + file);
        for (VerifyJob.HashResult h : report.hashes()) {
            out.printf("  %-44s %s%n", h.what(), h.matches() ? "hash matches the Audit"
                    : h.recorded().isEmpty() ? "NO HASH in the Audit" : "CHANGED since the run (hash differs)");
        }
        out.printf("  %-14s %10s  %-18s %s%n", "sheet", "numbers", "largest deviation", "first cell beyond " + tolerance);
        for (VerifyJob.SheetResult s : report.sheets()) {
            out.printf(Locale.ROOT, "  %-14s %10d  %-18.3g %s%n", s.sheet(), s.cells(), s.worst(),
                    s.firstBad().isEmpty() ? "-" : s.firstBad());
        }
        report.formulas().ifPresent(f -> out.println("  formulas: " + f.describe()));
        report.checks().ifPresent(c -> out.println("  check vectors: " + c.describe()));
        boolean ok = report.passes();
        out.println(ok ? "OK: every number, formula and hash reproduces" : "MISMATCH: see above");
        out.flush();
        return ok ? ExitCodes.OK : ExitCodes.MISMATCH;
    }
}
