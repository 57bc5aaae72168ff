package org.hqd.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hqd.access.Scope;
import org.hqd.app.DataAccess;
import org.hqd.app.dip.DipService;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.dip.DipUnitScore;
import org.hqd.casemix.performance.PeerGroup;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.web.UnitVisibility.UnitKind;

/** {@code GET /api/dip}: hospitals' and departments' metrics on DIP groups, their scores and payment. */
final class DipApi {
    private final ReadAnswers answers;
    private final DipService dip;

    DipApi(DataAccess db, ReadAnswers answers) {
        this.answers = answers;
        // the monthly benchmark sums are built by StandardsService.forServer
        this.dip = new DipService(db).withMonthlyBenchmark();
    }

    /** {@code GET /api/dip?by=hospital|department&from=&to=&hospital=}: unit metrics on DIP groups and scores. */
    void dip(Context ctx) {
        answers.responses.send(ctx, () -> dipAnswer(ctx));
    }

    /** Computes every hospital's departments over the whole period, when there is a catalogue. */
    void warm() {
        if (hasCatalogue()) {
            dipScores(UnitLevel.DEPARTMENT, CaseFilter.ALL);
        }
    }

    private boolean hasCatalogue() {
        return answers.results.get("dipcatalogue", dip::hasCatalogue);
    }

    private Object dipAnswer(Context ctx) {
        Params.only(ctx, "by", "from", "to", "hospital");
        Scope scope = Access.scope(ctx);
        UnitLevel level = switch (Params.text(ctx, "by").orElse("hospital")) {
            case "hospital" -> UnitLevel.HOSPITAL;
            case "department" -> UnitLevel.DEPARTMENT;
            default -> throw new BadRequestResponse("参数 by 应为 hospital 或 department");
        };
        if (scope.department().isPresent() && level == UnitLevel.HOSPITAL) {
            throw new ForbiddenResponse("科室用户只能查看本科室的数据");
        }
        Optional<String> hospital = Params.text(ctx, "hospital").or(scope::ownHospital);
        hospital.ifPresent(h -> Access.requireHospital(ctx, h));
        if (!hasCatalogue()) {
            throw new NotFoundResponse("尚无 DIP 病种分值目录：按基线病例生成或载入医保部门的目录后显示");
        }
        List<DipUnitScore> lines = dipScores(level, Params.filter(ctx, hospital));
        List<Map<String, Object>> out = new ArrayList<>();
        for (DipUnitScore l : lines) {
            if (UnitVisibility.visible(scope, UnitKind.valueOf(level.name()), l.performance().unit(), Map.of())) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("metrics", Dto.Metrics.of("", l.performance()));
                m.put("groupedCost", l.groupedCost());
                m.put("payment", l.payment());
                m.put("balance", l.balance());
                out.add(m);
            }
        }
        return out;
    }

    /**
     * The units' DIP scores of a filter, paid at the region's budget-neutral point value of the period (the same for
     * every hospital: kept by period). A hospital's rows are those of the province's answer for the period when there
     * is one ({@link ProvinceFirst}).
     */
    private List<DipUnitScore> dipScores(UnitLevel level, CaseFilter filter) {
        CaseFilter period = new CaseFilter(filter.from(), filter.to(), Optional.empty());
        return answers.provinceFirst.answer(f -> "dip|" + level + "|" + f, filter,
                ProvinceFirst.<DipUnitScore>rowsOf(l -> l.performance().unit()), f -> {
                    double pointValue = answers.results.get("dippv|" + period, () -> dip.neutralPointValue(period));
                    return dip.scores(level, f, pointValue, PeerGroup.ALL);
                });
    }
}
