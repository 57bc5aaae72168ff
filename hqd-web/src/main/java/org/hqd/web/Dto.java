package org.hqd.web;

import java.util.OptionalDouble;
import org.hqd.casemix.performance.RankingRule;
import org.hqd.casemix.performance.UnitPerformance;
import org.hqd.hospital.HospitalTier;
import org.hqd.evaluation.EvaluationRow;
import org.hqd.evaluation.IndicatorSet;

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

    /**
     * A row of an evaluation: the indicator as the set presents it (its national number when it has one), the value
     * with its source or the reason it has none, the target and status, the rank and percentile among the peers
     * (same tier and type).
     */
    record Evaluation(String hospitalId, String hospitalName, String tier, String tierLabel, String peerGroup,
                      String indicator, Integer nationalNo, String indicatorName, String dimension, String unit,
                      Double value, String source, String noData, Double target, String comparator, String status,
                      String statusLabel, Double gap, Integer rankInPeers, int peers, Double percentile) {
        static Evaluation of(EvaluationRow r, IndicatorSet set) {
            return new Evaluation(r.hospitalId(), r.hospitalName(), r.tier().map(Enum::name).orElse(null),
                    HospitalTier.labelOf(r.tier()), r.peerGroup().label(), r.indicator().id(),
                    Dto.nationalNo(set, r.indicator().id()),
                    r.indicator().name(), r.indicator().dimension().label(), r.indicator().unit(), v(r.value()),
                    r.source(), r.noData(), r.target().map(t -> t.value()).orElse(null),
                    r.target().map(t -> t.comparison().name()).orElse(null), r.status().map(Enum::name).orElse(null),
                    r.status().map(s -> s.label()).orElse(null), v(r.gap()),
                    r.rankInPeers().isPresent() ? r.rankInPeers().getAsInt() : null, r.peers(), v(r.percentile()));
        }
    }

    /** The indicator's number in the set's document; null when it has none. */
    static Integer nationalNo(IndicatorSet set, String indicator) {
        return set.member(indicator).flatMap(m -> m.nationalNo().isPresent()
                ? java.util.Optional.of(m.nationalNo().getAsInt()) : java.util.Optional.empty()).orElse(null);
    }

    static Double v(OptionalDouble d) {
        return d.isPresent() ? d.getAsDouble() : null;
    }
}
