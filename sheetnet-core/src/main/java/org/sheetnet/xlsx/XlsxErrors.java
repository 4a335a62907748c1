package org.sheetnet.xlsx;

import org.sheetnet.SheetnetException;

/** The messages of this package, built in one place so that each names the file and the part. */
final class XlsxErrors {

    private XlsxErrors() {
    }

    /** A part that cannot be parsed: the file was cut short or altered. */
    static SheetnetException damaged(String file, String part, Exception cause) {
        SheetnetException own = ownCause(cause);
        if (own != null) {
            return own;
        }
        String why = cause == null || cause.getMessage() == null ? "" : " (" + oneLine(cause.getMessage()) + ")";
        return SheetnetException.file(file + ": " + part + " cannot be read; is the file truncated or corrupt?" + why,
                cause);
    }

    /** A part whose content breaks the format's rules, with what is wrong. */
    static SheetnetException damaged(String file, String part, String what) {
        return SheetnetException.file(file + ": " + part + " is damaged: " + what, null);
    }

    /** A sheetnet refusal raised inside a stream and wrapped by the XML parser, if there is one. */
    static SheetnetException ownCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SheetnetException s) {
                return s;
            }
            if (t instanceof javax.xml.stream.XMLStreamException x && x.getNestedException() != null
                    && x.getNestedException() != t.getCause()) {
                SheetnetException nested = ownCause(x.getNestedException());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    // Parser messages can span lines; the CLI promises one.
    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").trim();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
