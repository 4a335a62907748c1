package org.sheetnet.cli;

import java.io.PrintWriter;
import org.sheetnet.SheetnetException;
import org.sheetnet.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sheetnet} command: parses the command line and maps every failure to a message and an exit code. */
@Command(name = "sheetnet",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Runs dense neural networks stored in Excel workbooks and writes every intermediate value back,",
            "so that each number can be checked by hand.",
            "",
            "Start with:  sheetnet score workbooks/seed-2-3-2-2.xlsx",
            "Then read:   sheetnet help score"
        },
        footer = {
            "",
            "A model workbook has a Model sheet (layer | weights | bias | activation | alpha), one row per",
            "Dense layer, naming the sheets or ranges of its weights (n_in rows x n_out columns, as Keras's",
            "get_weights()[0]) and bias (n_out numbers). Blank ones to fill in are in templates/."
        },
        subcommands = {ScoreCommand.class, CheckCommand.class, VerifyCommand.class, TrainCommand.class,
            ImportKerasCommand.class, ExportCsvCommand.class, ImportCsvCommand.class, ExamplesCommand.class,
            ImportOnnxCommand.class, ExportOnnxCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs sheetnet and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs sheetnet and returns its exit code; for tests. */
    public static int run(String... args) {
        try {
            return execute(args);
        } catch (OutOfMemoryError e) {
            // Everything the run held is unreachable once its stack has unwound, so there is room to say so.
            System.err.println(Messages.outOfMemory(args, Runtime.getRuntime().maxMemory()));
            System.err.flush();
            return ExitCodes.MEMORY;
        }
    }

    private static int execute(String... args) {
        quietLogging();
        CommandLine cli = new CommandLine(new Main());
        cli.setUsageHelpWidth(100);
        cli.getCommandSpec().usageMessage().footer(concat(cli.getCommandSpec().usageMessage().footer(), ExitCodes.help()));
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler(Main::usageError);
        return cli.execute(args);
    }

    // A bare "sheetnet" names no command: the usage goes to stderr and the exit code says the
    // command line was incomplete, so that a script calling it without arguments does not pass.
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        boolean verbose = parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
                || parsed.hasMatchedOption("--verbose");
        if (e instanceof SheetnetException s) {
            err.println("sheetnet: " + Messages.oneLine(s.getMessage()));
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.of(s.problem());
        }
        err.println("sheetnet: internal error: " + Messages.oneLine(e.toString())
                + (verbose ? "" : " (run with --verbose for details)"));
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL;
    }

    // A wrong option is one line too, with where to read more, instead of the whole help text.
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String help = command.getParent() == null ? "sheetnet --help" : "sheetnet help " + command.getCommandName();
        err.println("sheetnet: " + Messages.oneLine(e.getMessage()) + " (see " + help + ")");
        err.flush();
        return ExitCodes.USAGE;
    }

    // POI logs through Log4j 2 and jHDF through SLF4J (bound to slf4j-nop). Every problem sheetnet can
    // report reaches the user as its own one-line message, so library log lines are switched off, not
    // lowered: POI logs FATAL for a DOCTYPE it then ignores, with a stack trace, on a successful run.
    private static void quietLogging() {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.StatusLogger.level", "OFF");
        System.setProperty("log4j2.simplelogLevel", "OFF");
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Reports the version from the jar's manifest. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Version.describe(), "Java " + System.getProperty("java.version")};
        }
    }
}
