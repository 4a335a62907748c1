/**
 * What a run writes, independent of where it goes: each layer's pre-activation and activation sheets
 * and their formulas, the formula check, Evaluation and its charts, CheckPlot, the trained model's
 * workbook, and the value hashes the Audit records.
 */
package org.sheetnet.report;
