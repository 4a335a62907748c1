/**
 * CSV parameter folders: {@code model.csv} (the layer table) and one weights and one bias file per
 * layer, written by {@link org.sheetnet.csv.CsvModelWriter} and read back bit-identical by
 * {@link org.sheetnet.csv.CsvModelReader}. Only this package and {@code io} know Commons CSV.
 */
package org.sheetnet.csv;
