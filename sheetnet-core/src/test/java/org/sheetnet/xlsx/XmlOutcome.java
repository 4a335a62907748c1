package org.sheetnet.xlsx;

import java.util.List;
import org.sheetnet.SheetnetException;

/**
 * The outcome of one reading of an XML document: the trace when it read the document to its end, or why it refused.
 *
 * @param trace   the lines read, or null when refused
 * @param refusal the refusal's message, or null when read
 * @param foreign when refused by something other than one line of {@link SheetnetException}
 *                (XmlPart only: another exception, a message of several lines or not naming the part)
 */
record XmlOutcome(List<String> trace, String refusal, boolean foreign) {

    static XmlOutcome read(List<String> trace) {
        return new XmlOutcome(List.copyOf(trace), null, false);
    }

    static XmlOutcome refused(String why, boolean foreign) {
        return new XmlOutcome(null, why, foreign);
    }

    boolean accepted() {
        return trace != null;
    }

    int events() {
        return trace == null ? 0 : trace.size();
    }

    @Override
    public String toString() {
        return accepted() ? "read " + trace.size() + " events" : (foreign ? "FOREIGN refusal: " : "refused: ") + refusal;
    }
}
