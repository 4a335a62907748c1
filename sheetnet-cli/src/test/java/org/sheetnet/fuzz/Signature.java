package org.sheetnet.fuzz;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a failure comes from, for grouping: the class of the exception that reached the command
 * line (or escaped it) and the first sheetnet method on its stack, read from a throwable or from
 * the stack trace that {@code --verbose} prints. Line numbers are left out so that the group
 * survives edits elsewhere in the method.
 */
final class Signature {

    private static final Pattern FRAME = Pattern.compile("^\\s*at (org\\.sheetnet\\.[\\w$.]+)\\(");
    private static final Pattern HEADLINE = Pattern.compile(
            "^([a-z][\\w$]*(?:\\.[\\w$]+)+(?:Exception|Error|Throwable)[\\w$]*)\\b");

    private Signature() {
    }

    /** The signature of a throwable: its class, and the first sheetnet frame of it or of its causes. */
    static String of(Throwable t) {
        for (Throwable at = t; at != null; at = at.getCause() == at ? null : at.getCause()) {
            String frame = firstSheetnetFrame(at.getStackTrace());
            if (frame != null) {
                return t.getClass().getName() + " at " + frame;
            }
        }
        return t.getClass().getName() + " at (no sheetnet frame)";
    }

    /** The first method of sheetnet's own code (not this fuzzer's) on a stack. */
    static String firstSheetnetFrame(StackTraceElement[] frames) {
        for (StackTraceElement f : frames) {
            String c = f.getClassName();
            if (isSheetnetCode(c)) {
                return c.substring("org.sheetnet.".length()) + "." + f.getMethodName();
            }
        }
        return null;
    }

    /** Sheetnet's code, without this fuzzer and the exception's own factory methods. */
    private static boolean isSheetnetCode(String name) {
        return name.startsWith("org.sheetnet.") && !name.startsWith("org.sheetnet.fuzz.")
                && !name.startsWith("org.sheetnet.SheetnetException");
    }

    /** The signature printed by {@code --verbose}: the first exception's class and its first sheetnet frame. */
    static String ofVerbose(String stderr) {
        String exception = null;
        for (String line : stderr.lines().toList()) {
            Matcher headline = HEADLINE.matcher(line);
            Matcher at = FRAME.matcher(line);
            if (exception == null && headline.find()) {
                exception = headline.group(1);
            } else if (exception != null && at.find() && isSheetnetCode(at.group(1))) {
                return exception + " at " + at.group(1).substring("org.sheetnet.".length());
            }
        }
        return exception == null ? "(no stack trace)" : exception + " at (no sheetnet frame)";
    }
}
