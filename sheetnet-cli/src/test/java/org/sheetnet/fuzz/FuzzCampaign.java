package org.sheetnet.fuzz;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.sheetnet.cli.Main;

/**
 * The fuzzing loop, run in a JVM of its own with a small heap (see {@link ReaderFuzzTest}): from
 * a first case seed, runs cases until a deadline, and appends every broken promise to
 * {@code findings.tsv} in the failures folder. The first case of each group is saved as a
 * reproducer, reduced to a single mutation when one alone reproduces it.
 *
 * <p>Arguments: project folder, failures folder, time limit of one case (milliseconds), deadline
 * (epoch milliseconds), the seeds ({@code from:N} for N, N+1, ... or a list {@code a,b,c}), and
 * optionally {@code verbose}, to print every case's findings.
 */
public final class FuzzCampaign {

    private final PrintStream console;
    private final Path failures;
    private final Path work;
    private final Path in;
    private final Path out;
    private final long caseMillis;
    private final SeedCorpus corpus;
    private final Hostile hostile;
    private final AtomicInteger connections = new AtomicInteger();
    private final Set<String> seenKeys = new HashSet<>();
    private boolean reduce = true;

    private FuzzCampaign(PrintStream console, Path project, Path failures, long caseMillis) throws IOException {
        this.console = console;
        this.failures = failures;
        this.work = project.resolve("target/fuzz-work");
        this.in = work.resolve("case/in");
        this.out = work.resolve("case/out");
        this.caseMillis = caseMillis;
        Files.createDirectories(failures);
        this.corpus = SeedCorpus.build(project, work.resolve("seeds"));
        Path secret = work.resolve("secret.txt");
        String canary = "SHEETNET-CANARY-" + Long.toHexString(System.nanoTime());
        Files.writeString(secret, canary + "\n");
        this.hostile = new Hostile(secret.toUri().toString(), "http://127.0.0.1:" + listen(), canary);
    }

    /**
     * A campaign run by a fuzzer that calls {@link #record} itself, in this JVM; the caller has
     * installed the capture of System.out and System.err ({@link CommandRun#installCapture}).
     */
    static FuzzCampaign inProcess(Path project, Path failures, long caseMillis, PrintStream console) throws IOException {
        FuzzCampaign campaign = new FuzzCampaign(console, project, failures, caseMillis);
        campaign.reduce = false;
        return campaign;
    }

    /** The seeds this campaign damages. */
    SeedCorpus corpus() {
        return corpus;
    }

    /** Runs a case and records what it broke, saving a reproducer for each new group. */
    void record(FuzzCase fuzzCase) {
        for (Finding f : runCase(fuzzCase, i -> true)) {
            append(f, fuzzCase, seenKeys.add(f.key()) ? saveReproducer(fuzzCase, f, 0) : "");
        }
    }

    /** Runs the campaign; see the class comment for the arguments. */
    public static void main(String[] args) throws IOException {
        PrintStream console = System.err;
        CommandRun.installCapture();
        FuzzCampaign campaign = new FuzzCampaign(console, Path.of(args[0]), Path.of(args[1]), Long.parseLong(args[2]));
        long deadline = Long.parseLong(args[3]);
        String seeds = args[4];
        boolean verbose = args.length > 5 && args[5].equals("verbose");
        if (seeds.startsWith("from:")) {
            long first = Long.parseLong(seeds.substring(5));
            campaign.checkSeeds();
            campaign.run(java.util.stream.LongStream.iterate(first, s -> s + 1).iterator(), deadline, verbose);
        } else {
            // Known cases are replayed as they are: reducing them again would only cost time.
            campaign.reduce = false;
            campaign.run(java.util.Arrays.stream(seeds.split(",")).mapToLong(Long::parseLong).iterator(), deadline,
                    verbose);
        }
        System.exit(0);
    }

    /**
     * Runs every seed undamaged first: the fuzzer must start from files the commands accept, or
     * what it finds would not come from the damage.
     */
    private void checkSeeds() {
        for (Target target : Target.values()) {
            for (Target.Seed seed : corpus.of(target)) {
                FuzzCase undamaged = FuzzCase.unmutated(target, seed);
                for (Finding f : runCase(undamaged, i -> false)) {
                    Finding named = new Finding("undamaged seed " + seed.file().getFileName() + ": " + f.key(), f.detail(),
                            f.written(), f.run());
                    append(named, undamaged, seenKeys.add(named.key()) ? saveReproducer(undamaged, named, 0) : "");
                }
            }
        }
    }

    private void run(java.util.PrimitiveIterator.OfLong seeds, long deadline, boolean verbose) throws IOException {
        long cases = 0;
        for (; seeds.hasNext() && System.currentTimeMillis() < deadline; cases++) {
            long seed = seeds.nextLong();
            Files.writeString(failures.resolve("progress"), Long.toString(seed));
            FuzzCase fuzzCase = FuzzCase.plan(seed, corpus);
            List<Finding> findings = runCase(fuzzCase, i -> true);
            for (Finding f : findings) {
                String reproducer = seenKeys.add(f.key()) ? saveReproducer(fuzzCase, f, deadline) : "";
                append(f, fuzzCase, reproducer);
            }
            if (verbose) {
                console.println(fuzzCase + ": " + (findings.isEmpty() ? "no broken promise" : ""));
                findings.forEach(f -> console.println("  " + f.key() + "\n    " + f.detail()));
            }
        }
        Files.writeString(failures.resolve("progress"), "done " + cases);
        console.printf("fuzz: %d cases%n", cases);
    }

    /** A broken promise and the group it belongs to. */
    record Finding(String key, String detail, FuzzCase.Written written, CommandRun run) {
    }

    private List<Finding> runCase(FuzzCase fuzzCase, IntPredicate steps) {
        clean();
        FuzzCase.Written written = fuzzCase.write(in, out, hostile, steps);
        Map<String, String> before = Oracle.snapshot(in);
        int connectionsBefore = connections.get();
        CommandRun run = CommandRun.run(Main::run, written.arguments(), caseMillis);
        if (run.escaped() instanceof VirtualMachineError) {
            System.gc();
        }
        List<Oracle.Violation> violations = Oracle.check(run, in, before, out, fuzzCase.target.outputName(), hostile,
                connections.get() - connectionsBefore, written.damagedMustRead());
        List<Finding> findings = new ArrayList<>();
        String signature = violations.isEmpty() ? "" : signature(run, written);
        for (Oracle.Violation v : violations) {
            findings.add(new Finding(key(v, signature), v.detail(), written, run));
        }
        return findings;
    }

    /** Groups failures of the code by exception and frame, and the others by what was seen. */
    private static String key(Oracle.Violation v, String signature) {
        return switch (v.kind()) {
            case "input changed", "file created beside the inputs", "left in the output folder",
                    "left in the output folder on failure", "success without its output",
                    "damaged zip entry read without complaint",
                    "secret file copied into an output" -> v.kind() + ": " + v.detail();
            case "connected to the network" -> v.kind();
            // A logger's lines are grouped by the logger, whatever the input: each is one thing to silence.
            case "log output on stderr" -> v.kind() + ": " + String.join(" ",
                    java.util.Arrays.stream(v.detail().replaceAll("[0-9]+", "#").split("[\\s:]+")).limit(2).toList())
                    + " …";
            default -> v.kind() + " — " + signature;
        };
    }

    private String signature(CommandRun run, FuzzCase.Written written) {
        if (run.escaped() != null) {
            // The stack of an error thrown when the heap or the stack is exhausted may be empty or cut.
            String frame = Signature.firstSheetnetFrame(run.escaped().getStackTrace());
            String where = frame != null ? frame : run.lastSeenAt() != null ? run.lastSeenAt()
                    : "(no sheetnet frame; " + written.arguments().get(0) + ")";
            return run.escaped().getClass().getName() + " in " + where;
        }
        if (run.hung()) {
            String frame = Signature.firstSheetnetFrame(run.hangFrames());
            return "running at " + (frame == null ? "(no sheetnet frame)" : frame);
        }
        if (run.exit() == 0) {
            return "exit 0";
        }
        // The stack trace that --verbose adds names the exception and where it came from.
        FileTrees.delete(out);
        List<String> verbose = new ArrayList<>(written.arguments());
        verbose.add("--verbose");
        CommandRun again = CommandRun.run(Main::run, verbose, caseMillis);
        return again.escaped() != null ? Signature.of(again.escaped()) : Signature.ofVerbose(again.stderr());
    }

    /** Saves the case's input folder, reduced to one mutation when one alone gives the same group. */
    private String saveReproducer(FuzzCase fuzzCase, Finding finding, long deadline) {
        Finding kept = finding;
        String reduced = fuzzCase.steps.size() == 1 ? "one mutation" : "no single mutation alone reproduces it";
        boolean reduce = this.reduce && System.currentTimeMillis() < deadline;
        for (int i = 0; reduce && fuzzCase.steps.size() > 1 && i < fuzzCase.steps.size(); i++) {
            int only = i;
            Finding alone = runCase(fuzzCase, s -> s == only).stream().filter(f -> f.key().equals(finding.key()))
                    .findFirst().orElse(null);
            if (alone != null) {
                kept = alone;
                reduced = "mutation " + (i + 1) + " alone reproduces it";
                break;
            }
        }
        if (reduce && kept == finding && fuzzCase.steps.size() > 1) {
            runCase(fuzzCase, s -> true);
        }
        Path dir = failures.resolve(String.format("%03d-seed-%d", seenKeys.size(), fuzzCase.seed));
        FileTrees.copy(in, dir.resolve("in"));
        String note = String.join("\n", "group: " + finding.key(), "case: " + fuzzCase, "reduction: " + reduced,
                "command: sheetnet " + String.join(" ", kept.written().arguments()), "mutations applied:",
                "  " + String.join("\n  ", kept.written().done()), "detail: " + kept.detail(),
                "exit: " + kept.run().exit() + " after " + kept.run().millis() + " ms", "stderr:", kept.run().stderr(),
                "replay: mvn -B -o test -Dtest=ReaderFuzzTest -Dsheetnet.fuzz.replay=" + fuzzCase.seed
                        + "  (the files land in target/fuzz-work/case/in)");
        FileTrees.write(dir.resolve("case.txt"), note);
        return failures.relativize(dir).toString();
    }

    private void append(Finding f, FuzzCase fuzzCase, String reproducer) {
        String line = String.join("\t", f.key().replace('\t', ' '), Long.toString(fuzzCase.seed),
                fuzzCase.target.name(), reproducer, XmlMutations.abbreviate(f.detail().replace('\t', ' '))) + "\n";
        try {
            Files.writeString(failures.resolve("findings.tsv"), line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void clean() {
        FileTrees.delete(work.resolve("case"));
        try {
            Files.createDirectories(in);
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A local socket that counts connections: any reader that opens one broke the no-network promise. */
    private int listen() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(() -> {
            while (true) {
                try {
                    Socket s = server.accept();
                    // Counted before the close that the reader waits for, so the count is in before its case ends.
                    connections.incrementAndGet();
                    s.close();
                } catch (IOException e) {
                    return;
                }
            }
        }, "fuzz-listener");
        accept.setDaemon(true);
        accept.start();
        return server.getLocalPort();
    }
}
