package org.sheetnet.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.spark.sql.Row;
import org.sheetnet.input.InputRow;
import org.sheetnet.input.RowSource;

/**
 * The columns of a DataFrame seen as core's {@link RowSource}, for binding and messages only (rows are
 * never read through it). A DataFrame row has no line number, so a row is named by its id columns:
 * {@code rows.csv: row (case="a7"), column "x2"}. The row named is the one set by {@link #at}.
 */
final class RowLabels implements RowSource, Serializable {

    private static final long serialVersionUID = 1L;

    /** Id columns named in a message at most; more would bury the column at fault. */
    private static final int SHOWN_IDS = 3;

    private final String description;
    private final List<String> header;
    private final int[] ids;
    private transient IntFunction<Object> current;

    /**
     * @param description the input, for messages: its path, or {@code the DataFrame}
     * @param header      the column names
     * @param ids         the id columns, which name a row
     */
    RowLabels(String description, List<String> header, int[] ids) {
        this.description = description;
        this.header = List.copyOf(header);
        this.ids = ids.clone();
    }

    /** Makes messages name this row. */
    void at(Row row) {
        this.current = row::get;
    }

    /** Makes messages name the row whose fields (as external values) this gives, read only for a message. */
    void at(IntFunction<Object> fields) {
        this.current = fields;
    }

    /** The current row's name: its first id columns' values, or its values' absence of any. */
    String currentRow() {
        if (current == null || ids.length == 0) {
            return "a row (no id columns)";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(ids.length, SHOWN_IDS); i++) {
            Object v = current.apply(ids[i]);
            parts.add(header.get(ids[i]) + "=" + (v instanceof String s ? "\"" + s + "\"" : String.valueOf(v)));
        }
        return "row (" + String.join(", ", parts) + (ids.length > SHOWN_IDS ? ", …" : "") + ")";
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public InputRow next() {
        return null;
    }

    @Override
    public String locate(int line, int col) {
        return description + ": " + currentRow() + ", column \"" + header.get(col) + "\"";
    }

    @Override
    public String locateRow(int line) {
        return description + ": " + currentRow();
    }

    @Override
    public int skippedBlankRows() {
        return 0;
    }

    @Override
    public void close() {
        // Nothing is open.
    }
}
