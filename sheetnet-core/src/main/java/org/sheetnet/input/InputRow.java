package org.sheetnet.input;

import org.sheetnet.sheet.CellValues;

/**
 * One case read from an input sheet or CSV file.
 *
 * @param line   where it stands in its source: the sheet row or CSV line, from 1
 * @param values cell values as read by {@link CellValues}: Double, String, Boolean, ErrorValue or null;
 *               one per header column
 */
public record InputRow(int line, Object[] values) {
}
