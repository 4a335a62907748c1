package org.sheetnet.calc;

import com.sun.star.awt.MessageBoxButtons;
import com.sun.star.awt.MessageBoxResults;
import com.sun.star.awt.MessageBoxType;
import com.sun.star.awt.XMessageBox;
import com.sun.star.awt.XMessageBoxFactory;
import com.sun.star.awt.XWindowPeer;
import com.sun.star.frame.XFrame;

/** {@link Dialogs} as Calc's own message boxes over the document's window. */
final class MessageBoxes implements Dialogs {

    private static final String TITLE = "sheetnet";

    private final XFrame frame;

    MessageBoxes(XFrame frame) {
        this.frame = frame;
    }

    @Override
    public boolean ask(String question) {
        return show(MessageBoxType.QUERYBOX, MessageBoxButtons.BUTTONS_YES_NO | MessageBoxButtons.DEFAULT_BUTTON_NO,
                question) == MessageBoxResults.YES;
    }

    @Override
    public void tell(Outcome outcome) {
        show(outcome.success() ? MessageBoxType.INFOBOX : MessageBoxType.ERRORBOX, MessageBoxButtons.BUTTONS_OK,
                outcome.message());
    }

    private short show(MessageBoxType type, int buttons, String message) {
        XWindowPeer peer = Uno.as(XWindowPeer.class, frame.getContainerWindow());
        XMessageBoxFactory factory = Uno.as(XMessageBoxFactory.class, peer.getToolkit());
        XMessageBox box = factory.createMessageBox(peer, type, buttons, TITLE, message);
        try {
            return box.execute();
        } finally {
            Uno.as(com.sun.star.lang.XComponent.class, box).dispose();
        }
    }
}
