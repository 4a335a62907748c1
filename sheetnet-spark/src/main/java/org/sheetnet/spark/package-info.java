/**
 * Scoring on Apache Spark with sheetnet-core's one scoring path: {@link org.sheetnet.spark.SheetnetTransformer}
 * (a Spark ML Transformer that appends a model's outputs to a DataFrame, batch by batch per partition
 * through {@link org.sheetnet.engine.BatchScorer}), and the {@code spark-score} job that reads CSV or
 * Parquet, writes the predictions and an audit workbook. Spark itself is provided by the cluster (or by
 * {@code ./sheetnet}'s classpath for the embedded local mode); nothing here is Scala.
 */
package org.sheetnet.spark;
