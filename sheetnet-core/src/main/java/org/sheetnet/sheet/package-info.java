/**
 * Value types for cells and ranges (A1 notation, sheet names quoted as Excel quotes them, cell values)
 * that reading and writing sheets share.
 */
package org.sheetnet.sheet;
