package org.hqd.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import org.hqd.DataStoreException;
import org.hqd.HqdException;
import org.hqd.app.ConnectionPool;
import org.hqd.app.NotFoundException;
import org.hqd.app.Workspace;
import org.hqd.app.access.AccessService;
import org.hqd.app.access.UserAdministration;
import org.hqd.app.budget.BudgetReports;
import org.hqd.app.budget.BudgetService;
import org.hqd.app.evaluation.EvaluationService;
import org.hqd.app.ledger.LedgerService;
import org.hqd.app.standards.StandardsService;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hqd serve}: the HTTP API under {@code /api}, its OpenAPI description at {@code /openapi.json}, the pages
 * (static HTML + JavaScript + ECharts from the class path) at {@code /}. Requests are limited to 1 MB, costly ones
 * in number ({@link HeavyRequests}); every response carries the {@link SecurityHeaders}; errors are JSON
 * {@code {"status", "error"}} with a message in Chinese, never a stack trace. While it runs, the command line
 * changes users through its {@link AdminChannel}.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final long MAX_REQUEST = ExportApi.MAX_BODY;

    /**
     * Where to listen and how the server is reached: {@code secureCookies} when browsers reach it over TLS (a TLS
     * proxy in front), {@code trustedProxies} the reverse proxies whose {@code X-Forwarded-For} and
     * {@code X-Forwarded-Proto} are believed.
     */
    public record Settings(String host, int port, boolean secureCookies, java.util.Set<String> trustedProxies) {
        public Settings {
            trustedProxies = java.util.Set.copyOf(trustedProxies);
        }

        public static Settings of(String host, int port) {
            return new Settings(host, port, false, java.util.Set.of());
        }
    }

    private final Javalin app;
    private final ConnectionPool db;
    private final AdminChannel channel;
    private final HeavyRequests heavy;
    private final Warmup warmup;

    private WebServer(Javalin app, ConnectionPool db, AdminChannel channel, HeavyRequests heavy, Warmup warmup) {
        this.app = app;
        this.db = db;
        this.channel = channel;
        this.heavy = heavy;
        this.warmup = warmup;
    }

    /** Starts a server on the data directory (which the caller keeps open until {@link #close()}); port 0: any free port. */
    public static WebServer start(Workspace dir, String host, int port, Clock clock) {
        return start(dir, Settings.of(host, port), clock);
    }

    /** Starts a server with its settings. */
    public static WebServer start(Workspace dir, Settings settings, Clock clock) {
        ConnectionPool db = dir.pool(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        StandardsService standards = StandardsService.forServer(db);
        RulePack pack = dir.pack();
        ClientAddress clients = new ClientAddress(settings.trustedProxies(), settings.secureCookies());
        SecurityHeaders headers = new SecurityHeaders(clients);
        HeavyRequests heavy = new HeavyRequests();
        AccessService accessService = new AccessService(db, clock);
        Access access = new Access(accessService, new EvaluationService(db, clock), clients);
        SessionApi session = new SessionApi(accessService, access, clock, org.hqd.access.LoginThrottle.standard());
        AdminChannel channel = AdminChannel.create(dir.path(), new UserAdministration(db, clock,
                accessService::usersChanged));
        Warmup warmup = new Warmup();
        // a province's answer of a period two hospitals asked for is computed on the warm-up's thread (ProvinceFirst)
        java.util.concurrent.Executor background = r -> warmup.once("一个期间的全地区结果", r);
        ReadAnswers answers = new ReadAnswers(background);
        UnitVisibility units = new UnitVisibility(answers, standards);
        DataApi data = new DataApi(db, access, pack, standards, answers, units);
        CostOutputApi costOutput = new CostOutputApi(db, clock, answers, units);
        DipApi dip = new DipApi(db, answers);
        ExportApi export = new ExportApi(access, data::synthetic);
        RankingApi ranking = new RankingApi(data);
        EvaluationApi evaluation = new EvaluationApi(data);
        CaseApi cases = new CaseApi(standards, DrgGrouper.of(pack));
        PaymentApi payment = new PaymentApi(db, clock, RulePackCatalog.bundled(), background);
        LedgerService ledgerService = new LedgerService(db, clock);
        LedgerApi ledger = new LedgerApi(ledgerService, clock);
        BudgetReports budgetReports = BudgetReports.forServer(db, clock);
        BudgetService budgetService = new BudgetService(db, clock, () -> {
            answers.clear();
            ledgerService.measuresChanged();
            budgetReports.measuresChanged();
            warmup.request();
        });
        BudgetApi budget = new BudgetApi(budgetService, budgetReports);
        warmup.add("评价与概览结果", data::warm);
        warmup.add("各院科室、医生与病组的盈亏", () -> costOutput.warm(data.standardsComputed()));
        warmup.add("各院科室的 DIP 分值", dip::warm);
        warmup.add("预算列表", budget::warm);
        warmup.add("预算报告期的指标", budgetReports::warm);
        warmup.add("台账跟踪期的指标", ledgerService::warm);
        CostingApi costing = new CostingApi(db, clock);
        warmup.add("各院成本核算的科室成本", costing::warm);
        warmup.add("医保审核的 CC/MCC 表", payment::warm);
        warmup.add("全期医保结算的各院各月与亏损病例", payment::warmSettlement);
        warmup.add("全期医保审核的全地区部分", payment::warmCompliance);
        warmup.add("预算年度各月的指标", budgetReports::warmMonths);
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = MAX_REQUEST;
            // pages are never stored by a cache; scripts and styles are, but revalidated (SecurityHeaders)
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
                s.headers = java.util.Map.of("Cache-Control", "no-store");
                s.skipFileFunction = req -> !SecurityHeaders.noStore(req.getRequestURI());
            });
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
                s.headers = java.util.Map.of("Cache-Control", "no-cache");
                s.skipFileFunction = req -> SecurityHeaders.noStore(req.getRequestURI());
            });
            config.staticFiles.enableWebjars();
            config.routes.before(headers::apply);
            config.routes.before("/api/*", access::authenticate);
            config.routes.post("/api/session", heavy.guard(HeavyRequests.Kind.LOGIN, session::login));
            config.routes.get("/api/session", session::me);
            config.routes.delete("/api/session", session::logout);
            config.routes.get("/api/info", data::info);
            config.routes.get("/api/hospitals", data::hospitals);
            config.routes.get("/api/hospitals/{id}/metrics", data::hospitalMetrics);
            config.routes.get("/api/metrics", data::metrics);
            config.routes.get("/api/standards", data::standards);
            config.routes.get("/api/drgs/{drg}/cases", data::drgCases);
            config.routes.get("/api/outliers", data::outliers);
            config.routes.get("/api/costs", costOutput::costs);
            config.routes.get("/api/quality", data::quality);
            config.routes.get("/api/dip", dip::dip);
            config.routes.get("/api/payment", payment::summary);
            config.routes.get("/api/payment/cases", payment::cases);
            config.routes.get("/api/payment/cases/{hospital}/{record}", payment::explain);
            config.routes.get("/api/compliance", payment.complianceKept(heavy.guard(HeavyRequests.Kind.SCREENING,
                    payment::compliance)));
            config.routes.get("/api/evaluation", evaluation::evaluation);
            config.routes.get("/api/evaluation/tiers", evaluation::tiers);
            config.routes.get("/api/ranking", ranking::ranking);
            config.routes.get("/api/evaluation/brief", heavy.guard(HeavyRequests.Kind.REPORT, data::brief));
            config.routes.post("/api/export", heavy.guard(HeavyRequests.Kind.EXPORT, export::export));
            config.routes.get("/api/audit", data::audit);
            config.routes.post("/api/group", cases::group);
            config.routes.post("/api/monitor", cases::monitor);
            config.routes.get("/api/ledger/plans", ledger::plans);
            config.routes.post("/api/ledger/plans", heavy.guard(HeavyRequests.Kind.DOCUMENT, ledger::commit));
            config.routes.post("/api/ledger/extract", heavy.guard(HeavyRequests.Kind.DOCUMENT, ledger::extract));
            config.routes.get("/api/ledger/tasks", ledger::tasks);
            config.routes.get("/api/ledger/tasks/{id}", ledger::task);
            config.routes.post("/api/ledger/tasks/{id}/notes", ledger::update);
            config.routes.get("/api/ledger/units", ledger::units);
            config.routes.get("/api/ledger/brief", heavy.guard(HeavyRequests.Kind.REPORT, ledger::brief));
            config.routes.get("/api/budget", budget::budget);
            config.routes.get("/api/budget/list", budget::list);
            config.routes.get("/api/budget/report", heavy.guard(HeavyRequests.Kind.REPORT, budget::report));
            config.routes.post("/api/budget/import", heavy.guard(HeavyRequests.Kind.DOCUMENT, budget::importFile));
            config.routes.get("/api/admin/users", channel::users);
            config.routes.post("/api/admin/users", channel::users);
            config.routes.post("/api/budget/{hospital}/{year}/{action}", budget::act);
            config.routes.get("/api/costing/runs", costing::runs);
            config.routes.get("/api/costing/departments", costing::departments);
            config.routes.get("/api/costing/drgs", costing::drgs);
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                if (UnreadBody.refusedUnread(e.getStatus())) {
                    UnreadBody.discard(ctx);
                }
                ctx.status(e.getStatus()).json(new ApiError(e.getStatus(), chinese(e)));
            });
            config.routes.exception(NotFoundException.class, (e, ctx) ->
                    ctx.status(404).json(new ApiError(404, e.withoutHint())));
            config.routes.exception(DataStoreException.class, (e, ctx) -> {
                LOG.error("请求 {} {} 的数据库操作失败：{}", ctx.method(), ctx.path(), e.getMessage());
                ctx.status(503).json(new ApiError(503, "数据库暂时无法完成请求，请稍后重试"));
            });
            config.routes.exception(HqdException.class, (e, ctx) ->
                    ctx.status(400).json(new ApiError(400, e.withoutHint())));
            config.routes.exception(com.fasterxml.jackson.core.JacksonException.class, (e, ctx) ->
                    ctx.status(400).json(new ApiError(400, e instanceof UnrecognizedPropertyException u
                            ? "请求体中有未知字段 '" + Params.clip(u.getPropertyName()) + "'" : "请求体不是有效的 JSON")));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("请求 {} {} 失败：{}", ctx.method(), ctx.path(), e.toString());
                ctx.status(500).json(new ApiError(500, "服务器内部错误，请联系管理员"));
            });
        });
        app.start(settings.host(), settings.port());
        String local = settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "127.0.0.1"
                : settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        channel.publish("http://" + local + ":" + app.port());
        warmup.request();
        return new WebServer(app, db, channel, heavy, warmup);
    }

    /**
     * Runs a step once in the server's warm-up thread, after the shared results: what the serving command warms beyond
     * the web module (the briefing libraries). {@code name} says what it warms.
     */
    public void warmUpOnce(String name, Runnable step) {
        warmup.once(name, step);
    }

    /** The limits of costly requests (a test holds their permits). */
    HeavyRequests heavy() {
        return heavy;
    }

    /** Javalin's own messages (404, 405, 413 …) in Chinese; ours are already. */
    private static String chinese(HttpResponseException e) {
        String m = String.valueOf(e.getMessage());
        if (m.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)) {
            return m;
        }
        return switch (e.getStatus()) {
            case 404 -> "没有这个地址";
            case 405 -> "不支持此请求方法";
            case 413 -> "请求体过大（最大 1 MB）";
            case 400 -> "请求格式错误";
            default -> "请求无法完成（" + e.getStatus() + "）";
        };
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        warmup.close();
        channel.close();
        app.stop();
        db.close();
    }
}
