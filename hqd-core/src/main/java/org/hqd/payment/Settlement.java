package org.hqd.payment;

import java.util.List;
import java.util.Objects;

/**
 * The insurer's settlement of one case (the columns of {@code hqd payment settle}).
 *
 * @param payer      the national payment-method code (1–9) when the case's value is known, else the value as recorded
 * @param insured    the fund pays the case; when not, it has no points, no payment and no balance
 * @param group      the case's DRG (or DIP group), as grouped; empty when none
 * @param weight     the group's weight (or score) it is paid under; {@code NaN} when the group has none (ungrouped)
 * @param rule       which rule paid it: {@code normal}, {@code high}, {@code low}, a special case's id, {@code review}
 *                   or {@code ungrouped}
 * @param points     the case's points; {@code NaN} when not insured
 * @param paymentFen points × yuan per point, in fen (rounded half up); 0 when not insured
 * @param cost       what the case cost (its charges unless a cost source says otherwise)
 * @param trace      why, one step a line, in Chinese; empty unless asked for
 */
public record Settlement(String hospitalId, String recordId, String payer, boolean insured, String group,
                         double weight, CaseType type, String rule, double points, long paymentFen, double charges,
                         double cost, List<String> trace) {
    public Settlement {
        Objects.requireNonNull(type, "type");
        trace = List.copyOf(trace);
    }

    /** The payment in yuan; {@code NaN} when not insured. */
    public double payment() {
        return insured ? paymentFen / 100.0 : Double.NaN;
    }

    /** The cost in fen (rounded half up). */
    public long costFen() {
        return Math.round(cost * 100);
    }

    /** Payment − cost in fen; 0 when not insured. */
    public long balanceFen() {
        return insured ? paymentFen - costFen() : 0;
    }

    /** Payment − cost in yuan (both to the fen); {@code NaN} when not insured. */
    public double balance() {
        return insured ? balanceFen() / 100.0 : Double.NaN;
    }
}
