/**
 * The cost accounting's tables (schema v15): loaded drivers, class overrides, rule sets and item costs
 * ({@link org.hqd.store.costing.CostingInputs}, {@link org.hqd.store.costing.CostingLoads}), the results of a run —
 * units, transfers, levels, ratios and case costs ({@link org.hqd.store.costing.CostingResults}) — and DRG cost with
 * margin ({@link org.hqd.store.costing.DrgCostQuery}).
 */
package org.hqd.store.costing;
