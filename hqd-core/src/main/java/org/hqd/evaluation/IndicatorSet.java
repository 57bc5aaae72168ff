package org.hqd.evaluation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.hqd.HqdException;
import org.hqd.TsvRows;

/**
 * A named indicator set — the national tertiary assessment (国考), the secondary one, the 2022 high-quality
 * development evaluation, HQD's own — read from TSV: properties {@code # id:}, {@code # name:}, {@code # document:}
 * (what it transcribes), {@code # targets:} (the id of its bundled target set), optionally {@code # applies_to:} (the
 * hospital tiers it applies to, e.g. the tertiary ones for the national tertiary assessment; none: every hospital)
 * and {@code # scope:} (what those are called, e.g. 三级医院), then one row per member with
 * columns {@code national_no, indicator, name, dimension, group, monitored}. {@code indicator} is a definition of
 * the {@link IndicatorCatalog}; {@code name} and {@code dimension} may be blank to take the definition's;
 * {@code monitored} is {@code ▲} (or {@code 1}) for the indicators the state monitors itself.
 */
public final class IndicatorSet {
    static final List<String> COLUMNS = List.of("national_no", "indicator", "name", "dimension", "group",
            "monitored");

    /**
     * One member: its number in the set's document (empty when the set has none), the indicator as the set presents
     * it (the definition with the set's name and dimension), its group (二级指标) and whether it is ▲ monitored.
     */
    public record Member(OptionalInt nationalNo, Indicator indicator, String group, boolean monitored) {
        public Member {
            Objects.requireNonNull(indicator, "indicator");
            Objects.requireNonNull(group, "group");
        }

        public String id() {
            return indicator.id();
        }
    }

    private final String id;
    private final String name;
    private final String document;
    private final String targets;
    private final List<Member> members;
    private final Applicability applicability;

    private IndicatorSet(String id, String name, String document, String targets, List<Member> members,
                         Applicability applicability) {
        this.id = id;
        this.name = name;
        this.document = document;
        this.targets = targets;
        this.members = List.copyOf(members);
        this.applicability = applicability;
    }

    /** A set from TSV text whose indicators are definitions of {@code catalogue}; {@code source} names it. */
    public static IndicatorSet parse(String text, String source, IndicatorCatalog catalogue) {
        TsvRows t = TsvRows.parse(text, source, COLUMNS);
        String id = t.properties().getOrDefault("id", "");
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw new HqdException(source + " 应以 '# id: <指标集编号>' 开头（小写字母、数字、-），实际为 '" + id + "'");
        }
        List<Member> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (TsvRows.Row r : t.rows()) {
            String ref = r.get("indicator");
            Indicator def = catalogue.indicator(ref).orElseThrow(() -> r.error("指标 '" + ref + "' 不在指标目录中"));
            if (!seen.add(ref)) {
                throw r.error("指标 '" + ref + "' 在指标集中重复");
            }
            String no = r.optional("national_no");
            OptionalInt number = OptionalInt.empty();
            if (!no.isEmpty()) {
                if (!no.matches("\\d{1,3}")) {
                    throw r.error("national_no 应为正整数或留空，实际为 '" + no + "'");
                }
                number = OptionalInt.of(Integer.parseInt(no));
                if (!numbers.add(number.getAsInt())) {
                    throw r.error("national_no " + no + " 重复");
                }
            }
            String dimensionText = r.optional("dimension");
            Dimension dimension = dimensionText.isEmpty() ? def.dimension() : Dimension.of(dimensionText).orElseThrow(
                    () -> r.error("维度应为 医疗质量、运营效率、持续发展 或 满意度评价，实际为 '" + dimensionText + "'"));
            String shown = r.optional("name").isEmpty() ? def.name() : r.optional("name");
            String mark = r.optional("monitored");
            if (!mark.isEmpty() && !mark.equals("▲") && !mark.equals("1")) {
                throw r.error("monitored 应为 ▲、1 或留空，实际为 '" + mark + "'");
            }
            out.add(new Member(number, new Indicator(def.id(), shown, dimension, def.formula(), def.unit(),
                    def.direction(), def.source(), def.note()), r.optional("group"), !mark.isEmpty()));
        }
        if (out.isEmpty()) {
            throw new HqdException(source + " 没有指标");
        }
        return new IndicatorSet(id, t.properties().getOrDefault("name", id), t.properties().getOrDefault("document", ""),
                t.properties().getOrDefault("targets", ""), out, Applicability.parse(
                        t.properties().getOrDefault("applies_to", ""), t.properties().getOrDefault("scope", ""), source));
    }

    /** Every definition of a catalogue, in its order, as a set with this id (no numbers, no groups). */
    public static IndicatorSet whole(String id, IndicatorCatalog catalogue) {
        List<Member> members = catalogue.indicators().stream()
                .map(i -> new Member(OptionalInt.empty(), i, "", false)).toList();
        return new IndicatorSet(id, id, "", "", members, Applicability.EVERY_HOSPITAL);
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The document the set transcribes, with its status (empty when none). */
    public String document() {
        return document;
    }

    /** The id of the target set bundled for this set (empty when none). */
    public String defaultTargets() {
        return targets;
    }

    /** The hospitals the set applies to (the national sets: those of their level). */
    public Applicability applicability() {
        return applicability;
    }

    /** The members in the set's order. */
    public List<Member> members() {
        return members;
    }

    /** The indicators as the set presents them, in order. */
    public List<Indicator> indicators() {
        return members.stream().map(Member::indicator).toList();
    }

    public Optional<Member> member(String indicator) {
        return members.stream().filter(m -> m.id().equals(indicator)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
