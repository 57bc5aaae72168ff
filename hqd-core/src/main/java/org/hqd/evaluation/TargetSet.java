package org.hqd.evaluation;

import org.hqd.TsvRows;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.hqd.hospital.HospitalTier;

/**
 * A named set of targets, read from TSV: properties {@code # id:}, {@code # name:} and {@code # set:} (the
 * {@link IndicatorSet} it sets targets for; {@value IndicatorSets#DEFAULT} when absent), then columns
 * {@code indicator, tier, comparison, target, year, source} ({@code tier} {@code *} or blank for every tier,
 * {@code year} blank for any year). A target set ships with every bundled indicator set ({@code design-default} for
 * HQD's own); a region loads its own.
 */
public final class TargetSet {
    static final List<String> COLUMNS = List.of("indicator", "tier", "comparison", "target", "year", "source");

    private final String id;
    private final String name;
    private final String indicatorSet;
    private final List<Target> targets;

    public TargetSet(String id, String name, List<Target> targets) {
        this(id, name, IndicatorSets.DEFAULT, targets);
    }

    public TargetSet(String id, String name, String indicatorSet, List<Target> targets) {
        this.id = id;
        this.name = name;
        this.indicatorSet = indicatorSet;
        this.targets = List.copyOf(targets);
    }

    /** The set shipped with HQD for its own indicators: the tier matrix and the other targets of DESIGN §4. */
    public static TargetSet standard(IndicatorCatalog catalogue) {
        return bundled("design-default", catalogue);
    }

    /** A target set shipped with HQD ({@code targets-<id>.tsv}), e.g. the default of a bundled indicator set. */
    public static TargetSet bundled(String id, IndicatorCatalog catalogue) {
        String file = "targets-" + id + ".tsv";
        return parse(IndicatorCatalog.resource(file), file, catalogue);
    }

    /**
     * Every problem of using this target set with an indicator set: it was written for another set, or it has a
     * target for an indicator the set does not have. Empty when it fits.
     */
    public List<String> problemsWith(IndicatorSet set) {
        List<String> out = new java.util.ArrayList<>();
        if (!indicatorSet.equals(set.id())) {
            out.add("目标集 " + id + " 是为指标集 " + indicatorSet + " 制定的，不是 " + set.id());
        }
        targets.stream().map(Target::indicator).distinct().filter(i -> set.member(i).isEmpty())
                .forEach(i -> out.add("目标集 " + id + " 中的指标 " + i + " 不在指标集 " + set.id() + " 中"));
        return out;
    }

    /** A set from TSV text; every indicator must be in the catalogue. */
    public static TargetSet parse(String text, String source, IndicatorCatalog catalogue) {
        TsvRows t = TsvRows.parse(text, source, COLUMNS);
        String id = t.properties().getOrDefault("id", "");
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new org.hqd.HqdException(source + " 应以 '# id: <目标集编号>' 开头（字母、数字、- _ .），实际为 '" + id + "'");
        }
        String name = t.properties().getOrDefault("name", id);
        String indicatorSet = t.properties().getOrDefault("set", IndicatorSets.DEFAULT);
        List<Target> out = new java.util.ArrayList<>();
        for (TsvRows.Row r : t.rows()) {
            String indicator = r.get("indicator");
            if (catalogue.indicator(indicator).isEmpty()) {
                throw r.error("指标 '" + indicator + "' 不在指标目录中");
            }
            String tierText = r.optional("tier");
            Optional<HospitalTier> tier = tierText.isEmpty() || tierText.equals("*") ? Optional.empty()
                    : Optional.of(HospitalTier.byName(tierText).orElseThrow(() -> r.error("层级应为 "
                    + java.util.Arrays.toString(HospitalTier.values()) + " 或 *，实际为 '" + tierText + "'")));
            Comparison comparison = Comparison.of(r.get("comparison")).orElseThrow(() -> r.error(
                    "比较方式应为 GE、GT、LE、LT（或 ≥ > ≤ <），实际为 '" + r.get("comparison") + "'"));
            String number = r.get("target");
            if (!number.matches("-?\\d+(\\.\\d+)?")) {
                throw r.error("目标值 '" + number + "' 不是数字（占比写小数，如 0.35）");
            }
            double value = Double.parseDouble(number);
            String yearText = r.optional("year");
            if (!yearText.isEmpty() && !yearText.matches("\\d{4}")) {
                throw r.error("年份 '" + yearText + "' 应为四位数字或留空");
            }
            OptionalInt year = yearText.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(yearText));
            String origin = r.get("source");
            for (Target earlier : out) {
                if (earlier.indicator().equals(indicator) && earlier.tier().equals(tier) && earlier.year().equals(year)) {
                    throw r.error("与前面的目标重复：同一指标、层级和年份只能有一个目标");
                }
            }
            out.add(new Target(indicator, tier, comparison, value, year, origin));
        }
        return new TargetSet(id, name, indicatorSet, out);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The id of the indicator set the targets are for. */
    public String indicatorSet() {
        return indicatorSet;
    }

    public List<Target> targets() {
        return targets;
    }

    /**
     * The target that applies to an indicator for a tier in a year: a row for the tier beats a row for every tier;
     * among those, the row of the year, else of the nearest later year (the target being worked toward), else an
     * undated row, else the nearest earlier year.
     */
    public Optional<Target> applicable(String indicator, Optional<HospitalTier> tier, int year) {
        for (boolean ownTier : new boolean[] {true, false}) {
            if (ownTier && tier.isEmpty()) {
                continue;
            }
            List<Target> candidates = targets.stream().filter(t -> t.indicator().equals(indicator))
                    .filter(t -> ownTier ? t.tier().equals(tier) : t.tier().isEmpty()).toList();
            Optional<Target> best = candidates.stream().min(Comparator.comparingInt(t -> preference(t, year)));
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }

    /** Lower is preferred: same year 0, later years 1.., undated 100000, earlier years above that. */
    private static int preference(Target t, int year) {
        if (t.year().isEmpty()) {
            return 100_000;
        }
        int y = t.year().getAsInt();
        return y >= year ? y - year : 100_000 + (year - y);
    }
}
