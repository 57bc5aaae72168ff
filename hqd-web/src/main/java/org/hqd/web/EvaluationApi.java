package org.hqd.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.access.Role;
import org.hqd.access.Scope;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.IndicatorSet;
import org.hqd.evaluation.IndicatorSets;
import org.hqd.evaluation.TierFigures;
import org.hqd.hospital.HospitalTier;

/**
 * The evaluation's pages: {@code GET /api/evaluation} (the rows the user may see) and {@code GET /api/evaluation/tiers}
 * (per indicator of the set the tier figures — hospitals with a value, mean, median — and each hospital's values).
 * Who sees what: a regional regulator its region's hospitals (ranked among themselves), an admin all, a hospital
 * user the figures of every tier but only its own hospital's rows, a department user nothing. Every answer says the
 * set's scope ({@code scopeNote}) and, when the hospital asked for is outside it, why it is not rated ({@code notice}).
 */
final class EvaluationApi {
    /** One group of a tier figure: a tier ({@code tier} its name; null: not registered, or all when {@code overall}). */
    record Cell(String tier, String label, boolean overall, int hospitals, int withValue, Double mean, Double median) {
        static Cell of(TierFigures.Cell c) {
            return new Cell(c.overall() ? null : c.tier().map(Enum::name).orElse(null), c.label(), c.overall(),
                    c.hospitals(), c.withValue(), Dto.v(c.mean()), Dto.v(c.median()));
        }
    }

    /** One indicator's tier figures: the tiers in the register's order, then all hospitals. */
    record Figure(String indicator, Integer nationalNo, String name, String dimension, String unit, String direction,
                  List<Cell> cells) {
        static Figure of(TierFigures.Line l, IndicatorSet set) {
            List<Cell> cells = new ArrayList<>(l.tiers().stream().map(Cell::of).toList());
            cells.add(Cell.of(l.overall()));
            return new Figure(l.indicator().id(), Dto.nationalNo(set, l.indicator().id()), l.indicator().name(),
                    l.indicator().dimension().label(), l.indicator().unit(), l.indicator().direction().name(), cells);
        }
    }

    /** A hospital's values, one per indicator in the order of {@code figures} (null: no value). */
    record Values(String hospitalId, String hospitalName, String tier, String tierLabel, List<Double> values) {
        static Values of(TierFigures.HospitalValues h) {
            return new Values(h.hospitalId(), h.hospitalName(), h.tier().map(Enum::name).orElse(null),
                    HospitalTier.labelOf(h.tier()), h.values().stream().map(Dto::v).toList());
        }
    }

    private final DataApi data;

    EvaluationApi(DataApi data) {
        this.data = data;
    }

    /** {@code GET /api/evaluation?period=&set=&targets=&hospital=}: the evaluation rows the user may see. */
    void evaluation(Context ctx) {
        data.send(ctx, () -> {
            Asked a = asked(ctx);
            Map<String, Object> out = head(a);
            out.put("targetSet", a.e.targets().id());
            out.put("rows", a.e.rows().stream().filter(r -> a.shows(r.hospitalId()))
                    .map(r -> Dto.Evaluation.of(r, a.e.set())).toList());
            return out;
        });
    }

    /** {@code GET /api/evaluation/tiers?period=&set=&targets=&hospital=}: the tier figures and the hospitals' values. */
    void tiers(Context ctx) {
        data.send(ctx, () -> {
            Asked a = asked(ctx);
            Map<String, Object> out = head(a);
            out.put("weighting", "按医院计：每家有值的医院权重相同，不按病例数加权；中位数为有值医院的中间值");
            out.put("figures", a.e.tierFigures().lines().stream().map(l -> Figure.of(l, a.e.set())).toList());
            out.put("hospitals", a.e.tierFigures().hospitals().stream().filter(h -> a.shows(h.hospitalId()))
                    .map(Values::of).toList());
            return out;
        });
    }

    /** What a request asks for: the evaluation its user may see, the user's scope and the hospital it names. */
    record Asked(Evaluation e, Scope scope, Optional<String> hospital) {
        boolean shows(String hospitalId) {
            return scope.allowsHospital(hospitalId) && hospital.map(hospitalId::equals).orElse(true);
        }

        /** The hospital the answer is about: the one asked for, else a hospital user's own. */
        Optional<String> subject() {
            return hospital.or(scope::ownHospital);
        }
    }

    /** Checks the request and evaluates what it asks for; a regional regulator's evaluation is of its region. */
    static Asked asked(Context ctx, DataApi data) {
        Params.only(ctx, "period", "set", "targets", "hospital");
        Access.requireWholeHospital(ctx);
        Scope scope = Access.scope(ctx);
        Optional<String> hospital = Params.text(ctx, "hospital");
        hospital.ifPresent(h -> Access.requireHospital(ctx, h));
        Evaluation e = data.evaluate(ctx, scope.user().role() == Role.REGULATOR ? scope.user().region()
                : Optional.empty());
        return new Asked(e, scope, hospital);
    }

    private Asked asked(Context ctx) {
        return asked(ctx, data);
    }

    /**
     * The parts every evaluation answer starts with: period, set (and the sets to choose from), target set, the set's
     * scope and, for a hospital outside it, the notice naming the sets that apply to it (本院 to the hospital's own
     * users, 该院 to a regulator or an admin asking about it).
     */
    static Map<String, Object> head(Asked a) {
        Evaluation e = a.e;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("period", e.period().toString());
        out.put("set", e.set().id());
        out.put("setName", e.set().name());
        out.put("sets", IndicatorSets.standard().all().stream().map(x -> Map.of("id", x.id(), "name", x.name()))
                .toList());
        out.put("targetSetName", e.targets().name());
        out.put("scope", e.set().applicability().label());
        out.put("scopeNote", e.scopeNote().orElse(null));
        out.put("notice", a.subject().flatMap(h -> e.notApplicable().stream().filter(x -> x.id().equals(h))
                .findFirst()).map(h -> e.outsideScope(h.id()).orElseThrow() + "；适用于"
                + (a.scope.ownHospital().filter(h.id()::equals).isPresent() ? "本院" : "该院") + "的指标集："
                + String.join("、", IndicatorSets.standard().applicableTo(h.tier()).stream().map(IndicatorSet::name)
                .toList())).orElse(null));
        return out;
    }
}
