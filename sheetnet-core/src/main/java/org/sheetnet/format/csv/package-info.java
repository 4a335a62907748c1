/**
 * CSV parameter folders: {@code model.csv} (the layer table) and one weights and one bias file per
 * layer, written by {@link org.sheetnet.format.csv.CsvModelWriter} and read back bit-identical by
 * {@link org.sheetnet.format.csv.CsvModelReader}. Only this package and {@code input} know Commons CSV.
 */
package org.sheetnet.format.csv;
