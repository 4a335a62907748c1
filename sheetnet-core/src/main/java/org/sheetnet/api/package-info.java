/**
 * sheetnet as a library: the one package a program needs. {@link org.sheetnet.api.Sheetnet#load}
 * reads a model (workbook, CSV folder, Keras file, or a stream) into a {@link org.sheetnet.api.SheetnetModel},
 * which predicts one row (by name or position), scores or traces a batch, and verifies itself
 * against its stored check vectors. Errors are {@link org.sheetnet.SheetnetException}, with their
 * place as {@link org.sheetnet.Location} fields. Every other package is internal.
 */
package org.sheetnet.api;
