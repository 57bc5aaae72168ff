package org.hqd.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import org.hqd.HqdException;
import org.hqd.casemix.grouping.DrgGrouper;
import org.hqd.casemix.rulepack.RulePack;
import org.hqd.casemix.rulepack.RulePackCatalog;
import org.hqd.store.DataDirectory;
import org.hqd.store.StoreException;
import org.hqd.store.importing.Importer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code hqd serve}: the HTTP API under {@code /api}, its OpenAPI description at {@code /openapi.json}, the pages
 * (static HTML + JavaScript + ECharts from the class path) at {@code /}. Requests are limited to 1 MB; errors are
 * JSON {@code {"status", "error"}} with a message in Chinese, never a stack trace.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final long MAX_REQUEST = 1 << 20;

    private final Javalin app;
    private final Connections db;

    private WebServer(Javalin app, Connections db) {
        this.app = app;
        this.db = db;
    }

    /** Starts a server on the data directory (which the caller keeps open until {@link #close()}); port 0: any free port. */
    public static WebServer start(DataDirectory dir, String host, int port, Clock clock) {
        org.hqd.store.query.UnitMetricsQuery.prepareMonthlyBenchmark(dir);
        Connections db = new Connections(dir, Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        RulePack pack = RulePackCatalog.bundled().load(dir.setting(Importer.SCHEME_SETTING)
                .orElse(RulePackCatalog.DEFAULT_PACK));
        Access access = new Access(db, clock);
        SessionApi session = new SessionApi(db, access, clock);
        DataApi data = new DataApi(db, access, pack);
        CaseApi cases = new CaseApi(db, DrgGrouper.of(pack));
        LedgerApi ledger = new LedgerApi(db, access, clock);
        BudgetApi budget = new BudgetApi(db, access, clock, () -> {
            data.measuresChanged();
            ledger.measuresChanged();
        });
        CostingApi costing = new CostingApi(db, clock);
        ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        Javalin app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = MAX_REQUEST;
            config.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/web";
                s.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            config.routes.before("/api/*", access::authenticate);
            config.routes.post("/api/session", session::login);
            config.routes.get("/api/session", session::me);
            config.routes.delete("/api/session", session::logout);
            config.routes.get("/api/info", data::info);
            config.routes.get("/api/hospitals", data::hospitals);
            config.routes.get("/api/hospitals/{id}/metrics", data::hospitalMetrics);
            config.routes.get("/api/metrics", data::metrics);
            config.routes.get("/api/standards", data::standards);
            config.routes.get("/api/drgs/{drg}/cases", data::drgCases);
            config.routes.get("/api/outliers", data::outliers);
            config.routes.get("/api/costs", data::costs);
            config.routes.get("/api/quality", data::quality);
            config.routes.get("/api/dip", data::dip);
            config.routes.get("/api/evaluation", data::evaluation);
            config.routes.get("/api/evaluation/brief", data::brief);
            config.routes.post("/api/export", data::export);
            config.routes.get("/api/audit", data::audit);
            config.routes.post("/api/group", cases::group);
            config.routes.post("/api/monitor", cases::monitor);
            config.routes.get("/api/ledger/plans", ledger::plans);
            config.routes.post("/api/ledger/plans", ledger::commit);
            config.routes.post("/api/ledger/extract", ledger::extract);
            config.routes.get("/api/ledger/tasks", ledger::tasks);
            config.routes.get("/api/ledger/tasks/{id}", ledger::task);
            config.routes.post("/api/ledger/tasks/{id}/notes", ledger::update);
            config.routes.get("/api/ledger/units", ledger::units);
            config.routes.get("/api/ledger/brief", ledger::brief);
            config.routes.get("/api/budget", budget::budget);
            config.routes.get("/api/budget/list", budget::list);
            config.routes.get("/api/budget/report", budget::report);
            config.routes.post("/api/budget/import", budget::importFile);
            config.routes.post("/api/budget/{hospital}/{year}/{action}", budget::act);
            config.routes.get("/api/costing/runs", costing::runs);
            config.routes.get("/api/costing/departments", costing::departments);
            config.routes.get("/api/costing/drgs", costing::drgs);
            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    ctx.status(e.getStatus()).json(new ApiError(e.getStatus(), chinese(e))));
            config.routes.exception(StoreException.class, (e, ctx) -> {
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
        app.start(host, port);
        return new WebServer(app, db);
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
        app.stop();
        db.close();
    }
}
