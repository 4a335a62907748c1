package org.sheetnet.cli;

import java.util.Locale;

/** What the command line prints when a run fails: always one line, starting with {@code sheetnet: }. */
final class Messages {

    private Messages() {
    }

    /**
     * A message on one line: line breaks (which libraries such as POI put in their messages, for a zip
     * bomb or an entity limit) become spaces, and runs of blanks one space.
     */
    static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").replaceAll("[ \\t]{2,}", " ").strip();
    }

    /** The command line as the user typed it, for the Audit: {@code sheetnet} and the arguments. */
    static String commandLine(picocli.CommandLine.Model.CommandSpec spec) {
        return "sheetnet " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    /**
     * The message for a run that exhausted the heap, naming the command and its files, the heap it
     * had, and what to do.
     *
     * @param args the command line after {@code sheetnet}
     * @param heap the most memory the JVM may use, in bytes
     */
    static String outOfMemory(String[] args, long heap) {
        long mb = heap >> 20;
        long suggested = Math.max(1, (mb * 4 + 1023) / 1024);
        return String.format(Locale.ROOT, "sheetnet: out of memory (a heap of %,d MB) running \"%s\"; raise it, e.g."
                + " JAVA_OPTS=-Xmx%dg, or give large inputs as CSV, which is read a batch at a time", mb,
                oneLine(String.join(" ", args)), suggested);
    }
}
