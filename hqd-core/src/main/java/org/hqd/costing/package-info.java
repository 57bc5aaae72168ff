/**
 * Cost accounting (成本核算) after 《公立医院成本核算规范》(2021): department classes and allocation drivers as data
 * ({@link org.hqd.costing.CostCentreClasses}, {@link org.hqd.costing.DriverCatalog},
 * {@link org.hqd.costing.CostingRules}), the checks of a driver file ({@link org.hqd.costing.DriverFileCheck}), the
 * stepwise allocation (三级分摊) of a hospital's year to the 门诊 and 住院 units of its clinical departments with a
 * trace of every transfer ({@link org.hqd.costing.Allocation}), case costs from a department's 住院 full cost by the
 * cost-to-charge ratio or loaded item costs ({@link org.hqd.costing.CaseCosting}), and margins on cost beside margins
 * on charges ({@link org.hqd.costing.CostMargin}). Amounts are whole fen in {@code long}; every division is
 * {@link org.hqd.costing.Apportion} (largest remainder), so money is conserved to the fen. No I/O here.
 */
package org.hqd.costing;
