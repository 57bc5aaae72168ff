package org.hqd.casemix.dip;

import java.util.List;
import org.hqd.casemix.performance.UnitPerformance;

/** One unit's DIP figures; {@code performance().totalWeight()} is its total score, {@code cmi()} its mean. */
public record DipUnitScore(UnitPerformance performance, double groupedCost, double payment, double balance) {
    /** The point value these lines were paid at: the one asked for, or the budget-neutral one. */
    public static double pointValue(List<DipUnitScore> lines) {
        double score = lines.stream().mapToDouble(l -> l.performance().totalWeight()).sum();
        double payment = lines.stream().mapToDouble(DipUnitScore::payment).sum();
        return score == 0 ? 0 : payment / score;
    }
}
