package org.hqd.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.hqd.HqdException;
import org.hqd.access.Role;
import org.hqd.access.Scope;
import org.hqd.app.budget.BudgetFile;
import org.hqd.app.budget.BudgetImport;
import org.hqd.app.budget.BudgetReports;
import org.hqd.app.budget.BudgetService;
import org.hqd.app.budget.BudgetSummary;
import org.hqd.app.budget.BudgetView;
import org.hqd.app.budget.Selection;
import org.hqd.budget.BudgetAction;
import org.hqd.budget.BudgetCatalog;
import org.hqd.budget.BudgetReport;
import org.hqd.budget.BudgetRowCheck;
import org.hqd.budget.BudgetState;
import org.hqd.budget.BudgetVersion;
import org.hqd.budget.BudgetWorkflow;
import org.hqd.report.BudgetReportExcel;
import org.hqd.report.BudgetReportPdf;
import org.hqd.report.CjkFont;

/**
 * The budget's API (全面预算管理). Who sees what: a hospital's budgets are visible to the users whose scope includes
 * the hospital; a department user sees only its department's lines (and totals of those), without the comments of
 * the history. Who does what: hospital users compile (import), submit, adjust, close and import actuals of their own
 * hospital; regulators approve and return the budgets of the hospitals in their scope; admins everything; department
 * users nothing. What the role allows, the workflow ({@link BudgetWorkflow}) still has to accept: {@code can} of
 * {@code GET /api/budget} offers only what both allow. Amounts in the JSON are yuan, rates fractions. The use cases
 * are {@link BudgetService} and {@link BudgetReports}; this class checks roles, parses and renders.
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

    private final BudgetService budgets;
    private final BudgetReports reports;
    private final BudgetCatalog catalog = BudgetCatalog.standard();
    /**
     * Budget views as computed (execution against the budget reads every line of a hospital-year: 0.7–0.9 s on the
     * 10M store), dropped whenever this server changes a budget or imports actuals; nothing else writes budgets while
     * the server holds the data directory.
     */
    private final org.hqd.app.ResultCache views = new org.hqd.app.ResultCache(1024);
    /** The answers of the list and the views as sent, forgotten with {@link #views} ({@link #forget()}). */
    private final JsonResponses responses = new JsonResponses(1024);

    BudgetApi(BudgetService budgets, BudgetReports reports) {
        this.budgets = budgets;
        this.reports = reports;
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

    // ------------------------------------------------------------------------------------------------- reading

    /** Forgets the views, their answers and the budgets read (a budget or its actuals changed). */
    private void forget() {
        views.clear();
        responses.clear();
        reports.budgetsChanged();
    }

    /** {@code GET /api/budget/list}: the budgets the user may see, latest year first. */
    void list(Context ctx) {
        responses.send(ctx, () -> listAnswer(ctx));
    }

    private List<Map<String, Object>> listAnswer(Context ctx) {
        Params.only(ctx);
        Scope scope = Access.scope(ctx);
        List<Map<String, Object>> out = new ArrayList<>();
        for (BudgetSummary b : all().stream().filter(b -> scope.allowsHospital(b.latest().hospitalId())).toList()) {
            BudgetVersion v = b.latest();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hospitalId", v.hospitalId());
            m.put("hospitalName", b.hospitalName());
            m.put("year", v.year());
            m.put("latest", BudgetJson.version(v, false));
            m.put("inForce", b.inForce().map(x -> BudgetJson.version(x, false)).orElse(null));
            m.put("monthsWithActuals", b.monthsWithActuals());
            out.add(m);
        }
        return out;
    }

    /** Every budget's summary (cached like the views): the list filters it by the reader's scope. */
    private List<BudgetSummary> all() {
        return views.get("list", () -> reports.list(h -> true));
    }

    /** Computes the budget list in the background at start ({@link Warmup}). */
    void warm() {
        all();
    }

    /** The hospital, year and month a request is about (the user's own hospital by default), with the defaults resolved. */
    private Selection select(Context ctx, Scope scope) {
        Optional<Integer> year = Params.integer(ctx, "year", 2000, 2100);
        Optional<Integer> month = Params.integer(ctx, "month", 1, 12);
        Optional<String> asked = Params.text(ctx, "hospital").or(scope::ownHospital);
        asked.ifPresent(h -> Access.requireHospital(ctx, h));
        // without a hospital the choice depends on what the reader may see: its scope is part of the key
        return views.get("select|" + asked + "|" + year + "|" + month + "|" + (asked.isPresent() ? "" : scope.hospitals().map(TreeSet::new)),
                () -> reports.select(asked, year, month, scope::allowsHospital));
    }

    /** {@code GET /api/budget?hospital=&year=&month=}: one hospital-year as of a month. */
    void budget(Context ctx) {
        responses.send(ctx, () -> budgetAnswer(ctx));
    }

    private Object budgetAnswer(Context ctx) {
        Params.only(ctx, "hospital", "year", "month");
        Scope scope = Access.scope(ctx);
        Selection asked = select(ctx, scope);
        BudgetView v = views.get("view|" + asked + "|" + scope.department(), () -> reports.view(asked,
                scope.department()));
        Selection sel = v.selection();
        return BudgetJson.view(v, can(scope, sel.hospital(), sel.year(), Optional.of(sel.latest()), sel.months()),
                catalog);
    }

    // ------------------------------------------------------------------------------------------------- changing

    /** {@code POST /api/budget/{hospital}/{year}/{action}}: submit, approve, return, close or adjust. */
    void act(Context ctx) {
        forget();
        Params.only(ctx);
        Scope scope = Access.scope(ctx);
        String hospital = ctx.pathParam("hospital");
        int year = Params.integer(ctx.pathParam("year"), "year", 2000, 2100);
        BudgetAction action = action(ctx.pathParam("action"));
        requireAllowed(scope, hospital, action);
        BudgetVersion v;
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
            v = budgets.adjust(ActingUser.of(ctx), hospital, year, rows, reason);
        } else {
            StepRequest in = Params.body(ctx, StepRequest.class);
            String comment = Params.present(in.comment()).orElse("");
            if (comment.length() > 2000) {
                throw new BadRequestResponse("意见最多 2000 字");
            }
            v = budgets.step(ActingUser.of(ctx), hospital, year, action, comment);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hospitalId", hospital);
        out.put("year", year);
        out.put("action", name(action));
        out.put("version", BudgetJson.version(v, false));
        forget();
        ctx.json(out);
    }

    /** {@code POST /api/budget/import}: a budget file (compiles drafts) or actual amounts, as CSV text. */
    void importFile(Context ctx) {
        forget();
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
        if (name.toLowerCase(Locale.ROOT).matches(".*\\.xlsx?")) {
            throw new BadRequestResponse("网页导入只接受 CSV 文件（UTF-8）：请把 Excel 另存为 CSV 后再导入");
        }
        BudgetFile file = BudgetFile.of(name, in.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                BudgetRowCheck.COLUMNS);
        if (file.rows().isEmpty()) {
            throw new BadRequestResponse(name + " 中没有数据行");
        }
        if (role == Role.HOSPITAL) {
            Set<String> others = new TreeSet<>();
            file.hospitals().stream().filter(h -> !scope.allowsHospital(h)).forEach(others::add);
            if (!others.isEmpty()) {
                throw new ForbiddenResponse("文件中有其他医院（" + String.join("、", others.stream().limit(5)
                        .map(Params::clip).toList()) + (others.size() > 5 ? " 等" : "") + "）的行：医院用户只能导入本院（"
                        + scope.ownHospital().orElse("") + "）的数据，整个文件未导入");
            }
        }
        BudgetImport r = kind.equals("budget") ? budgets.importBudget(ActingUser.of(ctx), file)
                : budgets.importActuals(ActingUser.of(ctx), file);
        forget();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("kind", kind);
        out.put("read", r.read());
        out.put("accepted", r.accepted());
        out.put("rejected", r.rejected().size());
        out.put("rejectedByRule", r.rejectedByRule());
        out.put("ruleNames", org.hqd.budget.BudgetRowCheck.RULE_NAMES);
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
        Selection sel = select(ctx, scope);
        String file = "budget-" + sel.hospital() + "-" + sel.year() + String.format("-%02d", sel.month())
                + (publicSummary ? "-public" : "") + "." + format;
        BudgetReport r = reports.export(ActingUser.of(ctx), sel.hospital(), sel.year(), sel.month(), publicSummary, file);
        boolean synthetic = reports.synthetic();
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
        ctx.header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        ctx.result(out.toByteArray());
    }
}
