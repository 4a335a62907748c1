/**
 * The model workbook format: a Model sheet listing the layers, the weights and bias blocks it names,
 * and the optional Features and Checks sheets; read into a model.Model through the hardened reader in
 * org.sheetnet.xlsx, and written back from one.
 */
package org.sheetnet.format.workbook;
