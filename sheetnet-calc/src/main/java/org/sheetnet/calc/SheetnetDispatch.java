package org.sheetnet.calc;

import com.sun.star.beans.PropertyValue;
import com.sun.star.frame.DispatchDescriptor;
import com.sun.star.frame.DispatchResultEvent;
import com.sun.star.frame.DispatchResultState;
import com.sun.star.frame.FeatureStateEvent;
import com.sun.star.frame.XDispatch;
import com.sun.star.frame.XDispatchProvider;
import com.sun.star.frame.XDispatchResultListener;
import com.sun.star.frame.XFrame;
import com.sun.star.frame.XNotifyingDispatch;
import com.sun.star.frame.XStatusListener;
import com.sun.star.lang.XInitialization;
import com.sun.star.lang.XServiceInfo;
import com.sun.star.lib.uno.helper.WeakBase;
import com.sun.star.sheet.XSpreadsheetDocument;
import com.sun.star.uno.UnoRuntime;
import com.sun.star.uno.XComponentContext;
import com.sun.star.util.URL;
import java.util.List;
import java.util.Optional;
import org.sheetnet.Location;
import org.sheetnet.SheetnetException;

/**
 * The "sheetnet" menu: a protocol handler for the URLs {@code org.sheetnet.calc:Score},
 * {@code :ScoreFormulas}, {@code :Check},
 * {@code :Verify} and {@code :Values}, each acting on the document of the frame it was made for.
 *
 * <p>A macro may dispatch them too, with the arguments {@code Replace} (boolean: the answer to
 * "replace the earlier run's sheets?", asked otherwise) and {@code Silent} (boolean: no dialog); the
 * outcome's message is the dispatch's result.
 */
public final class SheetnetDispatch extends WeakBase
        implements XDispatchProvider, XNotifyingDispatch, XInitialization, XServiceInfo {

    /** The implementation name, as in sheetnet.components and ProtocolHandler.xcu. */
    public static final String IMPLEMENTATION = SheetnetDispatch.class.getName();
    static final String[] SERVICES = {"com.sun.star.frame.ProtocolHandler"};
    static final String PROTOCOL = "org.sheetnet.calc:";
    static final List<String> COMMANDS = List.of("Score", "ScoreFormulas", "Check", "Verify", "Values");

    private XFrame frame;

    /** Made by LibreOffice for each frame. */
    public SheetnetDispatch(XComponentContext context) {
        // The context is not needed: everything the commands use comes from the frame's document.
    }

    @Override
    public void initialize(Object[] arguments) {
        for (Object a : arguments) {
            XFrame f = UnoRuntime.queryInterface(XFrame.class, a);
            if (f != null) {
                frame = f;
            }
        }
    }

    @Override
    public XDispatch queryDispatch(URL url, String target, int flags) {
        return PROTOCOL.equals(url.Protocol) && COMMANDS.contains(url.Path) ? this : null;
    }

    @Override
    public XDispatch[] queryDispatches(DispatchDescriptor[] requests) {
        XDispatch[] found = new XDispatch[requests.length];
        for (int i = 0; i < requests.length; i++) {
            found[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
        }
        return found;
    }

    @Override
    public void dispatch(URL url, PropertyValue[] arguments) {
        dispatchWithNotification(url, arguments, null);
    }

    @Override
    public void dispatchWithNotification(URL url, PropertyValue[] arguments, XDispatchResultListener listener) {
        Outcome outcome = run(url.Path, arguments);
        if (listener != null) {
            listener.dispatchFinished(new DispatchResultEvent(this,
                    outcome.success() ? DispatchResultState.SUCCESS : DispatchResultState.FAILURE, outcome.message()));
        }
    }

    private Outcome run(String command, PropertyValue[] arguments) {
        Object model = frame == null || frame.getController() == null ? null : frame.getController().getModel();
        XSpreadsheetDocument document = UnoRuntime.queryInterface(XSpreadsheetDocument.class, model);
        Dialogs dialogs = new AnsweredDialogs(arguments, new MessageBoxes(frame));
        if (document == null) {
            Outcome outcome = Outcome.failed("sheetnet works on spreadsheets; this document is not one.",
                    Optional.empty());
            dialogs.tell(outcome);
            return outcome;
        }
        OpenDocument doc = OpenDocument.of(document);
        Outcome outcome;
        try {
            outcome = switch (command) {
                case "Score" -> ScoreCommand.run(doc, dialogs);
                case "ScoreFormulas" -> ScoreCommand.run(doc, dialogs, true);
                case "Check" -> CheckCommand.run(doc);
                case "Verify" -> VerifyCommand.run(doc);
                default -> ValuesCommand.run(doc);
            };
        } catch (SheetnetException e) {
            outcome = Outcome.failed(e.getMessage(), place(e.location()));
        } catch (RuntimeException | LinkageError e) {
            // A bug, not bad input: still a dialog, never an exception thrown into LibreOffice.
            outcome = Outcome.failed("sheetnet could not finish: " + e, Optional.empty());
        }
        outcome.cell().ifPresent(doc::select);
        dialogs.tell(outcome);
        return outcome;
    }

    // The cell a problem names; for a row alone, its first cell.
    private static Optional<Outcome.Place> place(Location at) {
        if (at.sheetName().isEmpty()) {
            return Optional.empty();
        }
        String cell = at.cellRef().orElse(at.rowNumber().isPresent() ? "A" + at.rowNumber().getAsInt() : null);
        return cell == null ? Optional.empty() : Optional.of(new Outcome.Place(at.sheetName().get(), cell));
    }

    @Override
    public void addStatusListener(XStatusListener listener, URL url) {
        // Every command is always available: it says itself when the document has nothing to act on.
        listener.statusChanged(new FeatureStateEvent(this, url, "", true, false, null));
    }

    @Override
    public void removeStatusListener(XStatusListener listener, URL url) {
        // No listener is kept.
    }

    @Override
    public String getImplementationName() {
        return IMPLEMENTATION;
    }

    @Override
    public boolean supportsService(String service) {
        return List.of(SERVICES).contains(service);
    }

    @Override
    public String[] getSupportedServiceNames() {
        return SERVICES.clone();
    }
}
