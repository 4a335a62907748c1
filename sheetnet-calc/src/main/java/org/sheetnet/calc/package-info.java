/**
 * sheetnet inside LibreOffice Calc: the extension {@code sheetnet.oxt}. A protocol handler gives the
 * "sheetnet" menu (Score, Check, Verify, Replace sheetnet functions by values) acting on the open
 * document, read and written through UNO, never through a file; an add-in gives the cell functions
 * {@code SHEETNET.PREDICT} and {@code SHEETNET.ACT}. Both run the library's one scoring path, so the
 * numbers are those of {@code sheetnet score}, bit for bit.
 */
package org.sheetnet.calc;
