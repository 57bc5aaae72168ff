package org.hqd.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hqd.access.AuditEntry;
import org.hqd.access.Role;
import org.hqd.access.Scope;
import org.hqd.app.DataAccess;
import org.hqd.app.ResultCache;
import org.hqd.app.evaluation.EvaluationService;
import org.hqd.app.intake.IntakeService;
import org.hqd.app.standards.StandardsService;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.performance.DrgCase;
import org.hqd.casemix.performance.PeerGroup;
import org.hqd.casemix.performance.PeriodPerformance;
import org.hqd.casemix.performance.UnitLevel;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.standards.GroupStandard;
import org.hqd.casemix.standards.Outlier;
import org.hqd.evaluation.Briefing;
import org.hqd.evaluation.Evaluation;
import org.hqd.evaluation.EvaluationPeriod;
import org.hqd.evaluation.EvaluationRequest;
import org.hqd.evaluation.Evaluator;
import org.hqd.evaluation.IndicatorSets;
import org.hqd.hospital.Hospital;
import org.hqd.hospital.HospitalTier;
import org.hqd.hospital.SyntheticData;
import org.hqd.quality.QualityLine;
import org.hqd.report.BriefingCharts;
import org.hqd.report.BriefingExcel;
import org.hqd.report.BriefingPdf;
import org.hqd.report.CjkFont;
import org.hqd.web.UnitVisibility.UnitKind;

/**
 * The read side of the API: hospitals, unit metrics, standards, outliers, data quality, evaluation, briefing and the
 * audit log (cost-output: {@link CostOutputApi}; DIP: {@link DipApi}).
 */
final class DataApi {
    /** A DRG standard with its name. */
    record Standard(String drg, String name, GroupStandard standard) { }

    private final DataAccess db;
    private final Access access;
    private final RulePack pack;
    private final ResultCache cache;
    private final JsonResponses responses;
    private final UnitVisibility units;
    private final ProvinceFirst provinceFirst;
    private final StandardsService standards;
    private final EvaluationService evaluation;
    private final IntakeService intake;

    DataApi(DataAccess db, Access access, RulePack pack, StandardsService standards, ReadAnswers answers,
            UnitVisibility units) {
        this.db = db;
        this.access = access;
        this.pack = pack;
        this.standards = standards;
        this.cache = answers.results;
        this.responses = answers.responses;
        this.units = units;
        this.provinceFirst = answers.provinceFirst;
        this.evaluation = new EvaluationService(db, java.time.Clock.systemUTC());
        this.intake = new IntakeService(db, java.time.Clock.systemUTC());
    }

    /** {@code GET /api/info}: the months of the data (for default periods) and the scheme. */
    void info(Context ctx) {
        Params.only(ctx);
        Optional<EvaluationPeriod> months = cache.get("months", evaluation::dischargeMonths);
        ctx.json(Map.of("scheme", pack.id(), "firstMonth", months.map(m -> m.first().toString()).orElse(""),
                "lastMonth", months.map(m -> m.last().toString()).orElse(""), "synthetic", synthetic(),
                "dataLabel", synthetic() ? SyntheticData.NOTICE : "", "rankMinCases", Dto.RANKING.minCases()));
    }

    /** Sends a request's answer through the cache of answers (cleared when the measures change). */
    void send(Context ctx, java.util.function.Supplier<?> body) {
        responses.send(ctx, body);
    }

    /** Whether the store holds generated data: pages, briefings and exports then carry the label 合成数据. */
    boolean synthetic() {
        return cache.get("synthetic", db::synthetic);
    }

    void hospitals(Context ctx) {
        responses.send(ctx, () -> hospitalsAnswer(ctx));
    }

    private Object hospitalsAnswer(Context ctx) {
        Params.only(ctx);
        Scope scope = Access.scope(ctx);
        List<Hospital> all = cache.get("hospitals", () -> evaluation.hospitals(Optional.empty()));
        return all.stream().filter(h -> scope.allowsHospital(h.id()))
                .map(h -> new Dto.Hospital(h.id(), h.name(), h.tier().map(Enum::name).orElse(null),
                        HospitalTier.labelOf(h.tier()))).toList();
    }

    /** {@code GET /api/metrics?by=hospital|department|physician&from=&to=&hospital=&month=&benchmark=}. */
    void metrics(Context ctx) {
        responses.send(ctx, () -> metricsAnswer(ctx));
    }

    private Object metricsAnswer(Context ctx) {
        Params.only(ctx, "by", "from", "to", "hospital", "month", "benchmark", "department");
        Scope scope = Access.scope(ctx);
        String by = Params.text(ctx, "by").orElse("hospital").toLowerCase(Locale.ROOT);
        UnitLevel level = switch (by) {
            case "hospital" -> UnitLevel.HOSPITAL;
            case "department" -> UnitLevel.DEPARTMENT;
            case "physician" -> UnitLevel.PHYSICIAN;
            case "drg" -> UnitLevel.DRG;
            default -> throw new BadRequestResponse("参数 by 应为 hospital、department、physician 或 drg");
        };
        if (scope.department().isPresent() && (level == UnitLevel.HOSPITAL
                || level == UnitLevel.DRG)) {
            throw new ForbiddenResponse("科室用户只能查看本科室及其医生的数据");
        }
        Optional<String> hospital = Params.text(ctx, "hospital").or(scope::ownHospital);
        hospital.ifPresent(h -> Access.requireHospital(ctx, h));
        if (level == UnitLevel.DRG && hospital.isEmpty()) {
            throw new BadRequestResponse("按病组（by=drg）查看须选择医院（参数 hospital）");
        }
        boolean byMonth = Params.text(ctx, "month").map(m -> m.equals("true") || m.equals("1")).orElse(false);
        PeerGroup benchmark = switch (Params.text(ctx, "benchmark").orElse("all")) {
            case "all" -> PeerGroup.ALL;
            case "tier" -> PeerGroup.TIER;
            default -> throw new BadRequestResponse("参数 benchmark 应为 all 或 tier");
        };
        CaseFilter filter = Params.filter(ctx, hospital);
        List<PeriodPerformance> rows = unitMetrics(level, filter, byMonth, benchmark);
        // a department (科室 filter) keeps its own row, or the physicians whose main department it is
        Optional<String> department = Params.text(ctx, "department");
        if (department.isPresent() && (hospital.isEmpty() || level == UnitLevel.HOSPITAL
                || level == UnitLevel.DRG)) {
            throw new BadRequestResponse("科室筛选（参数 department）须选择医院，且只用于科室或医生");
        }
        Map<String, String> physicianDepartments = level == UnitLevel.PHYSICIAN && department.isPresent()
                ? units.physicianDepartments(filter)
                : units.physicianDepartments(scope, level == UnitLevel.PHYSICIAN, filter);
        String wanted = hospital.orElse("") + "/" + department.orElse("");
        List<Dto.Metrics> out = new ArrayList<>();
        for (PeriodPerformance r : rows) {
            String unit = r.performance().unit();
            if (department.isPresent() && !wanted.equals(level == UnitLevel.DEPARTMENT ? unit
                    : physicianDepartments.get(unit))) {
                continue;
            }
            if (level == UnitLevel.DRG || UnitVisibility.visible(scope, UnitKind.valueOf(level.name()), unit,
                    physicianDepartments)) {
                out.add(Dto.Metrics.of(r.period(), r.performance()));
            }
        }
        return out;
    }

    /**
     * The units' metrics of a filter. A hospital's hospital, department or physician rows are those of the province's
     * answer for the same period when there is one ({@link ProvinceFirst}: the warm-up computes the pages' default
     * periods, a second hospital asking for a period any other); the benchmark is the province's either way.
     */
    private List<PeriodPerformance> unitMetrics(UnitLevel level, CaseFilter filter, boolean byMonth, PeerGroup benchmark) {
        if (level == UnitLevel.DRG) {
            // a hospital's DRGs (the page asks for one hospital's): its lines of every hospital's DRGs (H/DRG)
            Function<CaseFilter, UnitLevel> asked = f -> f.hospital().isPresent() ? level : UnitLevel.HOSPITAL_DRG;
            return provinceFirst.answer(f -> "metrics|" + asked.apply(f) + "|" + f + "|" + byMonth + "|"
                    + benchmark, filter, ProvinceFirst.<PeriodPerformance>rowsUnder(r -> r.performance().unit(),
                            (r, drg) -> new PeriodPerformance(r.period(), r.performance().withUnit(drg),
                                    r.groupedCost())), f -> standards.units(asked.apply(f), f, byMonth, benchmark));
        }
        Function<CaseFilter, String> key = f -> "metrics|" + level + "|" + f + "|" + byMonth + "|" + benchmark;
        Function<CaseFilter, List<PeriodPerformance>> compute = f -> standards.units(level, f, byMonth, benchmark);
        if (level != UnitLevel.HOSPITAL && level != UnitLevel.DEPARTMENT && level != UnitLevel.PHYSICIAN) {
            return cache.get(key.apply(filter), () -> compute.apply(filter));
        }
        return provinceFirst.answer(key, filter,
                ProvinceFirst.<PeriodPerformance>rowsOf(r -> r.performance().unit()), compute);
    }

    /**
     * Computes what the pages ask for first — the hospitals, the standards, the province's hospitals over the whole
     * period and by month, the data-quality report, the evaluation of the last year of data, then every hospital's
     * departments, physicians and DRGs over the whole period, from which a hospital's page
     * takes its rows — so that the first users after a start (or after budget actuals
     * changed the measures) find them computed.
     * Run in the background ({@link Warmup}).
     */
    void warm() {
        Optional<EvaluationPeriod> months = cache.get("months", evaluation::dischargeMonths);
        synthetic();
        cache.get("hospitals", () -> evaluation.hospitals(Optional.empty()));
        standardRows();
        qualityLines();
        unitMetrics(UnitLevel.HOSPITAL, CaseFilter.ALL, true, PeerGroup.ALL);
        unitMetrics(UnitLevel.HOSPITAL, CaseFilter.ALL, false, PeerGroup.ALL);
        months.ifPresent(m -> evaluation(EvaluationPeriod.parse(String.valueOf(m.last().getYear())), Optional.empty(),
                IndicatorSets.DEFAULT, Optional.empty()));
        // every hospital's departments, physicians and DRGs over the pages' default period, in one query each
        unitMetrics(UnitLevel.DEPARTMENT, CaseFilter.ALL, false, PeerGroup.ALL);
        unitMetrics(UnitLevel.PHYSICIAN, CaseFilter.ALL, false, PeerGroup.ALL);
        unitMetrics(UnitLevel.DRG, CaseFilter.ALL, false, PeerGroup.ALL);
    }

    /** Whether the DRG standards are computed (the warm-up does not compute them: the costs page does, when opened). */
    boolean standardsComputed() {
        return !standardRows().isEmpty();
    }

    /** {@code GET /api/hospitals/{id}/metrics?from=&to=}: the hospital's metrics and its months. */
    void hospitalMetrics(Context ctx) {
        responses.send(ctx, () -> hospitalMetricsAnswer(ctx));
    }

    private Object hospitalMetricsAnswer(Context ctx) {
        Params.only(ctx, "from", "to");
        String id = ctx.pathParam("id");
        Access.requireHospital(ctx, id);
        Access.requireWholeHospital(ctx);
        CaseFilter filter = Params.filter(ctx, Optional.of(id));
        List<PeriodPerformance> whole = cache.get("hm|" + filter, () -> standards.units(UnitLevel.HOSPITAL,
                filter, false, PeerGroup.ALL));
        if (whole.isEmpty()) {
            throw new NotFoundResponse("医院 " + Params.clip(id) + " 在所选期间没有病例");
        }
        List<PeriodPerformance> months = cache.get("hmm|" + filter, () -> standards.units(UnitLevel.HOSPITAL,
                filter, true, PeerGroup.ALL));
        return Map.of("hospital", Dto.Metrics.of("", whole.get(0).performance()),
                "months", months.stream().map(m -> Dto.Metrics.of(m.period(), m.performance())).toList());
    }

    /** {@code GET /api/drgs/{drg}/cases?hospital=&from=&to=}: the visible cases of a DRG, most expensive first (≤ 500). */
    void drgCases(Context ctx) {
        Params.only(ctx, "hospital", "from", "to");
        Scope scope = Access.scope(ctx);
        String drg = ctx.pathParam("drg");
        if (!drg.matches("[A-Z0-9]{2,8}")) {
            throw new BadRequestResponse("病组编码格式错误：'" + Params.clip(drg) + "'");
        }
        Optional<String> hospital = Params.text(ctx, "hospital").or(scope::ownHospital);
        hospital.ifPresent(h -> Access.requireHospital(ctx, h));
        CaseFilter filter = Params.filter(ctx, hospital);
        List<DrgCase> rows = standards.drgCases(drg, filter, scope.department(),
                scope.hospitals().isPresent() && hospital.isEmpty() ? 50_000 : 500);
        ctx.json(rows.stream().filter(c -> scope.allowsDepartment(c.hospitalId(), c.department())).limit(500).toList());
    }

    /** {@code GET /api/outliers?hospital=&from=&to=}: 高倍率 / 低倍率 cases the user may see (at most 2,000). */
    void outliers(Context ctx) {
        responses.send(ctx, () -> outliersAnswer(ctx));
    }

    private Object outliersAnswer(Context ctx) {
        Params.only(ctx, "hospital", "from", "to");
        Scope scope = Access.scope(ctx);
        Optional<String> hospital = Params.text(ctx, "hospital").or(scope::ownHospital);
        hospital.ifPresent(h -> Access.requireHospital(ctx, h));
        CaseFilter filter = Params.filter(ctx, hospital);
        // a hospital's own query: it reads only the hospital's row groups of the cases (stored in hospital order), a
        // few hundredths of a CPU-second; the province's outliers of a period are ≈ 20× that and many rows to keep
        List<Outlier> all = cache.get("outliers|" + filter, () -> standards.outliers(filter));
        List<Outlier> visible = all.stream()
                .filter(o -> scope.allowsDepartment(o.hospitalId(), o.department())).toList();
        return Map.of("total", visible.size(), "rows", visible.stream().limit(2000).toList());
    }

    /**
     * {@code GET /api/quality}: the data-quality report for whole-hospital users: rows checked per hospital and
     * month, and the rows failing each rule.
     */
    void quality(Context ctx) {
        responses.send(ctx, () -> qualityAnswer(ctx));
    }

    private Object qualityAnswer(Context ctx) {
        Params.only(ctx, "hospital", "from", "to");
        Access.requireWholeHospital(ctx);
        Scope scope = Access.scope(ctx);
        Optional<String> hospital = Params.text(ctx, "hospital");
        hospital.ifPresent(h -> Access.requireHospital(ctx, h));
        CaseFilter filter = Params.filter(ctx, hospital);
        // a line is a hospital's month (YYYY-MM): kept when the month meets the range
        String from = filter.from().map(d -> d.toString().substring(0, 7)).orElse("");
        String to = filter.to().map(d -> d.toString().substring(0, 7)).orElse("9999-12");
        java.util.function.Predicate<QualityLine> keep = l -> scope.allowsHospital(l.hospitalId())
                && hospital.map(h -> h.equals(l.hospitalId())).orElse(true)
                && l.period().compareTo(from) >= 0 && l.period().compareTo(to) <= 0;
        List<List<QualityLine>> q = qualityLines();
        // the rules by their names (what a finding's ruleId means), as the data-quality report names them
        Map<String, String> rules = new java.util.TreeMap<>();
        org.hqd.quality.QualityRuleCatalog.standard().rules().forEach(r -> rules.put(r.id(), r.message()));
        return Map.of("checked", q.get(1).stream().filter(keep).toList(),
                "findings", q.get(0).stream().filter(keep).toList(), "rules", rules);
    }

    /** The data-quality report: the failing rows by rule, and the rows checked, per hospital and month. */
    private List<List<QualityLine>> qualityLines() {
        return List.of(cache.get("quality", intake::qualityLines), cache.get("quality-totals", intake::qualityTotals));
    }

    void standards(Context ctx) {
        Params.only(ctx);
        responses.send(ctx, this::standardRows);
    }

    private List<Standard> standardRows() {
        return cache.get("standards", () -> standards.current().stream()
                .map(g -> new Standard(g.drg(), pack.drgs().containsKey(g.drg()) ? pack.drgs().get(g.drg()).name() : "",
                        g)).toList());
    }

    /** {@code GET /api/evaluation/brief?period=&format=pdf|xlsx}: the region's briefing, for admins and regulators. */
    void brief(Context ctx) {
        Params.only(ctx, "period", "set", "targets", "format");
        Scope scope = Access.scope(ctx);
        if (scope.user().role() != Role.ADMIN && scope.user().role() != Role.REGULATOR) {
            throw new ForbiddenResponse("通报覆盖全地区医院，只有系统管理员和卫生健康委用户可以下载");
        }
        String format = Params.text(ctx, "format").orElse("pdf");
        if (!format.equals("pdf") && !format.equals("xlsx")) {
            throw new BadRequestResponse("参数 format 应为 pdf 或 xlsx");
        }
        Evaluation e = evaluate(ctx, scope.user().region());
        Briefing b = Briefing.of(e, scope.user().region(), 10);
        java.nio.file.Path font = CjkFont.locate();
        List<BriefingCharts.Chart> charts = new BriefingCharts(font).render(b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format.equals("pdf")) {
            new BriefingPdf(font).synthetic(synthetic()).write(b, charts, out);
            ctx.contentType("application/pdf");
        } else {
            new BriefingExcel().synthetic(synthetic()).write(b, charts, out);
            ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }
        access.audit(ctx, "导出", "评价通报 " + e.period() + " ." + format);
        ctx.header("Content-Disposition", "attachment; filename=\"brief-" + e.period() + "." + format + "\"");
        ctx.result(out.toByteArray());
    }

    /** The evaluation the request asks for (period, set, targets), on the region's hospitals or all; cached. */
    Evaluation evaluate(Context ctx, Optional<String> region) {
        String periodText = Params.text(ctx, "period").orElseThrow(() -> new BadRequestResponse(
                "缺少参数 period（YYYY、YYYY-MM 或 YYYY-MM..YYYY-MM）"));
        EvaluationPeriod period = EvaluationPeriod.parse(periodText);
        Optional<String> targets = Params.text(ctx, "targets");
        String set = Params.text(ctx, "set").orElse(IndicatorSets.DEFAULT);
        if (IndicatorSets.standard().set(set).isEmpty()) {
            throw new BadRequestResponse("没有编号为 " + set + " 的指标集；可用：" + String.join("、", IndicatorSets.standard().ids()));
        }
        return evaluation(period, region, set, targets);
    }

    private Evaluation evaluation(EvaluationPeriod period, Optional<String> region, String set, Optional<String> targets) {
        return cache.get("eval|" + period + "|" + region + "|" + set + "|" + targets, () -> evaluation.evaluate(
                new EvaluationRequest(period, region, set, targets, Evaluator.DEFAULT_MARGIN,
                        !set.equals(IndicatorSets.DEFAULT))));
    }

    void audit(Context ctx) {
        Params.only(ctx, "limit");
        Access.requireAdmin(ctx);
        int limit;
        try {
            limit = Integer.parseInt(Params.text(ctx, "limit").orElse("200"));
        } catch (NumberFormatException e) {
            throw new BadRequestResponse("参数 limit 应为整数");
        }
        List<AuditEntry> entries = access.auditLog(Math.max(1, Math.min(limit, 5000)));
        ctx.json(entries.stream().map(e -> Map.of("at", e.at().toString(), "user", e.user().orElse(""),
                "action", e.action(), "detail", e.detail() == null ? "" : e.detail(), "client", e.client())).toList());
    }
}
