package org.sheetnet.calc;

import com.sun.star.beans.PropertyValue;

/**
 * Dialogs whose answers a macro gave as dispatch arguments: {@code Replace} answers the question,
 * {@code Silent} shows nothing; what was not given goes to the real dialogs.
 */
final class AnsweredDialogs implements Dialogs {

    private final Boolean replace;
    private final boolean silent;
    private final Dialogs user;

    AnsweredDialogs(PropertyValue[] arguments, Dialogs user) {
        Boolean answer = null;
        boolean quiet = false;
        for (PropertyValue p : arguments == null ? new PropertyValue[0] : arguments) {
            if ("Replace".equals(p.Name) && p.Value instanceof Boolean b) {
                answer = b;
            } else if ("Silent".equals(p.Name) && p.Value instanceof Boolean b) {
                quiet = b;
            }
        }
        this.replace = answer;
        this.silent = quiet;
        this.user = user;
    }

    @Override
    public boolean ask(String question) {
        return replace != null ? replace : user.ask(question);
    }

    @Override
    public void tell(Outcome outcome) {
        if (!silent) {
            user.tell(outcome);
        }
    }
}
