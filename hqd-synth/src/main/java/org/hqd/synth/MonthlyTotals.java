package org.hqd.synth;

/**
 * The inpatient totals of every hospital and month of a run, summed from the blocks as they are written: stays, their
 * bed-days, total cost and the insurance fund's share of it (cents). An accumulator, used by one thread.
 */
final class MonthlyTotals {
    private final int months;
    private final long[] cents;
    private final long[] fund;
    private final int[] stays;
    private final long[] bedDays;

    MonthlyTotals(int hospitals, int months) {
        this.months = months;
        this.cents = new long[hospitals * months];
        this.fund = new long[hospitals * months];
        this.stays = new int[hospitals * months];
        this.bedDays = new long[hospitals * months];
    }

    void add(AbstractBlock b) {
        for (int i = 0; i < b.cells().length; i++) {
            int c = b.cells()[i];
            cents[c] += b.cents()[i];
            fund[c] += b.fund()[i];
            stays[c]++;
            bedDays[c] += b.los()[i];
        }
    }

    /** Total cost of the hospital's stays discharged in the month, in cents. */
    long cents(int hospital, int month) {
        return cents[hospital * months + month];
    }

    /** The insurance fund's share of it (符合条件的住院医保基金支出), in cents. */
    long fund(int hospital, int month) {
        return fund[hospital * months + month];
    }

    int stays(int hospital, int month) {
        return stays[hospital * months + month];
    }

    /** The days the hospital's stays discharged in the month spent in hospital (their lengths of stay). */
    long bedDays(int hospital, int month) {
        return bedDays[hospital * months + month];
    }
}
