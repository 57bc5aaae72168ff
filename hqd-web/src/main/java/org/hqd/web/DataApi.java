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
import org.hqd.app.dip.DipService;
import org.hqd.app.evaluation.EvaluationService;
import org.hqd.app.intake.IntakeService;
import org.hqd.app.payment.PaymentService;
import org.hqd.app.standards.StandardsService;
import org.hqd.casemix.CaseFilter;
import org.hqd.casemix.dip.DipUnitScore;
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
import org.hqd.payment.CostLevel;
import org.hqd.payment.UnitCostOutput;
import org.hqd.quality.QualityLine;
import org.hqd.report.BriefingCharts;
import org.hqd.report.BriefingExcel;
import org.hqd.report.BriefingPdf;
import org.hqd.report.CjkFont;

/** The read side of the API: hospitals, unit metrics, standards, evaluation, briefing and the audit log. */
final class DataApi {
    /** A DRG standard with its name. */
    record Standard(String drg, String name, GroupStandard standard) { }

    private final DataAccess db;
    private final Access access;
    private final RulePack pack;
    /** Results by query; 4,096 of them: the pages of 50 hospitals' users over two periods hold ≈ 1,700. */
    private final ResultCache cache = new ResultCache(4096);
    /** The answers as sent, cleared with {@link #cache}. */
    private final JsonResponses responses = new JsonResponses(4096);
    private final PaymentService payment;
    private final StandardsService standards;
    private final EvaluationService evaluation;
    private final DipService dip;
    private final IntakeService intake;

    DataApi(DataAccess db, Access access, RulePack pack, StandardsService standards) {
        this.db = db;
        this.access = access;
        this.pack = pack;
        this.standards = standards;
        this.payment = new PaymentService(db, java.time.Clock.systemUTC());
        this.evaluation = new EvaluationService(db, java.time.Clock.systemUTC());
        // the monthly benchmark sums are built by StandardsService.forServer
        this.dip = new DipService(db).withMonthlyBenchmark();
        this.intake = new IntakeService(db, java.time.Clock.systemUTC());
    }

    /** The measures changed (budget actuals were imported): cached results may read them, so all are dropped. */
    void measuresChanged() {
        cache.clear();
        responses.clear();
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
                ? cache.get("physdept|" + filter, () -> standards.physicianDepartments(filter))
                : physicianDepartments(scope, level == UnitLevel.PHYSICIAN, filter);
        String wanted = hospital.orElse("") + "/" + department.orElse("");
        List<Dto.Metrics> out = new ArrayList<>();
        for (PeriodPerformance r : rows) {
            String unit = r.performance().unit();
            if (department.isPresent() && !wanted.equals(level == UnitLevel.DEPARTMENT ? unit
                    : physicianDepartments.get(unit))) {
                continue;
            }
            if (level == UnitLevel.DRG
                    || visible(scope, UnitKind.valueOf(level.name()), unit, physicianDepartments)) {
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
            return ProvinceFirst.answer(cache, f -> "metrics|" + asked.apply(f) + "|" + f + "|" + byMonth + "|"
                    + benchmark, filter, ProvinceFirst.<PeriodPerformance>rowsUnder(r -> r.performance().unit(),
                            (r, drg) -> new PeriodPerformance(r.period(), r.performance().withUnit(drg),
                                    r.groupedCost())), f -> standards.units(asked.apply(f), f, byMonth, benchmark));
        }
        Function<CaseFilter, String> key = f -> "metrics|" + level + "|" + f + "|" + byMonth + "|" + benchmark;
        Function<CaseFilter, List<PeriodPerformance>> compute = f -> standards.units(level, f, byMonth, benchmark);
        if (level != UnitLevel.HOSPITAL && level != UnitLevel.DEPARTMENT && level != UnitLevel.PHYSICIAN) {
            return cache.get(key.apply(filter), () -> compute.apply(filter));
        }
        return ProvinceFirst.answer(cache, key, filter,
                ProvinceFirst.<PeriodPerformance>rowsOf(r -> r.performance().unit()), compute);
    }

    /**
     * Computes what the pages ask for first — the hospitals, the standards, the province's hospitals over the whole
     * period and by month, the data-quality report, the evaluation of the last year of data, then every hospital's
     * departments, physicians and DRGs (metrics and cost-output) over the whole period, from which a hospital's page
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
        // only on standards already computed: the warm-up does not compute them (the costs page does, when opened)
        if (!standardRows().isEmpty()) {
            try {
                unitCosts(CostLevel.DEPARTMENT, CaseFilter.ALL);
                unitCosts(CostLevel.PHYSICIAN, CaseFilter.ALL);
                hospitalDrgCosts(CaseFilter.ALL);
            } catch (org.hqd.HqdException e) {
                // no insured cases: the page says why when it is opened
            }
        }
        if (cache.get("dipcatalogue", dip::hasCatalogue)) {
            dipScores(UnitLevel.DEPARTMENT, CaseFilter.ALL);
        }
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

    /**
     * {@code GET /api/costs?by=hospital|department|physician|drg&hospital=&department=&from=&to=}: cost-output as the
     * insurer pays (the payment in force: official weights, else HQD's at the saved or budget-neutral rate; insured
     * cases only): payment, cost, balance, the margin on cost and the categories over their standards. By DRG the
     * hospital is required and {@code department} keeps one department's cases (a department user: always its own).
     */
    void costs(Context ctx) {
        responses.send(ctx, () -> costsAnswer(ctx));
    }

    private Object costsAnswer(Context ctx) {
        Params.only(ctx, "by", "hospital", "department", "from", "to");
        Scope scope = Access.scope(ctx);
        CostLevel level = switch (Params.text(ctx, "by").orElse("hospital")) {
            case "hospital" -> CostLevel.HOSPITAL;
            case "department" -> CostLevel.DEPARTMENT;
            case "physician" -> CostLevel.PHYSICIAN;
            case "drg" -> CostLevel.DRG;
            default -> throw new BadRequestResponse("参数 by 应为 hospital、department、physician 或 drg");
        };
        if (scope.department().isPresent() && level == CostLevel.HOSPITAL) {
            throw new ForbiddenResponse("科室用户只能查看本科室及其医生的数据");
        }
        Optional<String> hospital = Params.text(ctx, "hospital").or(scope::ownHospital);
        hospital.ifPresent(h -> Access.requireHospital(ctx, h));
        CaseFilter filter = Params.filter(ctx, hospital);
        if (level == CostLevel.DRG) {
            return drgCosts(ctx, scope, filter);
        }
        if (Params.text(ctx, "department").isPresent()) {
            throw new BadRequestResponse("参数 department 只用于按病组（by=drg）");
        }
        List<UnitCostOutput> lines = unitCosts(level, filter);
        Map<String, String> physicianDepartments = physicianDepartments(scope,
                level == CostLevel.PHYSICIAN, filter);
        return lines.stream().filter(l -> visible(scope, UnitKind.valueOf(level.name()), l.unit(),
                physicianDepartments)).toList();
    }

    /**
     * The units' cost-output of a filter (the basis is the period's, the same for every hospital): a hospital's rows
     * are those of the province's answer for the period when there is one ({@link ProvinceFirst}).
     */
    private List<UnitCostOutput> unitCosts(CostLevel level, CaseFilter filter) {
        Function<CaseFilter, List<UnitCostOutput>> compute = f -> payment.costs(level, f,
                java.util.OptionalDouble.empty()).units();
        return ProvinceFirst.answer(cache, f -> "costs|" + level + "|" + f, filter,
                ProvinceFirst.rowsOf(UnitCostOutput::unit), compute);
    }

    /**
     * A hospital's DRGs' cost-output: from the province's lines of every hospital's DRGs of the period
     * ({@link CostLevel#HOSPITAL_DRG}) when a second hospital asks for the period, else its own query.
     */
    private List<UnitCostOutput> hospitalDrgCosts(CaseFilter filter) {
        Function<CaseFilter, CostLevel> level = f -> f.hospital().isPresent() ? CostLevel.DRG : CostLevel.HOSPITAL_DRG;
        return ProvinceFirst.answer(cache, f -> "costs|" + level.apply(f) + "|" + f, filter,
                ProvinceFirst.rowsUnder(UnitCostOutput::unit, UnitCostOutput::withUnit),
                f -> payment.costs(level.apply(f), f, java.util.OptionalDouble.empty()).units());
    }

    /** A hospital's DRGs (of one department when asked, and always for a department user), the biggest loss first. */
    private List<UnitCostOutput> drgCosts(Context ctx, Scope scope, CaseFilter filter) {
        String hospital = filter.hospital().orElseThrow(() -> new BadRequestResponse(
                "按病组（by=drg）查看盈亏须选择医院（参数 hospital）"));
        Optional<String> department = scope.department().or(() -> Params.text(ctx, "department"));
        if (scope.department().isPresent() && Params.text(ctx, "department").filter(d -> !d.equals(
                scope.department().get())).isPresent()) {
            throw new ForbiddenResponse("科室用户只能查看本科室的数据");
        }
        if (department.isEmpty()) {
            return hospitalDrgCosts(filter);
        }
        List<UnitCostOutput> all = cache.get("costs|DEPARTMENT_DRG|" + filter, () -> payment.costs(
                CostLevel.DEPARTMENT_DRG, filter, java.util.OptionalDouble.empty()).units());
        List<UnitCostOutput> mine = under(all, hospital + "/" + department.get() + "/");
        if (mine.isEmpty()) {
            throw new NotFoundResponse("科室 " + Params.clip(department.get()) + " 在 " + hospital
                    + " 所选期间没有医保结算病例");
        }
        return mine;
    }

    /** The lines whose unit is {@code prefix} + one more name (no slash), named by it alone, in their order. */
    private static List<UnitCostOutput> under(List<UnitCostOutput> lines, String prefix) {
        return lines.stream().filter(l -> l.unit().startsWith(prefix) && l.unit().indexOf('/', prefix.length()) < 0)
                .map(l -> l.withUnit(l.unit().substring(prefix.length()))).toList();
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

    /** {@code GET /api/dip?by=hospital|department&from=&to=&hospital=}: unit metrics on DIP groups and scores. */
    void dip(Context ctx) {
        responses.send(ctx, () -> dipAnswer(ctx));
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
        boolean hasCatalogue = cache.get("dipcatalogue", dip::hasCatalogue);
        if (!hasCatalogue) {
            throw new NotFoundResponse("尚无 DIP 病种分值目录：按基线病例生成或载入医保部门的目录后显示");
        }
        List<DipUnitScore> lines = dipScores(level, Params.filter(ctx, hospital));
        List<Map<String, Object>> out = new ArrayList<>();
        for (DipUnitScore l : lines) {
            if (visible(scope, UnitKind.valueOf(level.name()), l.performance().unit(), Map.of())) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
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
        return ProvinceFirst.answer(cache, f -> "dip|" + level + "|" + f, filter,
                ProvinceFirst.<DipUnitScore>rowsOf(l -> l.performance().unit()), f -> {
                    double pointValue = cache.get("dippv|" + period, () -> dip.neutralPointValue(period));
                    return dip.scores(level, f, pointValue, PeerGroup.ALL);
                });
    }

    /** Each physician's main department, when a department user looks at physicians (else not needed: empty). */
    private Map<String, String> physicianDepartments(Scope scope, boolean physicians, CaseFilter filter) {
        return scope.department().isPresent() && physicians
                ? cache.get("physdept|" + filter, () -> standards.physicianDepartments(filter)) : Map.of();
    }

    /** The kinds of unit a row can be, by the name of its level. */
    private enum UnitKind { HOSPITAL, DEPARTMENT, PHYSICIAN }

    /**
     * Whether the user may see a unit row: a hospital id, or {@code H/department}, or {@code H/physician} (for a
     * department user, a physician whose main department is its own, from {@code physicianDepartments}).
     */
    private static boolean visible(Scope scope, UnitKind kind, String unit, Map<String, String> physicianDepartments) {
        String h = kind == UnitKind.HOSPITAL ? unit : unit.substring(0, Math.max(0, unit.indexOf('/')));
        return switch (kind) {
            case DEPARTMENT -> scope.allowsDepartment(h, unit.substring(unit.indexOf('/') + 1));
            case PHYSICIAN -> scope.allowsHospital(h) && (scope.department().isEmpty()
                    || (h + "/" + scope.department().get()).equals(physicianDepartments.get(unit)));
            case HOSPITAL -> scope.allowsHospital(h);
        };
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
