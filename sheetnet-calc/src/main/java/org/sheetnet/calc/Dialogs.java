package org.sheetnet.calc;

/** How a command talks to the user: a question before it replaces sheets, and its outcome. */
interface Dialogs {

    /** Asks a yes/no question; true for yes. */
    boolean ask(String question);

    /** Shows a command's outcome. */
    void tell(Outcome outcome);
}
