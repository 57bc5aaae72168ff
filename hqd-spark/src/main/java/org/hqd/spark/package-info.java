/**
 * HQD on Apache Spark, for a province: the same core grouper in {@code mapPartitions} (the rule pack broadcast once),
 * and the standards, unit metrics and evaluation measures in Spark SQL with the definitions of the embedded store's
 * SQL ({@code StandardsStore}, {@code UnitMetricsQuery}, {@code MeasureQuery}); the evaluation itself is the core
 * {@link org.hqd.evaluation.Evaluator}. Results are Parquet tables.
 */
package org.hqd.spark;
