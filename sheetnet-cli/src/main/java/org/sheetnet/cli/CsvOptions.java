package org.sheetnet.cli;

import org.sheetnet.sheet.DecimalStyle;
import java.util.Locale;
import java.util.Optional;
import org.sheetnet.input.CsvSettings;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that say how a CSV file is written, for the commands that read one (score --input,
 * train, import-csv). What is not given is detected; the Audit says which was which.
 */
final class CsvOptions {

    @Option(names = "--csv-separator", paramLabel = "CHAR",
            description = "The CSV field separator: , ; tab or | (default: detected from the header and the first rows).")
    String separator;

    @Option(names = "--decimal-mark", paramLabel = ", | .",
            description = "The CSV numbers' decimal mark (default: detected from the numbers; a file that reads two"
                    + " ways, such as 1,200 alone, is refused until this says which).")
    String decimalMark;

    @Option(names = "--decimal-comma", description = "Same as --decimal-mark , (a German or French Excel's CSV).")
    boolean decimalComma;

    @Option(names = "--thousands-separator", paramLabel = "CHAR",
            description = "What may separate thousands in CSV numbers: . , space, ' or none (default: the other of"
                    + " . and , and spaces, as Excel writes them).")
    String thousands;

    /**
     * The settings these options give.
     *
     * @throws CommandLine.ParameterException (exit code 2) for a value that cannot be a separator or mark
     */
    CsvSettings settings(CommandLine cmd) {
        try {
            return new CsvSettings(Optional.ofNullable(separator).map(s -> separator(cmd, s)), mark(cmd),
                    Optional.ofNullable(thousands).map(t -> thousands(cmd, t)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd, e.getMessage());
        }
    }

    private Optional<Character> mark(CommandLine cmd) {
        if (decimalComma && decimalMark != null && !decimalMark.equals(",")) {
            throw new CommandLine.ParameterException(cmd, "--decimal-comma and --decimal-mark " + decimalMark + " disagree");
        }
        if (decimalComma) {
            return Optional.of(',');
        }
        if (decimalMark == null) {
            return Optional.empty();
        }
        if (!decimalMark.equals(",") && !decimalMark.equals(".")) {
            throw new CommandLine.ParameterException(cmd, "--decimal-mark is , or ., not \"" + decimalMark + "\"");
        }
        return Optional.of(decimalMark.charAt(0));
    }

    private static char separator(CommandLine cmd, String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.equals("tab") || s.equals("\\t") || s.equals("\t")) {
            return '\t';
        }
        if (lower.equals("semicolon")) {
            return ';';
        }
        if (lower.equals("comma")) {
            return ',';
        }
        if (s.length() != 1) {
            throw new CommandLine.ParameterException(cmd, "--csv-separator is one character (, ; |) or tab, not \"" + s + "\"");
        }
        return s.charAt(0);
    }

    private static String thousands(CommandLine cmd, String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.equals("none")) {
            return "";
        }
        if (lower.equals("space")) {
            return org.sheetnet.sheet.DecimalStyle.SPACES;
        }
        if (t.length() != 1) {
            throw new CommandLine.ParameterException(cmd, "--thousands-separator is . , space, ' or none, not \"" + t + "\"");
        }
        return t;
    }
}
