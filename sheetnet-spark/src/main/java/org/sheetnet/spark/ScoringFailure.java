package org.sheetnet.spark;

import java.util.Optional;
import org.sheetnet.SheetnetException;

/**
 * A {@link SheetnetException} on its way from an executor to the driver. Spark sends a task's failure
 * as a serialized exception; core's exception carries a location record that is not serializable, so
 * its kind and one-line message travel in this one instead, and {@link #find} turns it back.
 */
public final class ScoringFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The prefix Spark puts before the message when it can only send the failure as text. */
    private static final String AS_TEXT = ScoringFailure.class.getName() + ": ";

    private final SheetnetException.Problem problem;

    /** Carries {@code e}'s kind and message (not its stack trace, which says nothing to a user). */
    public ScoringFailure(SheetnetException e) {
        super(e.getMessage(), null, false, false);
        this.problem = e.problem();
    }

    /** The failure as the library's exception again. */
    public SheetnetException toSheetnetException() {
        return new SheetnetException(problem, getMessage());
    }

    /**
     * The sheetnet failure behind a Spark job's failure, if that is what it was: found in the cause
     * chain, or, where Spark only kept the text, in the message.
     */
    public static Optional<SheetnetException> find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ScoringFailure f) {
                return Optional.of(f.toSheetnetException());
            }
            if (c instanceof SheetnetException s) {
                return Optional.of(s);
            }
            String m = c.getMessage();
            int at = m == null ? -1 : m.indexOf(AS_TEXT);
            if (at >= 0) {
                String rest = m.substring(at + AS_TEXT.length());
                int end = rest.indexOf('\n');
                return Optional.of(new SheetnetException(SheetnetException.Problem.INPUT,
                        end < 0 ? rest : rest.substring(0, end)));
            }
        }
        return Optional.empty();
    }
}
