/**
 * Scoring against known answers: which input columns hold the targets ({@link org.sheetnet.evaluate.Targets}),
 * and the metrics accumulated batch by batch without keeping rows
 * ({@link org.sheetnet.evaluate.RegressionMetrics}, {@link org.sheetnet.evaluate.ClassificationMetrics}),
 * gathered by an {@link org.sheetnet.evaluate.Evaluator}. No POI here: the output package writes the
 * results.
 */
package org.sheetnet.evaluate;
