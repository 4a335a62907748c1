/**
 * Input rows, wherever they come from (a streamed .xlsx sheet, a CSV file, a sheet already read), and
 * the binding of their columns to the model's inputs: by name, or by position with the mapping reported.
 */
package org.sheetnet.input;
