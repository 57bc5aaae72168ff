package org.hqd.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.hqd.HqdException;
import org.hqd.access.Role;
import org.hqd.access.Scope;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetEvent;
import org.hqd.budget.BudgetItem;
import org.hqd.budget.BudgetKind;
import org.hqd.budget.BudgetLine;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.BudgetRules;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.BudgetWorkflow;
import org.hqd.budget.Execution;
import org.hqd.budget.ExecutionLine;
import org.hqd.budget.Money;
import org.hqd.budget.PerformanceAssessment;
import org.hqd.budget.PerformanceTarget;
import org.hqd.budget.StructureIndicators;
import org.hqd.budget.Variance;
import org.hqd.evaluation.IndicatorCatalog;
import org.hqd.io.table.TableFile;
import org.hqd.ledger.PlanDocuments;
import org.hqd.report.BudgetReportExcel;
import org.hqd.report.BudgetReportPdf;
import org.hqd.report.CjkFont;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;
import org.hqd.store.budget.BudgetAnalysis;
import org.hqd.store.budget.BudgetStore;
import org.hqd.store.evaluation.MeasureQuery;

/**
 * The budget's API (全面预算管理). Who sees what: a hospital's budgets are visible to the users whose scope includes
 * the hospital; a department user sees only its department's lines (and totals of those), without the comments of
 * the history. Who does what: hospital users compile (import), submit, adjust, close and import actuals of their own
 * hospital; regulators approve and return the budgets of the hospitals in their scope; admins everything; department
 * users nothing. What the role allows, the workflow ({@link BudgetWorkflow}) still has to accept: {@code can} of
 * {@code GET /api/budget} offers only what both allow. Amounts in the JSON are yuan, rates fractions.
 */
final class BudgetApi {
    /** {@code POST /api/budget/{hospital}/{year}/{submit|approve|return|close}}. */
    record StepRequest(String comment) { }

    /** One line of an adjustment: the amount (yuan) of a department, item and month; 0 removes the line. */
    record AdjustLine(String department, String item, String month, String amount) { }

    /** {@code POST /api/budget/{hospital}/{year}/adjust}. */
    record AdjustRequest(String reason, List<AdjustLine> lines) { }

    /** {@code POST /api/budget/import}: a CSV file's text, a budget or actual amounts. */
    record ImportRequest(String name, String text, String kind) { }

    private static final int REJECTED_ROWS_SHOWN = 50;
    private static final int MAX_ADJUST_LINES = 1_000;

    private final Connections db;
    private final Access access;
    private final Clock clock;
    private final Runnable measuresChanged;
    private final BudgetCatalog catalog = BudgetCatalog.standard();
    private final BudgetRules rules = BudgetRules.standard();
    private final IndicatorCatalog indicators = IndicatorCatalog.standard();
    /** One store per pooled connection: creating one writes the item catalogue, so it is done once, one at a time. */
    private final Map<DataDirectory, BudgetStore> stores = new IdentityHashMap<>();
    /** Budget changes one at a time: the workflow reads the latest version before it writes the next. */
    private final Object writes = new Object();

    /** @param measuresChanged called after actuals are imported: they feed the evaluation measures others cache */
    BudgetApi(Connections db, Access access, Clock clock, Runnable measuresChanged) {
        this.db = db;
        this.access = access;
        this.clock = clock;
        this.measuresChanged = measuresChanged;
    }

    private BudgetStore store(DataDirectory d) {
        synchronized (stores) {
            return stores.computeIfAbsent(d, x -> new BudgetStore(x, catalog));
        }
    }

    private BudgetAnalysis analysis(DataDirectory d, BudgetStore s) {
        return new BudgetAnalysis(s, rules, new MeasureQuery(d), indicators);
    }

    // ------------------------------------------------------------------------------------------------- roles

    /** Whether the role lets the user take the action on this hospital's budget (the workflow decides the rest). */
    static boolean allowed(Scope scope, String hospital, BudgetAction action) {
        if (!scope.allowsHospital(hospital)) {
            return false;
        }
        return switch (scope.user().role()) {
            case ADMIN -> true;
            case REGULATOR -> action == BudgetAction.APPROVE || action == BudgetAction.RETURN;
            case HOSPITAL -> action != BudgetAction.APPROVE && action != BudgetAction.RETURN;
            case DEPARTMENT -> false;
        };
    }

    private static void requireAllowed(Scope scope, String hospital, BudgetAction action) {
        if (allowed(scope, hospital, action)) {
            return;
        }
        if (scope.user().role() == Role.DEPARTMENT) {
            throw new ForbiddenResponse("科室用户只能查看本科室的预算执行，不能" + action.label() + "预算");
        }
        if (!scope.allowsHospital(hospital)) {
            throw new ForbiddenResponse("无权" + action.label() + "医院 " + Params.clip(hospital) + " 的预算");
        }
        throw new ForbiddenResponse(action == BudgetAction.APPROVE || action == BudgetAction.RETURN
                ? "只有卫生健康委（监管）用户或系统管理员可以" + action.label() + "预算"
                : "预算由医院编制、提交、调整和决算：卫生健康委用户只能批准或退回");
    }

    /** The URL name of an action. */
    static String name(BudgetAction a) {
        return switch (a) {
            case COMPILE -> "import";
            case SUBMIT -> "submit";
            case APPROVE -> "approve";
            case RETURN -> "return";
            case ADJUST -> "adjust";
            case CLOSE -> "close";
        };
    }

    private static BudgetAction action(String name) {
        for (BudgetAction a : BudgetAction.values()) {
            if (a != BudgetAction.COMPILE && name(a).equals(name)) {
                return a;
            }
        }
        throw new BadRequestResponse("操作应为 submit、approve、return、adjust 或 close，实际为 '" + Params.clip(name) + "'");
    }

    /**
     * What the user may do now: the actions its role allows and the workflow accepts from the latest version
     * (决算 also needs the 12 months of actuals), {@code import} for a budget file, {@code actuals} for actual amounts.
     */
    static List<String> can(Scope scope, String hospital, int year, Optional<BudgetVersion> latest, Set<Integer> months) {
        List<String> out = new ArrayList<>();
        for (BudgetAction a : BudgetAction.values()) {
            if (!allowed(scope, hospital, a)) {
                continue;
            }
            try {
                BudgetWorkflow.apply(hospital, year, latest, a, "（意见）");
            } catch (HqdException e) {
                continue;
            }
            if (a == BudgetAction.CLOSE && months.size() < 12) {
                continue;
            }
            out.add(name(a));
        }
        if (allowed(scope, hospital, BudgetAction.COMPILE)
                && latest.map(v -> v.state() != BudgetState.CLOSED).orElse(true)) {
            out.add("actuals");
        }
        return out;
    }

    /** A workflow step: its refusal is a 400 with the workflow's message (without the command line's hint). */
    private static <T> T step(Supplier<T> work) {
        try {
            return work.get();
        } catch (StoreException e) {
            throw e;
        } catch (HqdException e) {
            throw new BadRequestResponse(e.withoutHint());
        }
    }

    // ------------------------------------------------------------------------------------------------- reading

    /** {@code GET /api/budget/list}: the budgets the user may see, latest year first. */
    void list(Context ctx) {
        Params.only(ctx);
        Scope scope = Access.scope(ctx);
        ctx.json(db.with(d -> {
            BudgetStore s = store(d);
            List<Map<String, Object>> out = new ArrayList<>();
            for (BudgetVersion v : s.budgets()) {
                if (!scope.allowsHospital(v.hospitalId())) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("hospitalId", v.hospitalId());
                m.put("hospitalName", s.hospitalName(v.hospitalId()));
                m.put("year", v.year());
                m.put("latest", version(v, false));
                m.put("inForce", s.inForce(v.hospitalId(), v.year()).map(x -> version(x, false)).orElse(null));
                m.put("monthsWithActuals", s.actualMonths(v.hospitalId(), v.year()));
                out.add(m);
            }
            return out;
        }));
    }

    /** The hospital, year and month a request is about, with the defaults resolved. */
    private record Selection(String hospital, int year, int month, BudgetVersion latest, Set<Integer> months) { }

    private Selection select(Context ctx, Scope scope, BudgetStore s) {
        Optional<Integer> year = Params.integer(ctx, "year", 2000, 2100);
        Optional<Integer> month = Params.integer(ctx, "month", 1, 12);
        Optional<String> asked = Params.text(ctx, "hospital").or(scope::ownHospital);
        asked.ifPresent(h -> Access.requireHospital(ctx, h));
        List<BudgetVersion> visible = s.budgets().stream().filter(v -> scope.allowsHospital(v.hospitalId()))
                .filter(v -> asked.map(h -> h.equals(v.hospitalId())).orElse(true)).toList();
        String hospital = asked.orElseGet(() -> visible.stream().filter(v -> year.map(y -> y == v.year()).orElse(true))
                .findFirst().map(BudgetVersion::hospitalId)
                .orElseThrow(() -> new NotFoundResponse(year.map(y -> y + " 年").orElse("") + "还没有可以查看的预算")));
        int y = year.orElseGet(() -> visible.stream().filter(v -> v.hospitalId().equals(hospital)).findFirst()
                .map(BudgetVersion::year).orElseThrow(() -> new NotFoundResponse("医院 " + Params.clip(hospital)
                        + " 还没有预算")));
        BudgetVersion latest = s.latest(hospital, y).orElseThrow(() ->
                new NotFoundResponse("医院 " + Params.clip(hospital) + " 没有 " + y + " 年的预算"));
        Set<Integer> months = s.actualMonths(hospital, y);
        int m = month.orElse(months.stream().mapToInt(Integer::intValue).max().orElse(12));
        return new Selection(hospital, y, m, latest, months);
    }

    /** {@code GET /api/budget?hospital=&year=&month=}: one hospital-year as of a month. */
    void budget(Context ctx) {
        Params.only(ctx, "hospital", "year", "month");
        Scope scope = Access.scope(ctx);
        ctx.json(db.with(d -> {
            BudgetStore s = store(d);
            Selection sel = select(ctx, scope, s);
            BudgetReport r = step(() -> analysis(d, s).report(sel.hospital(), sel.year(), sel.month()));
            return view(scope, s, sel, r);
        }));
    }

    private Map<String, Object> view(Scope scope, BudgetStore s, Selection sel, BudgetReport r) {
        Optional<String> department = scope.department();
        Predicate<String> mine = dep -> department.map(dep::equals).orElse(true);
        List<ExecutionLine> lines = r.lines().stream().filter(l -> mine.test(l.department())).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hospitalId", r.hospitalId());
        m.put("hospitalName", r.hospitalName());
        m.put("year", r.year());
        m.put("month", r.month());
        m.put("timeProgress", r.month() / 12.0);
        m.put("department", department.orElse(null));
        m.put("monthsWithActuals", sel.months());
        m.put("basis", version(r.basis(), department.isPresent()));
        m.put("inForce", s.inForce(sel.hospital(), sel.year()).map(v -> version(v, department.isPresent())).orElse(null));
        m.put("pending", r.pending().map(v -> version(v, department.isPresent())).orElse(null));
        List<Map<String, Object>> versions = new ArrayList<>();
        for (BudgetVersion v : s.versions(sel.hospital(), sel.year())) {
            Map<String, Object> x = version(v, department.isPresent());
            long[] sums = new long[2];
            for (BudgetLine l : s.lines(sel.hospital(), sel.year(), v.version())) {
                if (mine.test(l.department())) {
                    boolean revenue = catalog.item(l.item()).map(i -> i.kind() == BudgetKind.REVENUE).orElse(false);
                    sums[revenue ? 0 : 1] += l.fen();
                }
            }
            x.put("revenue", Money.asYuan(sums[0]));
            x.put("expenditure", Money.asYuan(sums[1]));
            x.put("basis", v.version() == r.basis().version());
            versions.add(x);
        }
        m.put("versions", versions);
        Map<String, Object> totals = new LinkedHashMap<>();
        Execution.totals(lines).forEach((k, t) -> totals.put(k.name(), total(t)));
        m.put("totals", totals);
        m.put("lines", lines.stream().map(BudgetApi::line).toList());
        m.put("alertCount", lines.stream().filter(l -> !l.alerts().isEmpty()).count());
        StructureIndicators structure = department.isEmpty() ? r.structure()
                : StructureIndicators.of(s.actuals(sel.hospital(), sel.year()).stream()
                        .filter(a -> a.month() <= sel.month() && mine.test(a.department())).toList(), catalog);
        m.put("structure", structure(structure));
        m.put("varianceByDepartment", (department.isEmpty() ? r.byDepartment() : Variance.byDepartment(lines)).stream()
                .map(BudgetApi::variance).toList());
        m.put("varianceByItem", (department.isEmpty() ? r.byItem() : Variance.byItem(lines)).stream()
                .map(BudgetApi::variance).toList());
        m.put("performance", performance(department.isEmpty() ? r.performance() : mine(r.performance(), mine)));
        m.put("history", r.history().stream().map(e -> event(e, department.isPresent())).toList());
        m.put("can", can(scope, sel.hospital(), sel.year(), Optional.of(sel.latest()), sel.months()));
        m.put("items", catalog.items().stream().map(i -> Map.of("code", i.code(), "name", i.name(), "kind", i.kind().name(),
                "category", i.category())).toList());
        return m;
    }

    /** The assessment of a department's own targets only, scored over them. */
    private PerformanceAssessment mine(PerformanceAssessment all, Predicate<String> mine) {
        Map<PerformanceTarget, OptionalDouble> actuals = new LinkedHashMap<>();
        all.results().stream().filter(x -> mine.test(x.target().department()))
                .forEach(x -> actuals.put(x.target(), x.actual()));
        return PerformanceAssessment.assess(new ArrayList<>(actuals.keySet()), actuals::get, rules);
    }

    static Map<String, Object> version(BudgetVersion v, boolean withoutReason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("label", v.label());
        m.put("adjustment", v.adjustment());
        m.put("state", v.state().name());
        m.put("stateLabel", v.state().label());
        m.put("reason", withoutReason ? "" : v.reason());
        return m;
    }

    private static Map<String, Object> total(Execution.Total t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", t.kind().name());
        m.put("kindLabel", t.kind().label());
        m.put("annualBudget", Money.asYuan(t.annualBudget()));
        m.put("budgetToDate", Money.asYuan(t.budgetToDate()));
        m.put("actualToDate", Money.asYuan(t.actualToDate()));
        m.put("executionRate", Dto.v(t.executionRate()));
        return m;
    }

    private static Map<String, Object> line(ExecutionLine l) {
        BudgetItem i = l.item();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("department", l.department());
        m.put("itemCode", i.code());
        m.put("itemName", i.name());
        m.put("category", i.category());
        m.put("kind", i.kind().name());
        m.put("kindLabel", i.kind().label());
        m.put("annualBudget", Money.asYuan(l.annualBudget()));
        m.put("budgetToDate", Money.asYuan(l.budgetToDate()));
        m.put("actualToDate", Money.asYuan(l.actualToDate()));
        m.put("executionRate", Dto.v(l.executionRate()));
        m.put("timeProgress", l.timeProgress());
        m.put("alerts", l.alerts().stream().map(BudgetRules.AlertRule::id).toList());
        m.put("alertLabels", l.alerts().stream().map(BudgetRules.AlertRule::label).toList());
        m.put("alertTests", l.alerts().stream().map(a -> a.test().name()).toList());
        return m;
    }

    private static Map<String, Object> structure(StructureIndicators s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serviceRevenueShare", Dto.v(s.serviceRevenueShare()));
        m.put("staffSpendingShare", Dto.v(s.staffSpendingShare()));
        m.put("energyPer10kRevenue", Dto.v(s.energyPer10kRevenue()));
        Map<String, Object> measures = new LinkedHashMap<>();
        s.measures().forEach((k, v) -> measures.put(k, Money.asYuan(v)));
        m.put("measures", measures);
        return m;
    }

    private static Map<String, Object> variance(Variance.Line l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", l.key());
        m.put("kind", l.kind().name());
        m.put("kindLabel", l.kind().label());
        m.put("budgetToDate", Money.asYuan(l.budgetToDate()));
        m.put("actualToDate", Money.asYuan(l.actualToDate()));
        m.put("variance", Money.asYuan(l.variance()));
        m.put("rate", Dto.v(l.rate()));
        return m;
    }

    private static Map<String, Object> performance(PerformanceAssessment p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("score", Dto.v(p.score()));
        m.put("grade", p.grade());
        m.put("targets", p.results().stream().map(x -> {
            PerformanceTarget t = x.target();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", t.name());
            r.put("dimension", t.dimension().name());
            r.put("dimensionLabel", t.dimension().label());
            r.put("department", t.department());
            r.put("item", t.item());
            r.put("comparison", t.comparison().name());
            r.put("comparator", t.comparison().symbol());
            r.put("target", t.target());
            r.put("unit", t.unit());
            r.put("weight", t.weight());
            r.put("source", t.source());
            r.put("actual", Dto.v(x.actual()));
            r.put("met", x.met().orElse(null));
            r.put("earned", x.earned());
            return r;
        }).toList());
        return m;
    }

    private static Map<String, Object> event(BudgetEvent e, boolean withoutComment) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("version", e.version());
        m.put("action", e.action().name());
        m.put("actionLabel", e.action().label());
        m.put("from", e.from().map(Enum::name).orElse(null));
        m.put("fromLabel", e.from().map(BudgetState::label).orElse(null));
        m.put("to", e.to().name());
        m.put("toLabel", e.to().label());
        m.put("user", e.user());
        m.put("comment", withoutComment ? "" : e.comment());
        return m;
    }

    // ------------------------------------------------------------------------------------------------- changing

    /** {@code POST /api/budget/{hospital}/{year}/{action}}: submit, approve, return, close or adjust. */
    void act(Context ctx) {
        Params.only(ctx);
        Scope scope = Access.scope(ctx);
        String hospital = ctx.pathParam("hospital");
        int year = Params.integer(ctx.pathParam("year"), "year", 2000, 2100);
        BudgetAction action = action(ctx.pathParam("action"));
        requireAllowed(scope, hospital, action);
        String user = scope.user().name();
        BudgetVersion v;
        String detail;
        if (action == BudgetAction.ADJUST) {
            AdjustRequest in = Params.body(ctx, AdjustRequest.class);
            String reason = Params.present(in.reason()).orElse("");
            if (in.lines() == null || in.lines().isEmpty() || in.lines().size() > MAX_ADJUST_LINES) {
                throw new BadRequestResponse("调整内容 lines 应有 1–" + MAX_ADJUST_LINES + " 行（department、item、month、amount）");
            }
            if (reason.length() > 2000) {
                throw new BadRequestResponse("调整原因最多 2000 字");
            }
            List<BudgetRowCheck.RawRow> rows = new ArrayList<>();
            int n = 1;
            for (AdjustLine l : in.lines()) {
                if (l == null) {
                    throw new BadRequestResponse("调整内容中有空行");
                }
                Map<String, String> cells = new LinkedHashMap<>();
                cells.put("hospital_id", hospital);
                cells.put("year", String.valueOf(year));
                cells.put("department", Params.present(l.department()).orElse(""));
                cells.put("item", Params.present(l.item()).orElse(""));
                cells.put("month", Params.present(l.month()).orElse(""));
                cells.put("amount", Params.present(l.amount()).orElse(""));
                rows.add(new BudgetRowCheck.RawRow(n++, cells));
            }
            synchronized (writes) {
                v = db.with(d -> {
                    BudgetStore s = store(d);
                    BudgetRowCheck.Result checked = s.rowCheck().check(rows);
                    if (!checked.rejected().isEmpty()) {
                        throw new BadRequestResponse("调整内容有 " + checked.rejected().size() + " 行不合格，未做调整："
                                + String.join("；", checked.rejected().stream().limit(5).map(x -> "第 " + x.row().line()
                                + " 行 " + String.join("；", x.messages())).toList()));
                    }
                    return step(() -> s.adjust(hospital, year, checked.accepted(), reason, user, clock.instant()));
                });
            }
            detail = hospital + " " + year + " 年" + v.label() + "（" + rows.size() + " 行）：" + Params.clip(reason);
        } else {
            StepRequest in = Params.body(ctx, StepRequest.class);
            String comment = Params.present(in.comment()).orElse("");
            if (comment.length() > 2000) {
                throw new BadRequestResponse("意见最多 2000 字");
            }
            synchronized (writes) {
                v = db.with(d -> step(() -> store(d).transition(hospital, year, action, comment, user, clock.instant())));
            }
            detail = hospital + " " + year + " 年" + v.label() + " → " + v.state().label()
                    + (comment.isEmpty() ? "" : "：" + Params.clip(comment));
        }
        access.audit(ctx, "预算" + action.label(), detail);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hospitalId", hospital);
        out.put("year", year);
        out.put("action", name(action));
        out.put("version", version(v, false));
        ctx.json(out);
    }

    /** {@code POST /api/budget/import}: a budget file (compiles drafts) or actual amounts, as CSV text. */
    void importFile(Context ctx) {
        Params.only(ctx);
        Scope scope = Access.scope(ctx);
        Role role = scope.user().role();
        if (role == Role.DEPARTMENT) {
            throw new ForbiddenResponse("科室用户只能查看本科室的预算执行，不能导入");
        }
        if (role == Role.REGULATOR) {
            throw new ForbiddenResponse("预算和实际数由医院导入；卫生健康委用户负责批准或退回");
        }
        ImportRequest in = Params.body(ctx, ImportRequest.class);
        String kind = Params.present(in.kind()).orElse("budget");
        if (!kind.equals("budget") && !kind.equals("actuals")) {
            throw new BadRequestResponse("kind 应为 budget（预算编制表）或 actuals（实际数），实际为 '" + Params.clip(kind) + "'");
        }
        if (in.text() == null || in.text().isBlank()) {
            throw new BadRequestResponse("文件内容不能为空");
        }
        String name = Params.clip(Params.present(in.name()).orElse(kind.equals("budget") ? "预算编制表.csv" : "实际数.csv"));
        if (name.toLowerCase(java.util.Locale.ROOT).matches(".*\\.xlsx?")) {
            throw new BadRequestResponse("网页导入只接受 CSV 文件（UTF-8）：请把 Excel 另存为 CSV 后再导入");
        }
        byte[] bytes = in.text().getBytes(StandardCharsets.UTF_8);
        TableFile table = TableFile.read(name, bytes, StandardCharsets.UTF_8, BudgetRowCheck.COLUMNS);
        List<BudgetRowCheck.RawRow> rows = BudgetStore.rows(table);
        if (rows.isEmpty()) {
            throw new BadRequestResponse(name + " 中没有数据行");
        }
        if (role == Role.HOSPITAL) {
            Set<String> others = new TreeSet<>();
            rows.stream().map(r -> r.cell("hospital_id")).filter(h -> !h.isEmpty() && !scope.allowsHospital(h))
                    .forEach(others::add);
            if (!others.isEmpty()) {
                throw new ForbiddenResponse("文件中有其他医院（" + String.join("、", others.stream().limit(5)
                        .map(Params::clip).toList()) + (others.size() > 5 ? " 等" : "") + "）的行：医院用户只能导入本院（"
                        + scope.ownHospital().orElse("") + "）的数据，整个文件未导入");
            }
        }
        String user = scope.user().name();
        String sha = PlanDocuments.fingerprint(bytes);
        BudgetStore.ImportResult r;
        synchronized (writes) {
            r = db.with(d -> step(() -> kind.equals("budget")
                    ? store(d).importBudget(name, sha, rows, user, clock.instant())
                    : store(d).importActuals(name, sha, rows, user, clock.instant())));
        }
        if (kind.equals("actuals") && r.accepted() > 0) {
            measuresChanged.run();
        }
        access.audit(ctx, kind.equals("budget") ? "预算编制" : "导入实际数", name + "：读取 " + r.read() + " 行，接收 "
                + r.accepted() + " 行，拒收 " + r.rejected().size() + " 行"
                + (r.changes().isEmpty() ? "" : "；" + Params.clip(String.join("；", r.changes()))));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("kind", kind);
        out.put("read", r.read());
        out.put("accepted", r.accepted());
        out.put("rejected", r.rejected().size());
        out.put("rejectedByRule", r.rejectedByRule());
        out.put("rejectedRows", r.rejected().stream().limit(REJECTED_ROWS_SHOWN).map(x -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", x.row().line());
            for (String c : BudgetRowCheck.COLUMNS) {
                row.put(c, x.row().cell(c));
            }
            row.put("ruleIds", x.ruleIds());
            row.put("reasons", x.messages());
            return row;
        }).toList());
        out.put("changes", r.changes());
        ctx.json(out);
    }

    // ------------------------------------------------------------------------------------------------- report

    /** {@code GET /api/budget/report?hospital=&year=&month=&format=pdf|xlsx&public=}: the yearly report file. */
    void report(Context ctx) {
        Params.only(ctx, "hospital", "year", "month", "format", "public");
        String format = Params.text(ctx, "format").orElse("pdf");
        if (!format.equals("pdf") && !format.equals("xlsx")) {
            throw new BadRequestResponse("参数 format 应为 pdf 或 xlsx");
        }
        String p = Params.text(ctx, "public").orElse("false");
        if (!List.of("true", "false", "1", "0").contains(p)) {
            throw new BadRequestResponse("参数 public 应为 true 或 false");
        }
        boolean publicSummary = p.equals("true") || p.equals("1");
        Scope scope = Access.scope(ctx);
        if (!publicSummary && scope.department().isPresent()) {
            throw new ForbiddenResponse("科室用户只能下载财务信息公开摘要（public=true）");
        }
        BudgetReport r = db.with(d -> {
            BudgetStore s = store(d);
            Selection sel = select(ctx, scope, s);
            return step(() -> analysis(d, s).report(sel.hospital(), sel.year(), sel.month()));
        });
        boolean synthetic = db.with(org.hqd.store.DataDirectory::synthetic);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (format.equals("pdf")) {
                new BudgetReportPdf(CjkFont.locate()).synthetic(synthetic).write(r, publicSummary, out);
                ctx.contentType("application/pdf");
            } else {
                new BudgetReportExcel().synthetic(synthetic).write(r, publicSummary, out);
                ctx.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        access.audit(ctx, "导出", (publicSummary ? "财务信息公开 " : "预算报告 ") + r.hospitalId() + " " + r.year()
                + " 年（截至 " + r.month() + " 月）." + format);
        ctx.header("Content-Disposition", "attachment; filename=\"budget-" + r.hospitalId() + "-" + r.year()
                + String.format("-%02d", r.month()) + (publicSummary ? "-public" : "") + "." + format + "\"");
        ctx.result(out.toByteArray());
    }
}
