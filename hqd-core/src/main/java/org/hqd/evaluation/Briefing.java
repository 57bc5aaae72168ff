package org.hqd.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.hospital.HospitalTier;

/*
 * What a briefing (通报) says, from one evaluation:
 *  - counts of rows by status and the met rate = MET / (MET + WARNING + NOT_MET), overall and per tier, with the
 *    mean overall composite score of each tier;
 *  - per tier a table: each hospital's overall score and rank, and its row for every targeted indicator;
 *  - the hospitals furthest from their targets: most NOT_MET first, then the largest mean relative shortfall
 *    (EvaluationRow.shortfall over its not-met and warning rows), with the worst indicator;
 *  - the indicators most often missed: NOT_MET / hospitals with a value and a target, highest first.
 */
/** The content of a region's briefing, independent of how it is rendered. */
public final class Briefing {
    /** One tier's figures. */
    public record TierSummary(Optional<HospitalTier> tier, int hospitals, Map<Status, Integer> statuses,
                              OptionalDouble metRate, OptionalDouble meanScore) { }

    /** One tier's table: the indicators with a target in the tier and a line per hospital. */
    public record TierTable(Optional<HospitalTier> tier, List<Indicator> indicators, List<TierLine> lines) { }

    /** A hospital's line of a tier table: overall score and rank, and its row per indicator (may be missing). */
    public record TierLine(String hospitalId, String hospitalName, OptionalDouble score, java.util.OptionalInt rank,
                           Map<String, EvaluationRow> rows) { }

    /** A hospital far from its targets. */
    public record HospitalGap(String hospitalId, String hospitalName, Optional<HospitalTier> tier, int notMet,
                              int warnings, int targets, double meanShortfall, Optional<EvaluationRow> worst) { }

    /** How often an indicator is missed. */
    public record IndicatorMiss(Indicator indicator, int withTarget, int withData, int notMet, int warnings,
                                OptionalDouble missRate) { }

    private final Evaluation evaluation;
    private final Optional<String> region;
    private final TierSummary overall;
    private final List<TierSummary> tiers;
    private final List<TierTable> tables;
    private final List<HospitalGap> furthest;
    private final List<IndicatorMiss> mostMissed;

    private Briefing(Evaluation evaluation, Optional<String> region, TierSummary overall, List<TierSummary> tiers,
                     List<TierTable> tables, List<HospitalGap> furthest, List<IndicatorMiss> mostMissed) {
        this.evaluation = evaluation;
        this.region = region;
        this.overall = overall;
        this.tiers = tiers;
        this.tables = tables;
        this.furthest = furthest;
        this.mostMissed = mostMissed;
    }

    /** The briefing of an evaluation (made without {@code allIndicators}), listing at most {@code top} hospitals. */
    public static Briefing of(Evaluation e, Optional<String> region, int top) {
        Map<Optional<HospitalTier>, List<EvaluationRow>> byTier = new LinkedHashMap<>();
        e.rows().forEach(r -> byTier.computeIfAbsent(r.tier(), k -> new ArrayList<>()).add(r));
        Map<String, DimensionScore> overallScore = new LinkedHashMap<>();
        e.scores().stream().filter(s -> s.dimension().isEmpty()).forEach(s -> overallScore.put(s.hospitalId(), s));
        Map<Optional<HospitalTier>, List<DimensionScore>> scoresByTier = new LinkedHashMap<>();
        overallScore.values().forEach(s -> scoresByTier.computeIfAbsent(s.tier(), k -> new ArrayList<>()).add(s));

        List<TierSummary> tiers = new ArrayList<>();
        List<TierTable> tables = new ArrayList<>();
        for (Map.Entry<Optional<HospitalTier>, List<DimensionScore>> t : scoresByTier.entrySet()) {
            List<EvaluationRow> rows = byTier.getOrDefault(t.getKey(), List.of());
            tiers.add(summary(t.getKey(), t.getValue().size(), rows, t.getValue()));
            tables.add(table(t.getKey(), rows, t.getValue()));
        }
        TierSummary overall = summary(Optional.empty(), overallScore.size(), e.rows(),
                List.copyOf(overallScore.values()));
        return new Briefing(e, region, overall, tiers, tables, furthest(e.rows(), top), mostMissed(e.rows()));
    }

    private static TierSummary summary(Optional<HospitalTier> tier, int hospitals, List<EvaluationRow> rows,
                                       List<DimensionScore> scores) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        rows.forEach(r -> r.status().ifPresent(s -> counts.merge(s, 1, Integer::sum)));
        int judged = counts.get(Status.MET) + counts.get(Status.WARNING) + counts.get(Status.NOT_MET);
        OptionalDouble metRate = judged == 0 ? OptionalDouble.empty()
                : OptionalDouble.of((double) counts.get(Status.MET) / judged);
        OptionalDouble mean = scores.stream().filter(s -> s.score().isPresent())
                .mapToDouble(s -> s.score().getAsDouble()).average();
        return new TierSummary(tier, hospitals, counts, metRate, mean);
    }

    private static TierTable table(Optional<HospitalTier> tier, List<EvaluationRow> rows, List<DimensionScore> scores) {
        List<Indicator> indicators = new ArrayList<>();
        Map<String, Map<String, EvaluationRow>> byHospital = new LinkedHashMap<>();
        for (EvaluationRow r : rows) {
            if (r.target().isEmpty()) {
                continue;
            }
            if (indicators.stream().noneMatch(i -> i.id().equals(r.indicator().id()))) {
                indicators.add(r.indicator());
            }
            byHospital.computeIfAbsent(r.hospitalId(), k -> new LinkedHashMap<>()).put(r.indicator().id(), r);
        }
        List<TierLine> lines = new ArrayList<>();
        for (DimensionScore s : scores) {
            Map<String, EvaluationRow> own = byHospital.getOrDefault(s.hospitalId(), Map.of());
            String name = own.values().stream().findFirst().map(EvaluationRow::hospitalName).orElse(s.hospitalId());
            lines.add(new TierLine(s.hospitalId(), name, s.score(), s.rankInPeers(), own));
        }
        lines.sort(Comparator.comparingInt((TierLine l) -> l.rank().isPresent() ? l.rank().getAsInt()
                : Integer.MAX_VALUE).thenComparing(TierLine::hospitalId));
        return new TierTable(tier, indicators, lines);
    }

    private static List<HospitalGap> furthest(List<EvaluationRow> rows, int top) {
        Map<String, List<EvaluationRow>> byHospital = new LinkedHashMap<>();
        rows.stream().filter(r -> r.target().isPresent())
                .forEach(r -> byHospital.computeIfAbsent(r.hospitalId(), k -> new ArrayList<>()).add(r));
        List<HospitalGap> out = new ArrayList<>();
        for (List<EvaluationRow> own : byHospital.values()) {
            EvaluationRow first = own.get(0);
            int notMet = (int) own.stream().filter(r -> r.status().orElse(null) == Status.NOT_MET).count();
            int warnings = (int) own.stream().filter(r -> r.status().orElse(null) == Status.WARNING).count();
            List<EvaluationRow> missed = own.stream()
                    .filter(r -> r.status().filter(x -> x == Status.NOT_MET || x == Status.WARNING).isPresent()).toList();
            double mean = missed.stream().mapToDouble(EvaluationRow::shortfall).average().orElse(0);
            Optional<EvaluationRow> worst = missed.stream().max(Comparator.comparingDouble(EvaluationRow::shortfall));
            if (notMet + warnings > 0) {
                out.add(new HospitalGap(first.hospitalId(), first.hospitalName(), first.tier(), notMet, warnings,
                        own.size(), mean, worst));
            }
        }
        out.sort(Comparator.comparingInt(HospitalGap::notMet).reversed()
                .thenComparing(Comparator.comparingDouble(HospitalGap::meanShortfall).reversed())
                .thenComparing(HospitalGap::hospitalId));
        return List.copyOf(out.subList(0, Math.min(top, out.size())));
    }

    private static List<IndicatorMiss> mostMissed(List<EvaluationRow> rows) {
        Map<String, int[]> counts = new LinkedHashMap<>(); // with target, with data, not met, warnings
        Map<String, Indicator> indicators = new LinkedHashMap<>();
        for (EvaluationRow r : rows) {
            if (r.target().isEmpty()) {
                continue;
            }
            indicators.putIfAbsent(r.indicator().id(), r.indicator());
            int[] c = counts.computeIfAbsent(r.indicator().id(), k -> new int[4]);
            c[0]++;
            Status s = r.status().orElseThrow();
            c[1] += s == Status.NO_DATA ? 0 : 1;
            c[2] += s == Status.NOT_MET ? 1 : 0;
            c[3] += s == Status.WARNING ? 1 : 0;
        }
        List<IndicatorMiss> out = new ArrayList<>();
        counts.forEach((id, c) -> out.add(new IndicatorMiss(indicators.get(id), c[0], c[1], c[2], c[3],
                c[1] == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) c[2] / c[1]))));
        out.sort(Comparator.comparingDouble((IndicatorMiss m) -> m.missRate().orElse(-1)).reversed()
                .thenComparing(m -> m.indicator().id()));
        return out;
    }

    public Evaluation evaluation() {
        return evaluation;
    }

    public Optional<String> region() {
        return region;
    }

    public TierSummary overall() {
        return overall;
    }

    public List<TierSummary> tiers() {
        return tiers;
    }

    public List<TierTable> tables() {
        return tables;
    }

    public List<HospitalGap> furthest() {
        return furthest;
    }

    public List<IndicatorMiss> mostMissed() {
        return mostMissed;
    }
}
