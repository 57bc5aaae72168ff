package org.hqd.store.payment;

/**
 * What a case cost the hospital, for the balance of its settlement (payment − cost), as an SQL expression over the
 * case {@code c} with any join it needs: its charges ({@code total_cost}) by default; cost accounting supplies the
 * case's own cost in its place (the store counterpart of {@link org.hqd.payment.CaseCostSource}).
 */
public record CostBasis(String label, String expression, String join) {
    /** The charges of the case, 0 when unknown. */
    public static final CostBasis CHARGES = new CostBasis("总费用", "coalesce(c.total_cost, 0)", "");
}
