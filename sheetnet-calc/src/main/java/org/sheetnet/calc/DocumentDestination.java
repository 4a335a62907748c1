package org.sheetnet.calc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.sheetnet.sink.AuditLog;
import org.sheetnet.sink.Destination;
import org.sheetnet.sink.SheetSink;

/**
 * The sheets of a score run, destined for the open document: held in memory until the run is done,
 * then added by {@link OutputSheets}. The Inputs sheet is not copied: the inputs are in the document.
 */
final class DocumentDestination implements Destination {

    /** The rows a Calc sheet holds. */
    static final long MAX_ROWS = 1_048_576;

    private final String document;
    private final Set<String> taken;
    private final List<BufferedSheet> sheets = new ArrayList<>();
    private String active;
    private boolean finished;

    /**
     * @param document the document's name, for messages
     * @param taken    the names of the document's sheets that stay (those a run replaces left out)
     */
    DocumentDestination(String document, List<String> taken) {
        this.document = document;
        this.taken = taken.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    @Override
    public String name() {
        return document;
    }

    @Override
    public SheetSink sheet(String name) {
        BufferedSheet sheet = new BufferedSheet(name);
        if (!name.equalsIgnoreCase("Inputs")) {
            sheets.add(sheet);
        }
        return sheet;
    }

    @Override
    public SheetSink smallSheet(String name) {
        return sheet(name);
    }

    @Override
    public boolean hasSheet(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return !key.equals("inputs") && (taken.contains(key)
                || sheets.stream().anyMatch(s -> s.name().equalsIgnoreCase(name)));
    }

    @Override
    public void activate(String name) {
        active = name;
    }

    @Override
    public boolean supportsFormulas() {
        return true;
    }

    @Override
    public long maxRows() {
        return MAX_ROWS;
    }

    @Override
    public void finish(AuditLog audit) {
        SheetSink sheet = sheet("Audit");
        audit.writeTo(sheet);
        finished = true;
    }

    /** The sheets to add, in order; only once finished. */
    List<BufferedSheet> sheets() {
        if (!finished) {
            throw new IllegalStateException("the run did not finish");
        }
        return List.copyOf(sheets);
    }

    /** The sheet to show when done. */
    String active() {
        return active;
    }

    @Override
    public void close() {
        // Nothing is held but memory.
    }
}
