package org.hqd.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.hqd.hospital.HospitalTier;

/*
 * Per indicator of an evaluated set (with a target or not), per tier and over all the evaluated hospitals:
 *   hospitals = the evaluated hospitals of the tier; with value = those whose value is computed;
 *   mean      = Σ values / with value   (hospital-weighted: each hospital counts once, whatever its size);
 *   median    = the middle value, or the mean of the two middle values when "with value" is even.
 * Tiers in the register's order, hospitals without a tier last; no value: no mean, no median.
 */
/**
 * The tier figures of an evaluation: per indicator of the set, how many hospitals have a value, their mean and
 * median, per tier and overall; and each evaluated hospital's values they are made of.
 */
public record TierFigures(List<Line> lines, List<HospitalValues> hospitals) {
    public TierFigures {
        lines = List.copyOf(lines);
        hospitals = List.copyOf(hospitals);
    }

    /** One group's figures: a tier's ({@code overall} false; empty tier = not registered) or all hospitals'. */
    public record Cell(Optional<HospitalTier> tier, boolean overall, int hospitals, int withValue, OptionalDouble mean,
                       OptionalDouble median) {
        /** The group's name: the tier's label, 未登记层级, or 全部. */
        public String label() {
            return overall ? "全部" : HospitalTier.labelOf(tier);
        }
    }

    /** One indicator's figures: per tier in order, then overall. */
    public record Line(Indicator indicator, List<Cell> tiers, Cell overall) {
        public Line {
            tiers = List.copyOf(tiers);
        }
    }

    /** One hospital's values, an entry per indicator of the set in the set's order (empty: no value). */
    public record HospitalValues(String hospitalId, String hospitalName, Optional<HospitalTier> tier,
                                 List<OptionalDouble> values) {
        public HospitalValues {
            values = List.copyOf(values);
        }
    }

    /** The figures of every indicator of {@code set} over rows that hold every evaluated hospital × indicator. */
    static TierFigures of(IndicatorSet set, List<EvaluationRow> rows) {
        Map<String, Integer> position = new java.util.HashMap<>();
        List<Indicator> indicators = set.indicators();
        for (int k = 0; k < indicators.size(); k++) {
            position.put(indicators.get(k).id(), k);
        }
        Map<String, OptionalDouble[]> values = new LinkedHashMap<>();
        Map<String, EvaluationRow> first = new LinkedHashMap<>();
        for (EvaluationRow r : rows) {
            first.putIfAbsent(r.hospitalId(), r);
            values.computeIfAbsent(r.hospitalId(), k -> {
                OptionalDouble[] v = new OptionalDouble[indicators.size()];
                Arrays.fill(v, OptionalDouble.empty());
                return v;
            })[position.get(r.indicator().id())] = r.value();
        }
        List<HospitalValues> hospitals = new ArrayList<>();
        first.forEach((id, r) -> hospitals.add(new HospitalValues(id, r.hospitalName(), r.tier(),
                Arrays.asList(values.get(id)))));
        return new TierFigures(lines(set, rows), hospitals);
    }

    private static List<Line> lines(IndicatorSet set, List<EvaluationRow> rows) {
        Map<String, Map<Optional<HospitalTier>, List<EvaluationRow>>> byIndicator = new LinkedHashMap<>();
        for (EvaluationRow r : rows) {
            byIndicator.computeIfAbsent(r.indicator().id(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(r.tier(), k -> new ArrayList<>()).add(r);
        }
        List<Line> out = new ArrayList<>();
        for (Indicator i : set.indicators()) {
            Map<Optional<HospitalTier>, List<EvaluationRow>> tiers = byIndicator.getOrDefault(i.id(), Map.of());
            List<Cell> cells = new ArrayList<>();
            List<EvaluationRow> all = new ArrayList<>();
            tiers.entrySet().stream()
                    .sorted(java.util.Comparator.comparingInt(e -> e.getKey().map(Enum::ordinal).orElse(99)))
                    .forEach(e -> {
                        cells.add(cell(e.getKey(), false, e.getValue()));
                        all.addAll(e.getValue());
                    });
            out.add(new Line(i, cells, cell(Optional.empty(), true, all)));
        }
        return out;
    }

    private static Cell cell(Optional<HospitalTier> tier, boolean overall, List<EvaluationRow> rows) {
        double[] v = rows.stream().filter(r -> r.value().isPresent()).mapToDouble(r -> r.value().getAsDouble())
                .sorted().toArray();
        int n = v.length;
        OptionalDouble mean = n == 0 ? OptionalDouble.empty() : OptionalDouble.of(Arrays.stream(v).sum() / n);
        OptionalDouble median = n == 0 ? OptionalDouble.empty()
                : OptionalDouble.of(n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
        return new Cell(tier, overall, rows.size(), n, mean, median);
    }
}
