package org.hqd.web;

import java.util.OptionalDouble;
import org.hqd.casemix.performance.RankingRule;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.hospital.HospitalTier;
import org.hqd.evaluation.EvaluationRow;

/** The JSON shapes of the API: plain records with numbers or null (never NaN). */
final class Dto {
    private Dto() {
    }

    record Hospital(String id, String name, String tier, String tierLabel) { }

    static final RankingRule RANKING = RankingRule.standard();

    record Metrics(String period, String unit, long cases, long grouped, int drgCount, double totalWeight, Double cmi,
                   Double costIndex, Double timeIndex, Double drugIndex, Double consumableIndex,
                   Double lowRiskMortality, Double midLowRiskMortality, Double alos, Double mortality,
                   Double meanCost, boolean ranked) {
        /** A unit's metrics; {@code ranked}: it has enough grouped cases to be ranked ({@link RankingRule}). */
        static Metrics of(String period, UnitPerformance u) {
            return new Metrics(period, u.unit(), u.cases(), u.grouped(), u.drgCount(), u.totalWeight(), v(u.cmi()),
                    v(u.costIndex()), v(u.timeIndex()), v(u.drugIndex()), v(u.consumableIndex()),
                    v(u.lowRiskMortality()), v(u.midLowRiskMortality()), v(u.alos()), v(u.mortality()),
                    v(u.meanCost()), RANKING.ranks(u.grouped()));
        }
    }

    record Evaluation(String hospitalId, String hospitalName, String tier, String tierLabel, String indicator,
                      String indicatorName, String dimension, String unit, Double value, Double target,
                      String comparator, String status, String statusLabel, Double gap, Integer rankInTier,
                      int tierSize) {
        static Evaluation of(EvaluationRow r) {
            return new Evaluation(r.hospitalId(), r.hospitalName(), r.tier().map(Enum::name).orElse(null),
                    HospitalTier.labelOf(r.tier()), r.indicator().id(), r.indicator().name(),
                    r.indicator().dimension().label(), r.indicator().unit(), v(r.value()),
                    r.target().map(t -> t.value()).orElse(null), r.target().map(t -> t.comparison().name()).orElse(null),
                    r.status().map(Enum::name).orElse(null), r.status().map(s -> s.label()).orElse(null), v(r.gap()),
                    r.rankInTier().isPresent() ? r.rankInTier().getAsInt() : null, r.tierSize());
        }
    }

    static Double v(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
