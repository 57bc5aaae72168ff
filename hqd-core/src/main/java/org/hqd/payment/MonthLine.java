package org.hqd.payment;

/**
 * Monthly pre-settlement (月度预结算) of a hospital: its insured cases discharged in the month, their points and what
 * the fund pays for them at the version's point value, against their cost; cases by type, and the cases the fund does
 * not pay.
 *
 * @param month {@code YYYY-MM}
 */
public record MonthLine(String month, String hospitalId, long cases, double points, long paymentFen, long costFen,
                        long normal, long high, long low, long special, long ungrouped, long notInsured) {
    public long balanceFen() {
        return paymentFen - costFen;
    }
}
