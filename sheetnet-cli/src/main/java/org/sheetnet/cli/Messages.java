package org.sheetnet.cli;

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
        // Plain concatenation, not String.format: the formatter's first use loads and initializes classes
        // (locale symbols, Unicode tables), which an exhausted heap may refuse; this message must come out.
        return "sheetnet: out of memory (a heap of " + grouped(mb) + " MB) running \"" + oneLine(String.join(" ", args))
                + "\"; raise it, e.g. JAVA_OPTS=-Xmx" + suggested + "g, or give large inputs as CSV, which is read a"
                + " batch at a time";
    }

    // A count with a comma between thousands, as %,d writes it in Locale.ROOT.
    static String grouped(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder s = new StringBuilder(n < 0 ? "-" : "");
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                s.append(',');
            }
            s.append(digits.charAt(i));
        }
        return s.toString();
    }
}
